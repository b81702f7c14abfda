package org.memdse.core.arch;

import java.util.OptionalDouble;

/**
 * Analogue-to-digital converters of a macro: one per {@code columnsPerAdc} columns of each array.
 *
 * @param kind          converter circuit
 * @param bits          resolution, 1..16
 * @param columnsPerAdc columns multiplexed onto one ADC (ADC sharing; 1 = one ADC per column)
 * @param sampleRateHz  conversion rate, Hz; empty to derive it from the read cycle
 * @param figures       published figures for one ADC
 */
public record Adc(AdcKind kind, int bits, int columnsPerAdc, OptionalDouble sampleRateHz, PublishedFigures figures) {
    public Adc {
        Checks.notNull("kind", kind);
        Checks.atLeast("adc.bits", bits, 1);
        Checks.atLeast("adc.columns_per_adc", columnsPerAdc, 1);
        Checks.notNull("sampleRateHz", sampleRateHz);
        Checks.notNull("figures", figures);
    }
}
