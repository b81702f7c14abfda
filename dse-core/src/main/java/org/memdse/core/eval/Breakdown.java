package org.memdse.core.eval;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A total split by key (component kind, subsystem, layer), in one SI unit. Immutable; {@link #plus}
 * and {@link #times} make breakdowns add up like the quantities they split.
 *
 * @param parts value per key, sorted by key so that output is stable
 */
public record Breakdown(Map<String, Double> parts) {
    public static final Breakdown EMPTY = new Breakdown(Map.of());

    public Breakdown {
        parts = Collections.unmodifiableMap(new TreeMap<>(parts));
    }

    public double total() {
        double sum = 0;
        for (double v : parts.values()) {
            sum += v;
        }
        return sum;
    }

    public double get(String key) {
        return parts.getOrDefault(key, 0.0);
    }

    /** This breakdown with {@code value} added under {@code key}. */
    public Breakdown plus(String key, double value) {
        Map<String, Double> m = new TreeMap<>(parts);
        m.merge(key, value, Double::sum);
        return new Breakdown(m);
    }

    public Breakdown plus(Breakdown other) {
        Map<String, Double> m = new TreeMap<>(parts);
        other.parts.forEach((k, v) -> m.merge(k, v, Double::sum));
        return new Breakdown(m);
    }

    public Breakdown times(double factor) {
        Map<String, Double> m = new TreeMap<>();
        parts.forEach((k, v) -> m.put(k, v * factor));
        return new Breakdown(m);
    }

    /** The share of one key in the total (0 when the total is 0). */
    public double share(String key) {
        double t = total();
        return t == 0 ? 0 : get(key) / t;
    }
}
