package org.memdse.report.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memdse.report.svg.Numbers;
import org.memdse.report.svg.ScatterPlot;

/**
 * The charts of a sweep report: the Pareto front on two metrics (joined by a line only when it is
 * the front of exactly those two, see {@link FrontBasis}), and one small plot per (swept
 * parameter, objective).
 */
public final class SweepCharts {
    private static final Pattern NUMBER_UNIT = Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*(\\S*)\\s*");

    private SweepCharts() {
    }

    /** A row's role in the plots. */
    public static ScatterPlot.Role role(SweepResults.Row r) {
        if (!SweepResults.OK.equals(r.status())) {
            return ScatterPlot.Role.INFEASIBLE;
        }
        return r.pareto() ? ScatterPlot.Role.PARETO : ScatterPlot.Role.DOMINATED;
    }

    static String tooltip(SweepResults results, SweepResults.Row r) {
        StringBuilder b = new StringBuilder("point ").append(r.point());
        for (String p : results.parameters()) {
            b.append("\n").append(p).append(" = ").append(r.values().get(p));
        }
        if (!r.reason().isBlank()) {
            b.append("\n").append(r.status()).append(": ").append(r.reason());
        }
        return b.toString();
    }

    /** Rows of one network that have both values (the others cannot be drawn). */
    public static List<SweepResults.Row> plottable(List<SweepResults.Row> rows, String x, String y) {
        return rows.stream().filter(r -> r.has(x) && r.has(y)).toList();
    }

    /**
     * How a metric column is drawn: values × factor, in unit (an SI prefix chosen for the data).
     *
     * @param factor display value = CSV value × factor
     * @param label  axis label with unit
     */
    record Display(double factor, String label) {
    }

    static Display display(List<SweepResults.Row> rows, String column) {
        java.util.Optional<MetricLabels.Si> si = MetricLabels.si(column);
        if (si.isEmpty()) {
            return new Display(1, MetricLabels.label(column));
        }
        double max = rows.stream().filter(r -> r.has(column)).mapToDouble(r -> Math.abs(r.metric(column))).max().orElse(0);
        Numbers.Scaled s = Numbers.prefixed(max * si.get().factor(), si.get().unit());
        return new Display(si.get().factor() * s.factor(), MetricLabels.name(column) + " (" + s.unit() + ")");
    }

    /** The Pareto scatter of {@code y} against {@code x} for one network's rows, with the sweep's own marks. */
    public static String front(SweepResults results, List<SweepResults.Row> rows, String network, String x, String y) {
        return front(results, rows, network, x, y, FrontBasis.sweepMarks());
    }

    /**
     * The Pareto scatter of {@code y} against {@code x} for one network's rows, whose {@code pareto}
     * marks are {@code basis}'s; the front is joined by a line only when it is the 2-D front of x and y.
     */
    public static String front(SweepResults results, List<SweepResults.Row> rows, String network, String x, String y,
                               FrontBasis basis) {
        List<ScatterPlot.Point> points = new ArrayList<>();
        List<SweepResults.Row> drawn = plottable(rows, x, y);
        Display dx = display(drawn, x);
        Display dy = display(drawn, y);
        for (SweepResults.Row r : drawn) {
            points.add(new ScatterPlot.Point(r.metric(x) * dx.factor(), r.metric(y) * dy.factor(), role(r),
                    tooltip(results, r) + "\n" + MetricLabels.label(x) + " = " + Numbers.fmt(r.metric(x)) + "\n"
                            + MetricLabels.label(y) + " = " + Numbers.fmt(r.metric(y))));
        }
        String title = MetricLabels.name(y) + " against " + MetricLabels.name(x) + (network.isEmpty() ? "" : " on "
                + network) + (basis.computed() && !basis.isPlaneOf(x, y) ? ", front over " + basis.objectives().size()
                + (basis.objectives().size() == 1 ? " objective" : " objectives") : "");
        return ScatterPlot.render(title, dx.label(), dy.label(), points, null, 820, 540, true, basis.isPlaneOf(x, y));
    }

    /** How a parameter's values are drawn: numerically (with a common unit) or as categories. */
    record ParameterAxis(boolean numeric, String unit, List<String> categories) {
        double position(String label) {
            if (numeric) {
                Matcher m = NUMBER_UNIT.matcher(label);
                return m.matches() ? Double.parseDouble(m.group(1)) : Double.NaN;
            }
            return categories.indexOf(label);
        }
    }

    static ParameterAxis axis(List<SweepResults.Row> rows, String parameter) {
        Set<String> labels = new LinkedHashSet<>();
        rows.forEach(r -> labels.add(r.values().get(parameter)));
        String unit = null;
        boolean numeric = !labels.isEmpty();
        for (String l : labels) {
            Matcher m = l == null ? null : NUMBER_UNIT.matcher(l);
            if (m == null || !m.matches() || (unit != null && !unit.equals(m.group(2)))) {
                numeric = false;
                break;
            }
            unit = m.group(2);
        }
        List<String> categories = new ArrayList<>(labels);
        if (numeric) {
            categories.sort(java.util.Comparator.comparingDouble(l -> {
                Matcher m = NUMBER_UNIT.matcher(l);
                return m.matches() ? Double.parseDouble(m.group(1)) : 0;
            }));
        }
        return new ParameterAxis(numeric && labels.size() > 5, unit == null ? "" : unit, categories);
    }

    /** One small plot: an objective against one swept parameter. */
    public static String effect(SweepResults results, List<SweepResults.Row> rows, String parameter, String objective) {
        ParameterAxis axis = axis(rows, parameter);
        Display dy = display(rows, objective);
        List<ScatterPlot.Point> points = new ArrayList<>();
        for (SweepResults.Row r : rows) {
            if (!r.has(objective)) {
                continue;
            }
            points.add(new ScatterPlot.Point(axis.position(r.values().get(parameter)), r.metric(objective) * dy.factor(),
                    role(r),
                    tooltip(results, r) + "\n" + MetricLabels.label(objective) + " = " + Numbers.fmt(r.metric(objective))));
        }
        String xLabel = shortName(parameter) + (axis.numeric() && !axis.unit().isEmpty() ? " (" + axis.unit() + ")" : "");
        return ScatterPlot.render(MetricLabels.name(objective), xLabel, dy.label(), points,
                axis.numeric() ? null : axis.categories(), 272, 230, false, false);
    }

    /** The last two segments of a parameter path ({@code adc.bits}); the section heading has the whole path. */
    public static String shortName(String parameter) {
        String[] parts = parameter.split("\\.");
        return parts.length <= 2 ? parameter : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }
}
