package org.memdse.report.csv;

import java.util.ArrayList;
import java.util.List;
import org.memdse.core.explore.Metric;

/**
 * The fixed columns of a sweep's results CSV. The header is {@code point, network, status,
 * reason}, then one {@code param.<path>} per swept parameter, then every {@link Metric} (units in
 * the names), then {@code pareto}, then {@code variant} when the sweep has variants (new columns
 * go at the end, so readers of the older layout keep working).
 */
public enum ResultColumn {
    POINT("point"), NETWORK("network"), STATUS("status"), REASON("reason"), PARETO("pareto"), VARIANT("variant");

    private final String key;

    ResultColumn(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The whole header for a sweep with these parameter columns ({@code param.<path>}) and no variants. */
    public static List<String> header(List<String> parameterColumns) {
        return header(parameterColumns, false);
    }

    /** The whole header; {@code variants}: whether the sweep has variants (a last {@code variant} column). */
    public static List<String> header(List<String> parameterColumns, boolean variants) {
        List<String> h = new ArrayList<>();
        h.add(POINT.key);
        h.add(NETWORK.key);
        h.add(STATUS.key);
        h.add(REASON.key);
        h.addAll(parameterColumns);
        h.addAll(Metric.keys());
        h.add(PARETO.key);
        if (variants) {
            h.add(VARIANT.key);
        }
        return List.copyOf(h);
    }

    /** Index of the first metric column in a header with {@code parameters} parameter columns. */
    public static int firstMetric(int parameters) {
        return 4 + parameters;
    }
}
