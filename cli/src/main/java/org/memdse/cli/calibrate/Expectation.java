package org.memdse.cli.calibrate;

import java.util.Locale;
import java.util.Objects;

/**
 * What a source says one metric does when a knob changes: a direction, optionally the range of the
 * relative change the source gives, and the source itself (a paper's sensitivity figure, a peer
 * simulator's formula with file and line, or a derivation written out). An expectation the model
 * does not meet yet carries the reason ("the model does not yet ..."): it is run and shown, and does
 * not fail the suite until a modelling change flips it on by removing the reason.
 *
 * @param direction the expected direction
 * @param low       the smallest relative change the source allows (NaN: no range)
 * @param high      the largest (NaN: no range)
 * @param tolerance for {@link Direction#UNCHANGED}: the largest |relative change| that counts as unchanged
 * @param source    where the expectation comes from
 * @param pending   why the model does not meet it yet; empty when the expectation is checked
 */
public record Expectation(Direction direction, double low, double high, double tolerance, String source,
                          String pending) {
    /** Which way a metric moves. */
    public enum Direction {
        UP("up"), DOWN("down"), UNCHANGED("unchanged");

        private final String text;

        Direction(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** Changes smaller than this are no change (the evaluation is deterministic; this only absorbs rounding). */
    static final double NO_CHANGE = 1e-9;

    public Expectation {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pending, "pending");
        if (source.isBlank()) {
            throw new IllegalArgumentException("an expectation needs its source");
        }
        if (!pending.isEmpty() && !pending.startsWith("the model does not yet")) {
            throw new IllegalArgumentException("a pending reason says what the model does not yet do: "
                    + "'the model does not yet ...', was '" + pending + "'");
        }
        if (Double.isNaN(low) != Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("a range needs low <= high, was " + low + ".." + high);
        }
        if (direction == Direction.UNCHANGED && !(tolerance > 0)) {
            throw new IllegalArgumentException("'unchanged' needs a positive tolerance");
        }
    }

    public static Expectation up(String source) {
        return new Expectation(Direction.UP, Double.NaN, Double.NaN, 0, source, "");
    }

    public static Expectation down(String source) {
        return new Expectation(Direction.DOWN, Double.NaN, Double.NaN, 0, source, "");
    }

    /** Within ±{@code tolerance} (relative). */
    public static Expectation unchanged(double tolerance, String source) {
        return new Expectation(Direction.UNCHANGED, Double.NaN, Double.NaN, tolerance, source, "");
    }

    /** The same with the relative change the source gives, e.g. {@code between(0.10, 1.0)} for +10 % to +100 %. */
    public Expectation between(double newLow, double newHigh) {
        return new Expectation(direction, newLow, newHigh, tolerance, source, pending);
    }

    /** The same, not met by the model yet: run and shown, not failing. */
    public Expectation pending(String reason) {
        return new Expectation(direction, low, high, tolerance, source, reason);
    }

    public boolean isPending() {
        return !pending.isEmpty();
    }

    public boolean hasRange() {
        return !Double.isNaN(low);
    }

    /** Whether a relative change goes the expected way. */
    public boolean directionHolds(double change) {
        return switch (direction) {
            case UP -> change > NO_CHANGE;
            case DOWN -> change < -NO_CHANGE;
            case UNCHANGED -> Math.abs(change) <= tolerance;
        };
    }

    /** Whether a relative change lies in the source's range (true when it gives none). */
    public boolean inRange(double change) {
        return !hasRange() || (change >= low - NO_CHANGE && change <= high + NO_CHANGE);
    }

    /** As printed: "up", "down (-10 % to -50 %)", "unchanged (±5 %)". */
    public String text() {
        if (direction == Direction.UNCHANGED) {
            return "unchanged (±" + percent(tolerance, false) + ")";
        }
        return direction.text() + (hasRange() ? " (" + percent(low, true) + " to " + percent(high, true) + ")" : "");
    }

    static String percent(double fraction, boolean signed) {
        double p = 100 * fraction;
        if (p == 0) {
            return "0 %";
        }
        String number = Math.abs(p - Math.rint(p)) < 1e-9 ? String.format(Locale.ROOT, signed ? "%+.0f" : "%.0f", p)
                : String.format(Locale.ROOT, signed ? "%+.1f" : "%.1f", p);
        return number + " %";
    }
}
