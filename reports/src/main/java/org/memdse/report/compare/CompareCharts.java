package org.memdse.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.Metrics;
import org.memdse.core.network.NetworkNode;
import org.memdse.report.svg.GroupedBarChart;
import org.memdse.report.svg.Numbers;
import org.memdse.report.svg.Palette;
import org.memdse.report.svg.StackedBarChart;

/**
 * The charts of a comparison report, as SVG text: area and energy by component kind (stacked
 * bars, one segment per kind, one colour per kind across the whole report), and energy and
 * latency by layer (grouped bars, one colour per architecture).
 */
public final class CompareCharts {
    /** The key the evaluator files static (leakage) energy under. */
    public static final String STATIC = "static";

    private final Comparison comparison;
    private final Map<String, String> kindColors;

    public CompareCharts(Comparison comparison) {
        this.comparison = comparison;
        this.kindColors = kindColors(comparison);
    }

    /** Colour per component kind: kinds in {@link ComponentKind} order, static energy grey. */
    public Map<String, String> kindColors() {
        return kindColors;
    }

    private static Map<String, String> kindColors(Comparison c) {
        Set<String> present = new LinkedHashSet<>();
        for (NetworkComparison n : c.networks()) {
            for (DesignOutcome d : n.designs()) {
                if (d instanceof DesignOutcome.Evaluated e) {
                    present.addAll(positive(e.metrics().areaByKind()));
                    present.addAll(positive(e.metrics().energyByKind()));
                }
            }
        }
        Map<String, String> colors = new LinkedHashMap<>();
        int i = 0;
        for (ComponentKind k : ComponentKind.values()) {
            if (present.remove(k.key())) {
                colors.put(k.key(), Palette.color(i++));
            }
        }
        for (String other : present) {
            colors.put(other, other.equals(STATIC) ? Palette.GREY : Palette.color(i++));
        }
        if (colors.containsKey(STATIC)) {
            colors.put(STATIC, Palette.GREY);
        }
        return colors;
    }

    private static List<String> positive(Breakdown b) {
        return b.parts().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
    }

    /** The first evaluation of each architecture on any network (area does not depend on the network). */
    private List<DesignOutcome.Evaluated> firstEvaluations(List<String> names) {
        List<DesignOutcome.Evaluated> out = new ArrayList<>();
        for (int i = 0; i < comparison.architectures().size(); i++) {
            DesignOutcome.Evaluated found = null;
            for (NetworkComparison n : comparison.networks()) {
                if (found == null && n.designs().get(i) instanceof DesignOutcome.Evaluated e) {
                    found = e;
                }
            }
            if (found != null) {
                out.add(found);
                names.add(found.architecture());
            }
        }
        return out;
    }

    /** Area by component kind, one bar per architecture. */
    public String areaByKind() {
        List<String> names = new ArrayList<>();
        List<DesignOutcome.Evaluated> evals = firstEvaluations(names);
        return stacked("Area by component kind", "area (mm²)", names,
                evals.stream().map(e -> e.metrics().areaByKind()).toList(), 1e6, "mm²");
    }

    /** Energy per inference by component kind on one network. */
    public String energyByKind(NetworkComparison n) {
        List<String> names = new ArrayList<>();
        List<Breakdown> parts = new ArrayList<>();
        double max = 0;
        for (DesignOutcome d : n.designs()) {
            if (d instanceof DesignOutcome.Evaluated e) {
                names.add(e.architecture());
                parts.add(e.metrics().energyByKind());
                max = Math.max(max, e.metrics().energyByKind().total());
            }
        }
        Numbers.Scaled s = Numbers.prefixed(max, "J");
        return stacked("Energy per inference by component kind (" + n.network().name() + ")",
                "energy per inference (" + s.unit() + ")", names, parts, s.factor(), s.unit());
    }

    /** Whether static energy is most of the energy on some design (then a dynamic-only chart helps). */
    public static boolean staticDominates(NetworkComparison n) {
        return n.designs().stream().anyMatch(d -> d instanceof DesignOutcome.Evaluated e
                && e.metrics().energyByKind().share(STATIC) > 0.5);
    }

    /** Dynamic energy per inference by component kind (static energy left out). */
    public String dynamicEnergyByKind(NetworkComparison n) {
        List<String> names = new ArrayList<>();
        List<Breakdown> parts = new ArrayList<>();
        double max = 0;
        for (DesignOutcome d : n.designs()) {
            if (d instanceof DesignOutcome.Evaluated e) {
                Map<String, Double> dynamic = new LinkedHashMap<>(e.metrics().energyByKind().parts());
                dynamic.remove(STATIC);
                Breakdown b = new Breakdown(dynamic);
                names.add(e.architecture());
                parts.add(b);
                max = Math.max(max, b.total());
            }
        }
        Numbers.Scaled s = Numbers.prefixed(max, "J");
        return stacked("Dynamic energy per inference by component kind (" + n.network().name() + ")",
                "dynamic energy per inference (" + s.unit() + ")", names, parts, s.factor(), s.unit());
    }

    private String stacked(String title, String axisLabel, List<String> names, List<Breakdown> parts, double factor,
                           String unit) {
        List<String> series = new ArrayList<>();
        for (String kind : kindColors.keySet()) {
            if (parts.stream().anyMatch(b -> b.get(kind) > 0)) {
                series.add(kind);
            }
        }
        double[][] values = new double[names.size()][series.size()];
        for (int c = 0; c < names.size(); c++) {
            for (int s = 0; s < series.size(); s++) {
                values[c][s] = parts.get(c).get(series.get(s)) * factor;
            }
        }
        return StackedBarChart.render(title, axisLabel, names, series,
                series.stream().map(kindColors::get).toList(), values, unit);
    }

    /** Dynamic energy per layer on one network. */
    public String energyByLayer(NetworkComparison n) {
        return byLayer(n, "Dynamic energy per inference by layer (" + n.network().name() + ")", "energy", "J",
                Metrics::energyByLayer);
    }

    /** Time per layer on one network. */
    public String latencyByLayer(NetworkComparison n) {
        return byLayer(n, "Latency by layer (" + n.network().name() + ")", "time per inference", "s",
                Metrics::latencyByLayer);
    }

    /** The layers that appear in a breakdown, in network order; those zero in every design are left out. */
    public static List<String> layers(NetworkComparison n, Function<Metrics, Breakdown> f) {
        Set<String> keys = new LinkedHashSet<>();
        for (NetworkNode node : n.network().nodes()) {
            keys.add(node.name());
        }
        for (DesignOutcome d : n.designs()) {
            if (d instanceof DesignOutcome.Evaluated e) {
                keys.addAll(f.apply(e.metrics()).parts().keySet());
            }
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            boolean any = false;
            for (DesignOutcome d : n.designs()) {
                any |= d instanceof DesignOutcome.Evaluated e && f.apply(e.metrics()).get(k) > 0;
            }
            if (any) {
                out.add(k);
            }
        }
        return out;
    }

    private String byLayer(NetworkComparison n, String title, String quantity, String baseUnit,
                           Function<Metrics, Breakdown> f) {
        List<String> layers = layers(n, f);
        List<String> names = n.designs().stream().map(DesignOutcome::architecture).toList();
        double max = 0;
        double[][] raw = new double[layers.size()][names.size()];
        for (int l = 0; l < layers.size(); l++) {
            for (int d = 0; d < names.size(); d++) {
                raw[l][d] = n.designs().get(d) instanceof DesignOutcome.Evaluated e
                        ? f.apply(e.metrics()).get(layers.get(l)) : Double.NaN;
                if (raw[l][d] > max) {
                    max = raw[l][d];
                }
            }
        }
        Numbers.Scaled s = Numbers.prefixed(max, baseUnit);
        for (double[] row : raw) {
            for (int d = 0; d < row.length; d++) {
                row[d] *= s.factor();
            }
        }
        return GroupedBarChart.render(title, quantity + " (" + s.unit() + ")", layers, names, raw, s.unit());
    }
}
