package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** The technology of a memristive device. */
public enum DeviceKind implements Keyed {
    /** resistive RAM (filamentary oxide). */
    RRAM("rram"),
    /** phase-change memory. */
    PCM("pcm"),
    /** ferroelectric FET. */
    FEFET("fefet"),
    /** electrochemical RAM. */
    ECRAM("ecram"),
    /** magnetic tunnel junction. */
    MRAM("mram"),
    /** volatile diffusive memristor (Ag/Cu filaments), used for neurons. */
    DIFFUSIVE("diffusive");

    private final String key;

    DeviceKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
