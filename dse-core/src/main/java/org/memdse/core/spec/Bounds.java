package org.memdse.core.spec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;
import org.memdse.core.units.Dimension;
import org.memdse.core.units.QuantityFormat;
import org.memdse.core.units.Unit;
import org.memdse.core.units.Units;

/**
 * The values one key of an input may take, twice over: the <b>physically possible</b> range
 * (outside it the value cannot describe a real circuit, and reading it is an error) and the
 * <b>calibrated</b> range of the models that use it (outside it the result is extrapolated:
 * a warning, and the run goes on). Both are inclusive and in the dimension's base unit.
 *
 * @param dimension     what the value measures ({@link Dimension#DIMENSIONLESS} for counts)
 * @param integer       whether only whole numbers are meaningful (counts, bit widths, levels)
 * @param min           smallest possible value
 * @param max           largest possible value
 * @param why           why nothing outside [min, max] exists, for the error message and the README
 * @param calibratedMin smallest value the models were calibrated at ({@code min} if they hold everywhere)
 * @param calibratedMax largest value the models were calibrated at ({@code max} if they hold everywhere)
 * @param calibration   what happens outside the calibrated range (empty when it is the whole range)
 */
public record Bounds(Dimension dimension, boolean integer, double min, double max, String why,
                     double calibratedMin, double calibratedMax, String calibration) {
    public Bounds {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(calibration, "calibration");
        if (!(min <= calibratedMin && calibratedMin <= calibratedMax && calibratedMax <= max)) {
            throw new IllegalArgumentException("bounds need min <= calibratedMin <= calibratedMax <= max, found "
                    + min + ", " + calibratedMin + ", " + calibratedMax + ", " + max);
        }
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("bounds must be finite");
        }
        if (why.isBlank()) {
            throw new IllegalArgumentException("a bound needs its reason");
        }
        if (isNarrowed(min, max, calibratedMin, calibratedMax) && calibration.isBlank()) {
            throw new IllegalArgumentException("a calibrated range narrower than the possible one needs its reason");
        }
    }

    private static boolean isNarrowed(double min, double max, double cMin, double cMax) {
        return cMin > min || cMax < max;
    }

    /** A quantity with a unit, possible in [min, max]; the models hold everywhere until {@link #calibrated}. */
    public static Bounds quantity(Dimension dimension, double min, double max, String why) {
        return new Bounds(dimension, false, min, max, why, min, max, "");
    }

    /** A whole number (a count, a bit width) in [min, max]. */
    public static Bounds count(long min, long max, String why) {
        return new Bounds(Dimension.DIMENSIONLESS, true, min, max, why, min, max, "");
    }

    /** A whole number of bits (an {@link Dimension#INFORMATION} quantity that cannot be fractional). */
    public static Bounds bits(double min, double max, String why) {
        return new Bounds(Dimension.INFORMATION, true, min, max, why, min, max, "");
    }

    /** These bounds with a calibrated range and what happens outside it. */
    public Bounds calibrated(double from, double to, String outside) {
        return new Bounds(dimension, integer, min, max, why, from, to, outside);
    }

    /** Whether the value is physically possible. */
    public boolean possible(double value) {
        return inRange(value) && (!integer || value == Math.rint(value));
    }

    /** Whether the value lies in [min, max], whole or not. */
    public boolean inRange(double value) {
        return within(value, min, max);
    }

    /** Whether the value lies in the calibrated range (assumes it is possible). */
    public boolean isCalibrated(double value) {
        return within(value, calibratedMin, calibratedMax);
    }

    /**
     * Inclusive; for values with a unit with a tolerance of one part in 1e12: "130 nm" parses to
     * 130 × 1e-9, a rounding step above the literal 130e-9, and must count as inside a range
     * ending at 130 nm. Whole numbers are compared exactly.
     */
    private boolean within(double value, double from, double to) {
        double tolerance = integer ? 0 : TOLERANCE;
        return value >= from - tolerance * Math.abs(from) && value <= to + tolerance * Math.abs(to);
    }

    private static final double TOLERANCE = 1e-12;

    /** Whether the models hold only in part of the possible range. */
    public boolean hasCalibratedRange() {
        return isNarrowed(min, max, calibratedMin, calibratedMax);
    }

    /** A value to go on with after an error: inside both ranges, so that later arithmetic stays sane. */
    public double placeholder() {
        return calibratedMin > 0 ? calibratedMin : Math.min(calibratedMax, Math.max(1, calibratedMin));
    }

    /** The possible range as printed, e.g. {@code 0.5 nm .. 10 um} or {@code 1..4096}. */
    public String possibleRange() {
        return range(min, max);
    }

    /** The calibrated range as printed. */
    public String calibratedRange() {
        return range(calibratedMin, calibratedMax);
    }

    private String range(double from, double to) {
        if (dimension == Dimension.DIMENSIONLESS) {
            return number(from) + (integer ? ".." : " .. ") + number(to);
        }
        return format(from) + " .. " + format(to);
    }

    /**
     * A value in this key's dimension as printed, rounded to 6 digits (e.g. {@code 1.2 GHz},
     * {@code 0.5 nm}); beyond the unit table in the base unit with an exponent ({@code 1e15 Ohm}).
     */
    public String format(double value) {
        if (dimension == Dimension.DIMENSIONLESS) {
            return number(value);
        }
        Unit base = Units.base(dimension).orElseThrow();
        if (value == 0) {
            return "0 " + base.symbol();
        }
        double magnitude = Math.abs(value);
        Unit best = null;
        Unit smallest = null;
        for (Unit u : Units.of(dimension)) {
            if (magnitude / u.factor() >= 1 && (best == null || u.factor() > best.factor())) {
                best = u;
            }
            if (smallest == null || u.factor() < smallest.factor()) {
                smallest = u;
            }
        }
        // Widths read best in bits ("65536 bit"), capacities in the binary units.
        if (dimension == Dimension.INFORMATION && magnitude <= 65536) {
            best = base;
        }
        if (best == null) {
            best = smallest;
        }
        double scaled = value / best.factor();
        if (Math.abs(scaled) >= 1e5 || Math.abs(scaled) < 1e-3) {
            return scientific(value) + " " + base.symbol();
        }
        return new BigDecimal(scaled).round(new MathContext(6)).stripTrailingZeros().toPlainString() + " " + best.symbol();
    }

    /** {@code 1e15}, {@code 2.5e-12}: the shortest exponent form of a double, to 6 digits. */
    private static String scientific(double v) {
        String[] parts = String.format(Locale.ROOT, "%.5e", v).split("e");
        String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return Math.abs(v) >= 1e9 ? scientific(v) : QuantityFormat.number(v);
    }
}
