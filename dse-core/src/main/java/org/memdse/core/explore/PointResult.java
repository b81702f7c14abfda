package org.memdse.core.explore;

import java.util.List;
import java.util.Objects;

/**
 * What one design point gave on one network: evaluated (and whether it meets the sweep's
 * constraints), infeasible (the network does not fit), or invalid (the point's architecture
 * is not a valid description, or evaluating it failed). Never an exception: one bad point does
 * not stop a sweep.
 */
public sealed interface PointResult permits PointResult.Evaluated, PointResult.Infeasible, PointResult.Invalid {
    /** CSV status of an evaluated point that meets every constraint. */
    String OK = "ok";
    String INFEASIBLE = "infeasible";
    String INVALID = "invalid";

    DesignPoint point();

    String network();

    /** {@code ok}, {@code infeasible} or {@code invalid}. */
    String status();

    /** Why the point is not ok; empty when it is. */
    String reason();

    /** The metrics (indexed by {@link Metric#ordinal()}), or null when not evaluated. */
    double[] metrics();

    /** Whether the point is evaluated and meets every constraint (only these enter a Pareto front). */
    default boolean feasible() {
        return OK.equals(status());
    }

    /**
     * The point was mapped and priced.
     *
     * @param metrics    every {@link Metric}, by ordinal
     * @param violations constraints it misses (then its status is {@code infeasible})
     */
    record Evaluated(DesignPoint point, String network, double[] metrics, List<String> violations)
            implements PointResult {
        public Evaluated {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(network, "network");
            if (metrics.length != Metric.all().size()) {
                throw new IllegalArgumentException("metrics must hold every Metric");
            }
            violations = List.copyOf(violations);
        }

        @Override
        public String status() {
            return violations.isEmpty() ? OK : INFEASIBLE;
        }

        @Override
        public String reason() {
            return String.join("; ", violations);
        }
    }

    /** The network does not fit the point's architecture. */
    record Infeasible(DesignPoint point, String network, String reason) implements PointResult {
        public Infeasible {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String status() {
            return INFEASIBLE;
        }

        @Override
        public double[] metrics() {
            return null;
        }
    }

    /** The point's architecture is not valid (the diagnostics, without positions), or evaluating it failed. */
    record Invalid(DesignPoint point, String network, String reason) implements PointResult {
        public Invalid {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String status() {
            return INVALID;
        }

        @Override
        public double[] metrics() {
            return null;
        }
    }
}
