package org.memdse.report.sweep;

import java.util.List;
import java.util.Map;

/**
 * Readable names and units for the metric columns of a results CSV, whose names end in their
 * unit ({@code energy_pj} → "energy (pJ)"), and which direction of each is better.
 */
public final class MetricLabels {
    private static final List<Map.Entry<String, String>> SUFFIXES = List.of(
            Map.entry("_mm2", "mm²"), Map.entry("_pj_ns", "pJ·ns"), Map.entry("_pj", "pJ"), Map.entry("_ns", "ns"),
            Map.entry("_per_s", "1/s"), Map.entry("_per_w", "TOPS/W"), Map.entry("_per_mm2", "TOPS/mm²"),
            Map.entry("_w", "W"), Map.entry("_hops", "bit·hops"));

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("area_mm2", "area"), Map.entry("energy_pj", "energy per inference"),
            Map.entry("latency_ns", "latency"), Map.entry("pipeline_interval_ns", "pipeline interval"),
            Map.entry("throughput_inferences_per_s", "throughput"), Map.entry("ops", "operations per inference"),
            Map.entry("tops", "achieved TOPS"), Map.entry("tops_per_w", "TOPS/W"), Map.entry("tops_per_mm2", "TOPS/mm²"),
            Map.entry("edp_pj_ns", "energy-delay product"), Map.entry("leakage_power_w", "leakage power"),
            Map.entry("crossbar_utilisation", "crossbar utilisation"), Map.entry("core_utilisation", "core utilisation"),
            Map.entry("tiles_used", "tiles used"), Map.entry("crossbars_used", "crossbars used"),
            Map.entry("cores_used", "SNN cores used"), Map.entry("traffic_hops", "traffic × hops"),
            Map.entry("peak_tops", "peak TOPS"), Map.entry("peak_power_w", "peak power"),
            Map.entry("peak_tops_per_w", "peak TOPS/W"), Map.entry("peak_tops_per_mm2", "peak TOPS/mm²"),
            Map.entry("snr_db", "output SNR (estimate)"),
            Map.entry("energy_pj_per_sample", "energy per learning sample"),
            Map.entry("energy_pj_per_epoch", "energy per epoch"), Map.entry("time_ns_per_epoch", "time per epoch"),
            Map.entry("write_energy_pj_per_update", "write energy per synaptic update"),
            Map.entry("written_precision_levels", "written precision (σ)"), Map.entry("lifetime_s", "lifetime"),
            Map.entry("epochs_survived", "epochs survived"), Map.entry("chips", "chips"),
            Map.entry("chip_crossing_bits", "chip-crossing traffic"),
            Map.entry("board_link_utilisation_max", "board link utilisation, max"),
            Map.entry("board_energy_share", "board-link share of the energy"),
            Map.entry("rewritten_mac_share", "share of MACs on rewritten crossbars"),
            Map.entry("rewrite_energy_share", "cell-rewrite share of the energy"),
            Map.entry("rewrite_lifetime_s", "lifetime of the rewritten cells"));

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("throughput_inferences_per_s", "inferences/s"), Map.entry("ops", "ops"), Map.entry("tops", "TOPS"),
            Map.entry("peak_tops", "TOPS"), Map.entry("crossbar_utilisation", "fraction"),
            Map.entry("core_utilisation", "fraction"), Map.entry("tiles_used", "count"),
            Map.entry("crossbars_used", "count"), Map.entry("cores_used", "count"), Map.entry("snr_db", "dB"),
            Map.entry("energy_pj_per_sample", "pJ"), Map.entry("energy_pj_per_epoch", "pJ"),
            Map.entry("time_ns_per_epoch", "ns"), Map.entry("write_energy_pj_per_update", "pJ"),
            Map.entry("written_precision_levels", "level spacings"), Map.entry("lifetime_s", "s"),
            Map.entry("epochs_survived", "epochs"), Map.entry("chips", "count"),
            Map.entry("chip_crossing_bits", "bit per inference"), Map.entry("board_link_utilisation_max", "fraction"),
            Map.entry("board_energy_share", "fraction"), Map.entry("rewritten_mac_share", "fraction"),
            Map.entry("rewrite_energy_share", "fraction"), Map.entry("rewrite_lifetime_s", "s"));

    private static final List<String> HIGHER_IS_BETTER = List.of("throughput_inferences_per_s", "tops", "tops_per_w",
            "tops_per_mm2", "crossbar_utilisation", "core_utilisation", "peak_tops", "peak_tops_per_w",
            "peak_tops_per_mm2", "snr_db", "lifetime_s", "epochs_survived", "rewrite_lifetime_s");

    private MetricLabels() {
    }

    /** The unit of a column, from its name. */
    public static String unit(String column) {
        String u = UNITS.get(column);
        if (u != null) {
            return u;
        }
        for (Map.Entry<String, String> s : SUFFIXES) {
            if (column.endsWith(s.getKey())) {
                return s.getValue();
            }
        }
        return "1";
    }

    /**
     * The SI unit a column's values convert to, for columns worth an SI prefix on an axis.
     *
     * @param factor CSV value × factor = SI value
     * @param unit   the SI unit (J, s, J·s, W)
     */
    public record Si(double factor, String unit) {
    }

    /** How to show a column with an SI prefix (pJ → µJ when values are large), or empty. */
    public static java.util.Optional<Si> si(String column) {
        // The learning columns carry their unit before the "per": energy_pj_per_epoch, time_ns_per_epoch.
        if (column.startsWith("energy_pj_per_") || column.startsWith("write_energy_pj_per_")) {
            return java.util.Optional.of(new Si(1e-12, "J"));
        }
        if (column.equals("time_ns_per_epoch")) {
            return java.util.Optional.of(new Si(1e-9, "s"));
        }
        if (column.equals("lifetime_s")) {
            return java.util.Optional.of(new Si(1, "s"));
        }
        if (column.endsWith("_pj_ns")) {
            return java.util.Optional.of(new Si(1e-21, "J·s"));
        }
        if (column.endsWith("_pj")) {
            return java.util.Optional.of(new Si(1e-12, "J"));
        }
        if (column.endsWith("_ns")) {
            return java.util.Optional.of(new Si(1e-9, "s"));
        }
        if (column.endsWith("_w") && !column.endsWith("_per_w")) {
            return java.util.Optional.of(new Si(1, "W"));
        }
        return java.util.Optional.empty();
    }

    /** The name without its unit: "energy per inference". */
    public static String name(String column) {
        return NAMES.getOrDefault(column, column.replace('_', ' '));
    }

    /** "energy per inference (pJ)". */
    public static String label(String column) {
        String name = NAMES.getOrDefault(column, column.replace('_', ' '));
        return name.equals(unit(column)) ? name : name + " (" + unit(column) + ")";
    }

    public static boolean higherIsBetter(String column) {
        return HIGHER_IS_BETTER.contains(column);
    }
}
