package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/**
 * How a chip's circuits are timed (DNN+NeuroSim's two modes; docs/reference/timing.md §3 and §4).
 */
public enum Timing implements Keyed {
    /**
     * Everything in whole cycles of the one clock (DNN+NeuroSim V1.3/V1.4 {@code synchronous = true}):
     * a crossbar read takes columns per converter × ⌈sensing path / T⌉ cycles, so the path bounds the
     * clock; a register-file buffer moves one line per cycle (V1.3 Buffer.cpp: "read 1 line per cycle").
     */
    SYNCHRONOUS("synchronous"),
    /**
     * The clock times the digital logic only; the analog reads are self-timed (DNN+NeuroSim's
     * asynchronous mode, V1.3 {@code synchronous = false}, and DNN+NeuroSim V2.1, whose Param.cpp has
     * no synchronous option and a 1 GHz {@code clkFreq}): a crossbar read takes columns per
     * converter × its sensing path, whatever the clock, and a register-file (dff) buffer line half a
     * clock cycle (Buffer.cpp: "assume dff need half clock cycle to access").
     */
    ASYNCHRONOUS("asynchronous");

    private final String key;

    Timing(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
