package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** The memory a buffer is built from. */
public enum BufferKind implements Keyed {
    /** static RAM. */
    SRAM("sram"),
    /** embedded DRAM. */
    EDRAM("edram"),
    /** flip-flop register file. */
    REGISTER("register");

    private final String key;

    BufferKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
