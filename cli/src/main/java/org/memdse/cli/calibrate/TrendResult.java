package org.memdse.cli.calibrate;

import java.util.Objects;

/**
 * One metric of one trend check: its value on the base chip and on the variant, and the verdict.
 *
 * @param check       the check
 * @param metric      the metric
 * @param base        the value on the base chip
 * @param variant     the value on the variant
 * @param expectation what is expected, or null when the metric is only shown
 */
public record TrendResult(TrendCheck check, TrendMetric metric, double base, double variant, Expectation expectation) {
    /** How a metric fares against its expectation. */
    public enum Verdict {
        /** The direction holds (and the change is in the source's range, if it gives one). */
        OK("ok"),
        /** The direction holds; the change is outside the source's range (shown, not failing). */
        OFF_RANGE("off range"),
        /** The direction is wrong: the suite fails. */
        WRONG("WRONG"),
        /** Not met by the model yet; shown with the reason, not failing. */
        PENDING("pending"),
        /** No expectation: only shown. */
        SHOWN("");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public TrendResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(metric, "metric");
    }

    /** variant / base − 1 (0 when both are 0). */
    public double change() {
        if (base == 0) {
            return variant == 0 ? 0 : Double.POSITIVE_INFINITY * Math.signum(variant);
        }
        return variant / base - 1;
    }

    public Verdict verdict() {
        if (expectation == null) {
            return Verdict.SHOWN;
        }
        if (expectation.isPending()) {
            return Verdict.PENDING;
        }
        if (!expectation.directionHolds(change())) {
            return Verdict.WRONG;
        }
        return expectation.inRange(change()) ? Verdict.OK : Verdict.OFF_RANGE;
    }

    /** Whether a pending expectation would now hold (its direction and range): time to flip it on. */
    public boolean pendingNowHolds() {
        return expectation != null && expectation.isPending() && expectation.directionHolds(change())
                && expectation.inRange(change());
    }
}
