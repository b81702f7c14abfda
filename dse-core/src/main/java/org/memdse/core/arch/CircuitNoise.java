package org.memdse.core.arch;

/**
 * The circuit side of a macro's accuracy: what its ADCs and analog transfers add to a column's
 * value. No published defaults were found for these (docs/reference/accuracy.md, the gaps), so
 * they are 0 unless the description gives them.
 *
 * @param adcOffset     standard deviation of an ADC's static offset across the ADCs, in LSB
 * @param adcNoise      rms noise of one conversion, in LSB
 * @param transferNoise relative sigma a value picks up when it stays analog between layers
 *                      (sample-and-hold, analog activation), of the value's full scale
 */
public record CircuitNoise(double adcOffset, double adcNoise, double transferNoise) {
    /** Ideal converters and transfers. */
    public static final CircuitNoise IDEAL = new CircuitNoise(0, 0, 0);

    public CircuitNoise {
        Checks.nonNegative("adc_offset", adcOffset);
        Checks.nonNegative("adc_noise", adcNoise);
        Checks.nonNegative("transfer_noise", transferNoise);
    }
}
