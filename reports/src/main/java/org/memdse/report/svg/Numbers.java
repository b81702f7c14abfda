package org.memdse.report.svg;

import java.util.Locale;

/** Number formatting shared by charts and tables: locale-free, four significant digits. */
public final class Numbers {
    private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T"};

    private Numbers() {
    }

    /** Four significant digits, thousands separated by a thin space; exponent outside 1e-3..1e9. */
    public static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e9) {
            int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(abs)));
            String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s.replace(",", "\u2009");
        }
        String s = String.format(Locale.ROOT, "%.3e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /** A short tick label: up to three significant digits. */
    public static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e6) {
            String s = String.format(Locale.ROOT, "%.3g", v);
            if (s.contains("e")) {
                s = String.format(Locale.ROOT, "%.0f", v);
            }
            if (s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        String s = String.format(Locale.ROOT, "%.2e", v);
        int e = s.indexOf('e');
        String mantissa = s.substring(0, e).replaceAll("0+$", "").replaceAll("\\.$", "");
        return mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /**
     * An SI prefix for values up to {@code maxAbs} of {@code baseUnit} (J, s, W, J·s...): the
     * factor to multiply SI values by and the prefixed unit.
     */
    public static Scaled prefixed(double maxAbs, String baseUnit) {
        if (!(maxAbs > 0) || Double.isInfinite(maxAbs)) {
            return new Scaled(1, baseUnit);
        }
        int exp3 = (int) Math.floor(Math.log10(maxAbs) / 3);
        exp3 = Math.max(-5, Math.min(4, exp3));
        double factor = Math.pow(10, -3 * exp3);
        return new Scaled(factor, PREFIXES[exp3 + 5] + baseUnit);
    }

    /**
     * A display scale.
     *
     * @param factor multiply SI values by this
     * @param unit   the unit of the scaled values
     */
    public record Scaled(double factor, String unit) {
    }
}
