package org.memdse.core.units;

import java.util.Objects;

/**
 * A unit as researchers write it, with the factor that converts a value in this unit to the
 * dimension's base unit: {@code valueInBase = valueInUnit * factor}.
 *
 * @param symbol    how the unit is written, e.g. {@code "kOhm"}
 * @param dimension what it measures
 * @param factor    multiplier to the base unit (e.g. 1e3 for kOhm)
 */
public record Unit(String symbol, Dimension dimension, double factor) {
    public Unit {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(dimension, "dimension");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be positive and finite: " + factor);
        }
    }

    /** Converts a value in this unit to the base unit. */
    public double toBase(double value) {
        return value * factor;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
