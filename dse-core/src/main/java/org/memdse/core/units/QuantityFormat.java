package org.memdse.core.units;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Prints a base-unit value in the unit a researcher would write, choosing the unit whose
 * scaled value lies in [1, 1000) when one exists. The printed text always parses back to
 * exactly the same double (checked, with more digits or the base unit as fallbacks), so a
 * model written out and read back is equal to the original.
 */
public final class QuantityFormat {
    private QuantityFormat() {
    }

    /** E.g. {@code format(1.2e-12, ENERGY)} is {@code "1.2 pJ"}. */
    public static String format(double baseValue, Dimension dimension) {
        if (dimension == Dimension.DIMENSIONLESS || !Double.isFinite(baseValue)) {
            // Infinity and NaN have no scaled form; they never come from parsing, only from arithmetic.
            String text = number(baseValue);
            return dimension == Dimension.DIMENSIONLESS ? text : text + " " + dimension.baseSymbol();
        }
        // The largest unit in which the value is at least 1; below every unit, the smallest one.
        Unit best = null;
        Unit smallest = null;
        double magnitude = Math.abs(baseValue);
        for (Unit unit : Units.of(dimension)) {
            if (magnitude / unit.factor() >= 1 && (best == null || unit.factor() > best.factor())) {
                best = unit;
            }
            if (smallest == null || unit.factor() < smallest.factor()) {
                smallest = unit;
            }
        }
        if (best == null) {
            best = smallest;
        }
        // Widths and small registers read best in bits ("256 bit", not "32 B").
        if (dimension == Dimension.INFORMATION && magnitude < 8 * 1024) {
            best = Units.base(Dimension.INFORMATION).orElseThrow();
        }
        if (best != null && baseValue != 0) {
            String text = exact(baseValue, best);
            if (text != null) {
                return text;
            }
        }
        Unit base = Units.base(dimension).orElseThrow();
        return number(baseValue) + " " + base.symbol();
    }

    /** The shortest text for a value in {@code unit} that parses back to {@code baseValue}, or null. */
    private static String exact(double baseValue, Unit unit) {
        double scaled = baseValue / unit.factor();
        for (int digits = 12; digits <= 17; digits++) {
            String candidate = new BigDecimal(scaled).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
            if (Double.parseDouble(candidate) * unit.factor() == baseValue) {
                return candidate + " " + unit.symbol();
            }
        }
        return null;
    }

    /** A plain number without exponent noise: 128 not 128.0, 1.0E-6 as 0.000001. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String shortest = Double.toString(value);
        String plain = new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        return plain.length() <= 24 ? plain : shortest;
    }
}
