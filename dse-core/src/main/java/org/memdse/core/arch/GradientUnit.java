package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** Where the weight gradients (outer products of errors and activations) of in-situ training are computed. */
public enum GradientUnit implements Keyed {
    /** in the same arrays, read transposed (extra column drivers and row ADC passes). */
    TRANSPOSED_READ("transposed-read"),
    /** a digital (SRAM CIM) weight-gradient unit sized for the largest layer (DNN+NeuroSim V2.1). */
    DIGITAL("digital"),
    /** off the chip: activations and errors go out, updates come back over the DRAM interface. */
    OFF_CHIP("off-chip");

    private final String key;

    GradientUnit(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
