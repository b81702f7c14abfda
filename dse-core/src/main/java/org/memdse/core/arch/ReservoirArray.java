package org.memdse.core.arch;

/**
 * The analog front end's reservoir: an array of dynamic (volatile) memristors driven by masked
 * input pulses, with the drivers that apply the pulses (one per device), the ADCs that sample the
 * devices' states, and a digital mask generator. Runs a network's {@code reservoir} layers.
 *
 * @param name         subsystem name
 * @param devices      dynamic memristors in the array (physical reservoir nodes)
 * @param pulseVoltage amplitude of the characterised input pulse, V
 * @param pulseCurrent current one device draws during it, A (a device's pulse power is V x I)
 * @param pulseWidth   width of the characterised pulse, s
 * @param adcChannels  ADCs sampling the devices' states (each converts devices / channels states in turn)
 * @param adc          the sampling ADCs
 * @param dac          the pulse drivers (one per device), with the bits of a pulse's amplitude
 * @param figures      published figures for the array: {@code energy} per pulse of one device
 *                     (over {@code pulseWidth}), area and leakage of the whole array with its mask generator
 */
public record ReservoirArray(String name, int devices, double pulseVoltage, double pulseCurrent, double pulseWidth,
                             int adcChannels, Adc adc, Dac dac, PublishedFigures figures) implements Subsystem {
    public static final String KIND = "reservoir";

    public ReservoirArray {
        Checks.notNull("name", name);
        Checks.atLeast("devices", devices, 1);
        Checks.atLeast("adc_channels", adcChannels, 1);
        if (!(pulseVoltage > 0) || !(pulseCurrent >= 0) || !(pulseWidth > 0)) {
            throw new IllegalArgumentException("pulse: voltage and width must be positive, current at least 0");
        }
        Checks.notNull("adc", adc);
        Checks.notNull("dac", dac);
        Checks.notNull("figures", figures);
    }

    /** Energy of one characterised pulse in one device, J: V x I x width (a resistive load under a constant-voltage pulse). */
    public double pulseEnergy() {
        return pulseVoltage * pulseCurrent * pulseWidth;
    }

    @Override
    public int networkEndpoints() {
        return 1;
    }
}
