package org.memdse.report.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.memdse.core.eval.Metrics;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.Placement;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.report.svg.Numbers;

/**
 * The side-by-side figures of one network's comparison: one row per figure, one value per
 * architecture in SI units (NaN where an architecture was not evaluated), whether lower or
 * higher is better, and the display unit chosen for the row.
 */
public final class SummaryTable {
    /** Which direction is better. */
    public enum Better { LOWER, HIGHER }

    /**
     * One row.
     *
     * @param key       snake_case key (stable; tests and CSS use it)
     * @param label     what the figure is
     * @param better    which direction is better
     * @param values    SI values per architecture; NaN when not evaluated
     * @param factor    display value = SI value × factor
     * @param unit      display unit
     * @param totals    for counts, the total available per architecture (NaN otherwise)
     */
    public record Row(String key, String label, Better better, double[] values, double factor, String unit,
                      double[] totals) {
        /** The index of the best value, or -1 when fewer than two values differ. */
        public int best() {
            int best = -1;
            boolean differ = false;
            double first = Double.NaN;
            for (int i = 0; i < values.length; i++) {
                double v = values[i];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (Double.isNaN(first)) {
                    first = v;
                } else if (v != first) {
                    differ = true;
                }
                if (best < 0 || (better == Better.LOWER ? v < values[best] : v > values[best])) {
                    best = i;
                }
            }
            return differ ? best : -1;
        }

        /** Value i over the first architecture's value (NaN when either is missing or the first is 0). */
        public double ratio(int i) {
            double ref = values[0];
            return Double.isNaN(ref) || ref == 0 || Double.isNaN(values[i]) ? Double.NaN : values[i] / ref;
        }

        /** The display text of value i: number, and "of N" for counts. */
        public String display(int i) {
            if (Double.isNaN(values[i])) {
                return "–";
            }
            String s = Numbers.fmt(values[i] * factor);
            if (!Double.isNaN(totals[i])) {
                s += " of " + Numbers.fmt(totals[i]);
            }
            return s;
        }
    }

    private SummaryTable() {
    }

    /** The rows for one network's designs. */
    public static List<Row> rows(List<DesignOutcome> designs) {
        List<Row> rows = new ArrayList<>();
        rows.add(fixed(designs, "area_mm2", "area", Better.LOWER, Metrics::areaM2, 1e6, "mm²"));
        rows.add(prefixed(designs, "energy_j", "energy per inference", Better.LOWER, Metrics::energyJ, "J"));
        rows.add(prefixed(designs, "latency_s", "latency (layer by layer)", Better.LOWER, Metrics::latencyS, "s"));
        rows.add(prefixed(designs, "pipeline_interval_s", "pipeline interval", Better.LOWER,
                Metrics::pipelineIntervalS, "s"));
        rows.add(fixed(designs, "throughput_per_s", "throughput (pipelined)", Better.HIGHER,
                Metrics::throughputPerSecond, 1, "inferences/s"));
        rows.add(fixed(designs, "tops", "achieved TOPS", Better.HIGHER, Metrics::tops, 1, "TOPS"));
        rows.add(fixed(designs, "tops_per_w", "TOPS/W", Better.HIGHER, Metrics::topsPerWatt, 1, "TOPS/W"));
        rows.add(fixed(designs, "tops_per_mm2", "TOPS/mm²", Better.HIGHER, Metrics::topsPerMm2, 1, "TOPS/mm²"));
        rows.add(prefixed(designs, "edp_j_s", "energy-delay product", Better.LOWER, Metrics::edp, "J·s"));
        rows.add(count(designs, "cim_tiles_used", "CIM tiles used", ResourceKind.CIM_TILE));
        rows.add(count(designs, "snn_cores_used", "SNN cores used", ResourceKind.SNN_CORE));
        rows.add(fixed(designs, "crossbar_utilisation", "crossbar utilisation", Better.HIGHER,
                Metrics::crossbarUtilisation, 100, "%"));
        rows.add(fixed(designs, "core_utilisation", "SNN core utilisation", Better.HIGHER, Metrics::coreUtilisation,
                100, "%"));
        rows.add(prefixed(designs, "leakage_power_w", "leakage power", Better.LOWER, Metrics::leakagePowerW, "W"));
        rows.add(fixed(designs, "peak_tops_per_w", "peak TOPS/W (all arrays busy)", Better.HIGHER,
                m -> m.peak().peakTopsPerWatt(), 1, "TOPS/W"));
        rows.add(fixed(designs, "snr_db", "output SNR (analytic estimate)", Better.HIGHER, Metrics::snrDb, 1, "dB"));
        chipRows(designs, rows);
        return rows;
    }

    /**
     * The chip view, when a design spans chips (a board): chips, area per chip, each chip's average
     * power ({@link ChipView}), the traffic between chips and what the board links cost. One-chip
     * designs show one chip, no chip-crossing traffic and no board; their rows for chips they do not
     * have are empty.
     */
    static void chipRows(List<DesignOutcome> designs, List<Row> rows) {
        ChipView[] views = new ChipView[designs.size()];
        int most = 0;
        for (int i = 0; i < views.length; i++) {
            if (designs.get(i) instanceof DesignOutcome.Evaluated e) {
                views[i] = ChipView.of(e);
                most = Math.max(most, views[i].chips());
            }
        }
        if (most < 2) {
            return;
        }
        rows.add(chip(views, "chips", "chips", Better.LOWER, v -> v.chips(), 1, "chips"));
        rows.add(chip(views, "area_per_chip_mm2", "area per chip", Better.LOWER, ChipView::areaPerChipM2, 1e6, "mm²"));
        for (int c = 0; c < most; c++) {
            int chip = c;
            Row r = chip(views, "power_chip_" + c + "_w", "average power, chip " + c, Better.LOWER,
                    v -> chip < v.chips() ? v.powerW()[chip] : Double.NaN, 1, "W");
            Numbers.Scaled s = Numbers.prefixed(maxAbs(r.values()), "W");
            rows.add(new Row(r.key(), r.label(), r.better(), r.values(), s.factor(), s.unit(), r.totals()));
        }
        rows.add(chip(views, "chip_crossing_bits", "chip-crossing traffic", Better.LOWER, ChipView::crossingBits, 1,
                "bit per inference"));
        Row board = chip(views, "board_energy_j", "board-link energy", Better.LOWER, ChipView::boardEnergyJ, 1, "J");
        Numbers.Scaled s = Numbers.prefixed(maxAbs(board.values()), "J");
        rows.add(new Row(board.key(), board.label(), board.better(), board.values(), s.factor(), s.unit(),
                board.totals()));
        rows.add(chip(views, "board_utilisation", "board link utilisation, max", Better.LOWER,
                ChipView::boardUtilisation, 100, "%"));
    }

    private static Row chip(ChipView[] views, String key, String label, Better better,
                            ToDoubleFunction<ChipView> f, double factor, String unit) {
        double[] v = nan(views.length);
        for (int i = 0; i < v.length; i++) {
            if (views[i] != null) {
                v[i] = f.applyAsDouble(views[i]);
            }
        }
        return new Row(key, label, better, v, factor, unit, nan(views.length));
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        return max;
    }

    /** Endpoints of {@code kind} holding at least one unit. */
    public static int used(Mapping mapping, ResourceKind kind) {
        Set<Integer> used = new HashSet<>();
        for (Placement p : mapping.placements()) {
            MappingUnit u = mapping.units().get(p.unit());
            boolean counts = kind == ResourceKind.CIM_TILE ? u instanceof CrossbarBlock : u instanceof CoreGroup;
            if (counts && mapping.endpoints().get(p.endpoint()).resource() == kind) {
                used.add(p.endpoint());
            }
        }
        return used.size();
    }

    /** Endpoints of {@code kind} in the system. */
    public static int available(Mapping mapping, ResourceKind kind) {
        int n = 0;
        for (Endpoint e : mapping.endpoints()) {
            if (e.resource() == kind) {
                n++;
            }
        }
        return n;
    }

    private static double[] values(List<DesignOutcome> designs, ToDoubleFunction<Metrics> f) {
        double[] v = new double[designs.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = designs.get(i) instanceof DesignOutcome.Evaluated e ? f.applyAsDouble(e.metrics()) : Double.NaN;
        }
        return v;
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    private static Row fixed(List<DesignOutcome> designs, String key, String label, Better better,
                             ToDoubleFunction<Metrics> f, double factor, String unit) {
        return new Row(key, label, better, values(designs, f), factor, unit, nan(designs.size()));
    }

    private static Row prefixed(List<DesignOutcome> designs, String key, String label, Better better,
                                ToDoubleFunction<Metrics> f, String baseUnit) {
        double[] v = values(designs, f);
        double max = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                max = Math.max(max, Math.abs(x));
            }
        }
        Numbers.Scaled s = Numbers.prefixed(max, baseUnit);
        return new Row(key, label, better, v, s.factor(), s.unit(), nan(designs.size()));
    }

    private static Row count(List<DesignOutcome> designs, String key, String label, ResourceKind kind) {
        double[] v = nan(designs.size());
        double[] totals = nan(designs.size());
        for (int i = 0; i < v.length; i++) {
            if (designs.get(i) instanceof DesignOutcome.Evaluated e) {
                v[i] = used(e.mapping(), kind);
                totals[i] = available(e.mapping(), kind);
            }
        }
        return new Row(key, label, Better.LOWER, v, 1, kind == ResourceKind.CIM_TILE ? "tiles" : "cores", totals);
    }
}
