package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How spikes travel between SNN cores. */
public enum SpikeRouting implements Keyed {
    /** address-event representation packets over the on-chip network. */
    ADDRESS_EVENT("address-event"),
    /** dedicated point-to-point spike wires. */
    DEDICATED("dedicated");

    private final String key;

    SpikeRouting(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
