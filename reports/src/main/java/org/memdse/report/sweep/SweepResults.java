package org.memdse.report.sweep;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sweep's results as read back from its CSV: the swept parameters, the metric columns (their
 * names carry the unit: {@code energy_pj}), and one row per (point, network).
 *
 * @param source     where the rows came from (file name)
 * @param parameters parameter columns without the {@code param.} prefix, in file order
 * @param metrics    metric columns, in file order
 * @param rows       the rows
 */
public record SweepResults(String source, List<String> parameters, List<String> metrics, List<Row> rows) {
    /** Status of an evaluated point that meets every constraint. */
    public static final String OK = "ok";
    /** Status of an evaluated point that misses a constraint. */
    public static final String INFEASIBLE = "infeasible";

    public SweepResults {
        Objects.requireNonNull(source, "source");
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
        rows = List.copyOf(rows);
    }

    /**
     * One row.
     *
     * @param point   point id
     * @param network network name
     * @param status  {@code ok}, {@code infeasible}, {@code invalid} (or another word the engine writes)
     * @param reason  why a point is not ok (empty otherwise)
     * @param values  parameter label by parameter name (without {@code param.})
     * @param metrics metric value by column name; NaN where the field is empty
     * @param pareto  whether the engine marked the point Pareto-optimal
     */
    public record Row(String point, String network, String status, String reason, Map<String, String> values,
                      Map<String, Double> metrics, boolean pareto) {
        public Row {
            values = Map.copyOf(values);
            metrics = Map.copyOf(metrics);
        }

        public double metric(String column) {
            return metrics.getOrDefault(column, Double.NaN);
        }

        /** Whether it has a value for {@code column}. */
        public boolean has(String column) {
            return Double.isFinite(metric(column));
        }
    }

    /** The networks, in order of first appearance. */
    public List<String> networks() {
        return rows.stream().map(Row::network).distinct().toList();
    }

    /** Whether a metric column exists. */
    public Optional<String> metric(String column) {
        return metrics.contains(column) ? Optional.of(column) : Optional.empty();
    }
}
