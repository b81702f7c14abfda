package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** Where the weight gradients (outer products of errors and activations) of in-situ training are computed. */
public enum GradientUnit implements Keyed {
    /** in the same arrays, read transposed (extra column drivers and row ADC passes). */
    TRANSPOSED_READ("transposed-read"),
    /** a digital unit: one multiply-accumulate per weight and output position, exact sums. */
    DIGITAL("digital"),
    /** DNN+NeuroSim V2.1's SRAM compute-in-memory unit with 4-bit converters, sized for the layer with the largest input. */
    SRAM_CIM("sram-cim"),
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
