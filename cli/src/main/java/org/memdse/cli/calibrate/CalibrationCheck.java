package org.memdse.cli.calibrate;

import java.util.Objects;

/**
 * One published figure set against memdse's value for it.
 *
 * @param system    the bundled description (or description and network) checked
 * @param quantity  what is compared, with its unit
 * @param memdse    memdse's value, in the quantity's unit
 * @param published the published value, in the same unit
 * @param tolerance how close memdse must come
 * @param source    where the published value comes from
 */
public record CalibrationCheck(String system, String quantity, double memdse, double published, Tolerance tolerance,
                               String source) {
    public CalibrationCheck {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(source, "source");
        if (published == 0 || !Double.isFinite(published)) {
            throw new IllegalArgumentException(quantity + ": a published value must be finite and non-zero, was " + published);
        }
    }

    /** memdse / published − 1. */
    public double deviation() {
        return memdse / published - 1;
    }

    public boolean passes() {
        return tolerance.accepts(memdse, published);
    }
}
