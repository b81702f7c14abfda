package org.memdse.core.explore;

import java.util.Objects;
import java.util.Optional;

/**
 * A bound on a metric that a feasible design must meet, e.g. {@code area_mm2 <= 100}. Points
 * that miss it are still evaluated and written, with status {@code infeasible} and the reason.
 *
 * @param metric   the metric (its key carries the unit of the bound)
 * @param operator comparison
 * @param bound    the bound, in the metric's unit
 */
public record DesignConstraint(Metric metric, Operator operator, double bound) {
    /** The comparisons a constraint can use. */
    public enum Operator {
        AT_MOST("<="), AT_LEAST(">="), BELOW("<"), ABOVE(">");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** The operator written as {@code symbol}, if any. */
        public static Optional<Operator> of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return Optional.of(o);
                }
            }
            return Optional.empty();
        }

        boolean holds(double value, double bound) {
            return switch (this) {
                case AT_MOST -> value <= bound;
                case AT_LEAST -> value >= bound;
                case BELOW -> value < bound;
                case ABOVE -> value > bound;
            };
        }
    }

    public DesignConstraint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("bound must be finite");
        }
    }

    /** Empty if the metrics meet the constraint, else why not ({@code constraint area_mm2 <= 100 not met: area_mm2 = 123.4}). */
    public Optional<String> violation(double[] metrics) {
        double v = metrics[metric.ordinal()];
        if (operator.holds(v, bound)) {
            return Optional.empty();
        }
        return Optional.of("constraint " + this + " not met: " + metric.key() + " = " + metric.format(v));
    }

    @Override
    public String toString() {
        return metric.key() + " " + operator.symbol + " " + metric.format(bound);
    }
}
