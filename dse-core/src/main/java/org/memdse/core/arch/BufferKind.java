package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** The memory a buffer is built from. */
public enum BufferKind implements Keyed {
    /** static RAM. */
    SRAM("sram"),
    /** embedded DRAM. */
    EDRAM("edram"),
    /** flip-flop register file, priced from ISAAC's CACTI input and output registers. */
    REGISTER("register"),
    /** register file of NeuroSim's D flip-flops (12 minimum inverters per bit), as its buffers with {@code *BufferType = false}. */
    DFF("dff");

    private final String key;

    BufferKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
