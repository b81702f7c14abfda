package org.memdse.cli.calibrate;

import java.util.Locale;

/**
 * How close a memdse value must come to a published one.
 *
 * @param kind  relative (|memdse / published − 1| ≤ value), within a factor (memdse / published in
 *              [1/value, value]), or a floor on memdse's value alone (the published value is context)
 * @param value the bound
 */
public record Tolerance(Kind kind, double value) {
    /** The three kinds of bound. */
    public enum Kind { RELATIVE, FACTOR, AT_LEAST }

    public Tolerance {
        if (kind == null || !(value > 0) || (kind == Kind.FACTOR && value < 1)) {
            throw new IllegalArgumentException("a tolerance needs a kind and a positive bound (a factor >= 1), was "
                    + kind + " " + value);
        }
    }

    /** Within ±{@code fraction} of the published value (0.3 = 30 %). */
    public static Tolerance relative(double fraction) {
        return new Tolerance(Kind.RELATIVE, fraction);
    }

    /** Within a factor of the published value either way. */
    public static Tolerance factor(double factor) {
        return new Tolerance(Kind.FACTOR, factor);
    }

    /** memdse's value at least {@code floor}. */
    public static Tolerance atLeast(double floor) {
        return new Tolerance(Kind.AT_LEAST, floor);
    }

    public boolean accepts(double memdse, double published) {
        double ratio = memdse / published;
        return switch (kind) {
            case RELATIVE -> Math.abs(ratio - 1) <= value;
            case FACTOR -> ratio >= 1 / value && ratio <= value;
            case AT_LEAST -> memdse >= value;
        };
    }

    /** As printed: "±30 %", "×2", "≥ 0.9". */
    public String text() {
        return switch (kind) {
            case RELATIVE -> String.format(Locale.ROOT, "±%s %%", trim(100 * value));
            case FACTOR -> "×" + trim(value);
            case AT_LEAST -> "≥ " + trim(value);
        };
    }

    /** A number as written by hand: no trailing '.0'. */
    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
