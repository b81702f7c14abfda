package org.memdse.core.arch;

/**
 * Optional AD/DA conversion to digital systems.
 *
 * @param name     subsystem name
 * @param channels converters of each kind
 * @param adc      the ADCs ({@code columnsPerAdc} is 1 here)
 * @param dac      the DACs
 */
public record AdDa(String name, int channels, Adc adc, Dac dac) implements Subsystem {
    public static final String KIND = "adda";

    public AdDa {
        Checks.notNull("name", name);
        Checks.atLeast("channels", channels, 1);
        Checks.notNull("adc", adc);
        Checks.notNull("dac", dac);
    }

    @Override
    public int networkEndpoints() {
        return 1;
    }
}
