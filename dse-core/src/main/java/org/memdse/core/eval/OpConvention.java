package org.memdse.core.eval;

/**
 * How operations are counted for TOPS figures: one MAC of {@code weightBits}-bit weights and
 * {@code activationBits}-bit inputs is two operations. Papers differ (ISAAC counts 16-bit ops,
 * NeuroSim 8-bit ops), so every TOPS figure states its convention.
 *
 * @param weightBits     weight precision, bits
 * @param activationBits input activation precision, bits
 */
public record OpConvention(int weightBits, int activationBits) {
    /** NeuroSim's convention (8-bit weights and activations). */
    public static final OpConvention INT8 = new OpConvention(8, 8);
    /** ISAAC's convention (16-bit fixed point). */
    public static final OpConvention INT16 = new OpConvention(16, 16);

    public OpConvention {
        if (weightBits < 1 || weightBits > 32 || activationBits < 1 || activationBits > 32) {
            throw new IllegalArgumentException("bits must be 1..32, were " + weightBits + " and " + activationBits);
        }
    }

    /** Operations per MAC. */
    public static final int OPS_PER_MAC = 2;

    @Override
    public String toString() {
        return weightBits + "-bit weights x " + activationBits + "-bit inputs, 1 MAC = 2 ops";
    }
}
