package org.memdse.report.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memdse.core.explore.Metric;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.ParetoFront;

/**
 * What a sweep report's Pareto front is over: the objectives the user gave the report, or
 * (none given) the marks the sweep wrote in the CSV's {@code pareto} column, whose objectives the
 * CSV does not record.
 *
 * <p>A front over more objectives than the two axes drawn is not a curve in that plane: a point
 * that wins on a third objective can sit up and to the right of another front point. Joining the
 * points with a line would then make optimal designs look dominated, so the line is drawn only
 * when the front is over exactly the two plotted metrics.
 *
 * @param objectives the front's objectives; empty for the sweep's own marks
 */
public record FrontBasis(List<Objective> objectives) {
    public FrontBasis {
        objectives = List.copyOf(objectives);
    }

    /** The front as the sweep marked it in the CSV. */
    public static FrontBasis sweepMarks() {
        return new FrontBasis(List.of());
    }

    /** Whether the report computes the front itself over {@link #objectives()}. */
    public boolean computed() {
        return !objectives.isEmpty();
    }

    /** Whether the front is over exactly the metrics on the two axes, so a line through it is a true 2-D front. */
    public boolean isPlaneOf(String x, String y) {
        Set<String> metrics = new HashSet<>();
        objectives.forEach(o -> metrics.add(o.metric().key()));
        return objectives.size() == 2 && !x.equals(y) && metrics.equals(Set.of(x, y));
    }

    /** "minimise energy_pj, minimise area_mm2", for captions. */
    public String describe() {
        return String.join(", ", objectives.stream().map(Objective::toString).toList());
    }

    /**
     * The results with the {@code pareto} marks of this basis: unchanged for the sweep's marks;
     * otherwise recomputed per network (designs compete on the same workload) among the {@code ok}
     * rows that have every objective, ties all kept, as the sweep computes its own front.
     */
    public SweepResults apply(SweepResults results) {
        if (!computed()) {
            return results;
        }
        for (Objective o : objectives) {
            if (!results.metrics().contains(o.metric().key())) {
                throw new IllegalArgumentException("'" + o.metric().key() + "' is not a metric column of "
                        + results.source() + "; the metrics are: " + String.join(", ", results.metrics()));
            }
        }
        Map<String, ParetoFront<Integer>> fronts = new HashMap<>();
        List<SweepResults.Row> rows = results.rows();
        for (int i = 0; i < rows.size(); i++) {
            SweepResults.Row r = rows.get(i);
            if (SweepResults.OK.equals(r.status())) {
                fronts.computeIfAbsent(r.network(), n -> new ParetoFront<>(objectives)).offer(i, metrics(r));
            }
        }
        Set<Integer> members = new HashSet<>();
        fronts.values().forEach(f -> members.addAll(f.members()));
        List<SweepResults.Row> marked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SweepResults.Row r = rows.get(i);
            marked.add(new SweepResults.Row(r.point(), r.network(), r.status(), r.reason(), r.values(), r.metrics(),
                    members.contains(i)));
        }
        return new SweepResults(results.source(), results.parameters(), results.metrics(), marked);
    }

    /** A row's metrics indexed by {@link Metric#ordinal()}, NaN where missing (never on a front). */
    private static double[] metrics(SweepResults.Row r) {
        double[] v = new double[Metric.all().size()];
        for (Metric m : Metric.all()) {
            v[m.ordinal()] = r.metric(m.key());
        }
        return v;
    }

    /** The caption of the front chart: what is on the front, and why the points are joined or not. */
    public String caption(String x, String y) {
        String rest = " Grey rings: feasible but dominated; crosses: evaluated but infeasible (a constraint is"
                + " violated). Points without figures are listed below the table. Hover a point for its parameters.";
        if (isPlaneOf(x, y)) {
            return "Filled circles joined by a line: the Pareto front over the two plotted objectives (" + describe()
                    + ")." + rest;
        }
        if (computed()) {
            int n = objectives.size();
            return "Filled circles: the Pareto front over " + n + (n == 1 ? " objective" : " objectives") + " ("
                    + describe() + "), not joined: " + (n == 1 ? "its best design" : "a front design can lie behind"
                    + " another on these two axes and still win on an objective not drawn") + "." + rest;
        }
        return "Filled circles: the designs the sweep marked Pareto-optimal over its own objectives, which the CSV does"
                + " not record (give them to 'memdse report' with --objective minimise:METRIC or maximise:METRIC to"
                + " have the front computed over exactly those); not joined, because a front over more metrics than"
                + " the two drawn can put a front design behind another on these axes." + rest;
    }
}
