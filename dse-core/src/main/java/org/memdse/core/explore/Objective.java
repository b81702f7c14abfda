package org.memdse.core.explore;

import java.util.Objects;
import org.memdse.core.spec.Keyed;

/**
 * One axis of the Pareto front: a metric to minimise or maximise.
 *
 * @param metric    the metric
 * @param direction minimise or maximise
 */
public record Objective(Metric metric, Direction direction) {
    /** Which way is better. */
    public enum Direction implements Keyed {
        MINIMISE("minimise"), MAXIMISE("maximise");

        private final String key;

        Direction(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    public Objective {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
    }

    /** The metric's value turned so that smaller is better. */
    public double cost(double[] metrics) {
        double v = metrics[metric.ordinal()];
        return direction == Direction.MINIMISE ? v : -v;
    }

    @Override
    public String toString() {
        return direction.key() + " " + metric.key();
    }
}
