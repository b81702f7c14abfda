package org.memdse.report.html;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.memdse.report.svg.Numbers;
import org.memdse.report.sweep.FrontBasis;
import org.memdse.report.sweep.MetricLabels;
import org.memdse.report.sweep.SweepCharts;
import org.memdse.report.sweep.SweepResults;

/**
 * A sweep's report as one self-contained HTML page: the Pareto front on two chosen metrics
 * (front highlighted and, only when it is the front of exactly those two, joined; infeasible
 * points apart), the effect of each swept parameter on each
 * objective (small multiples), the Pareto-optimal designs, and the points that could not be
 * evaluated with their reasons.
 */
public final class SweepHtmlWriter {
    private static final int MAX_LISTED = 50;

    private SweepHtmlWriter() {
    }

    /**
     * @param x          metric column on the front's x axis
     * @param y          metric column on its y axis
     * @param objectives metric columns for the small multiples and the table
     */
    public static String write(SweepResults results, String x, String y, List<String> objectives) {
        return write(results, x, y, objectives, FrontBasis.sweepMarks());
    }

    /**
     * @param x          metric column on the front's x axis
     * @param y          metric column on its y axis
     * @param objectives metric columns for the small multiples and the table
     * @param basis      what the front is over: the sweep's marks, or objectives to compute it over
     */
    public static String write(SweepResults marked, String x, String y, List<String> objectives, FrontBasis basis) {
        SweepResults results = basis.apply(marked);
        for (String m : concat(List.of(x, y), objectives)) {
            if (!results.metrics().contains(m)) {
                throw new IllegalArgumentException("'" + m + "' is not a metric column of " + results.source()
                        + "; the metrics are: " + String.join(", ", results.metrics()));
            }
        }
        StringBuilder b = new StringBuilder();
        String title = "memdse sweep: " + results.source();
        Html.open(b, title);
        b.append("<style>.multiples { display: grid; grid-template-columns: repeat(3, 272px); gap: 10px 12px; }"
                + " .multiples svg { width: 272px; } @media print { .multiples { grid-template-columns: repeat(3, 1fr); } }"
                + "</style>\n");
        b.append("<h1>").append(Html.esc(title)).append("</h1>\n");
        Map<String, Integer> statuses = new TreeMap<>();
        results.rows().forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
        long pareto = results.rows().stream().filter(SweepResults.Row::pareto).count();
        b.append("<p class=\"meta\">").append(results.rows().size()).append(" results (")
                .append(Html.esc(String.join(", ", statuses.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .toList()))).append("), ").append(pareto).append(basis.computed() ? " Pareto-optimal over " + basis.describe()
                        : " marked Pareto-optimal by the sweep").append(". Swept: ")
                .append(Html.esc(results.parameters().isEmpty() ? "nothing" : String.join(", ", results.parameters())))
                .append(". Networks: ").append(Html.esc(String.join(", ", results.networks()))).append(".</p>\n");
        for (String network : results.networks()) {
            List<SweepResults.Row> rows = results.rows().stream().filter(r -> r.network().equals(network)).toList();
            String suffix = results.networks().size() > 1 ? " on " + network : "";
            String id = Html.id(network);
            b.append("<h2 id=\"front-").append(id).append("\">Pareto front").append(Html.esc(suffix)).append("</h2>\n");
            Html.figure(b, SweepCharts.front(results, rows, network, x, y, basis), basis.caption(x, y));
            b.append("<h2 id=\"effects-").append(id).append("\">Effect of each swept parameter").append(Html.esc(suffix))
                    .append("</h2>\n");
            if (results.parameters().isEmpty()) {
                b.append("<p>No parameter was swept.</p>\n");
            }
            for (String p : results.parameters()) {
                b.append("<h3 class=\"parameter\">").append(Html.esc(p)).append("</h3>\n<div class=\"multiples\">\n");
                for (String o : objectives) {
                    b.append(SweepCharts.effect(results, rows, p, o));
                }
                b.append("</div>\n");
            }
            b.append("<h2 id=\"pareto-").append(id).append("\">Pareto-optimal designs").append(Html.esc(suffix))
                    .append("</h2>\n");
            paretoTable(b, results, rows, concat(concat(List.of(x, y), basis.objectives().stream()
                    .map(o -> o.metric().key()).toList()), objectives));
            notPlotted(b, rows, x, y);
        }
        b.append("<p class=\"note\">Written by memdse from ").append(Html.esc(results.source()))
                .append(". Every axis and column names its unit.</p>\n");
        Html.close(b);
        return b.toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        java.util.LinkedHashSet<String> s = new java.util.LinkedHashSet<>(a);
        s.addAll(b);
        return List.copyOf(s);
    }

    static void paretoTable(StringBuilder b, SweepResults results, List<SweepResults.Row> rows, List<String> metrics) {
        List<SweepResults.Row> front = rows.stream().filter(SweepResults.Row::pareto).toList();
        if (front.isEmpty()) {
            b.append("<p>No design is on the Pareto front (without objectives the sweep marks none; a front needs"
                    + " feasible designs with every objective).</p>\n");
            return;
        }
        b.append("<div style=\"overflow-x: auto\"><table class=\"pareto\">\n<thead><tr><th>point</th>");
        for (String p : results.parameters()) {
            b.append("<th title=\"").append(Html.esc(p)).append("\">").append(Html.esc(SweepCharts.shortName(p)))
                    .append("</th>");
        }
        for (String m : metrics) {
            b.append("<th>").append(Html.esc(MetricLabels.label(m))).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (SweepResults.Row r : front) {
            b.append("<tr data-point=\"").append(Html.esc(r.point())).append("\"><td>").append(Html.esc(r.point()))
                    .append("</td>");
            for (String p : results.parameters()) {
                b.append("<td>").append(Html.esc(r.values().getOrDefault(p, ""))).append("</td>");
            }
            for (String m : metrics) {
                b.append("<td class=\"num\" data-value=\"").append(r.has(m) ? Double.toString(r.metric(m)) : "")
                        .append("\">").append(Html.esc(Numbers.fmt(r.metric(m)))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n<p class=\"note\">Parameter columns show the last two segments of their"
                + " paths; the full paths head the parameter plots above.</p>\n");
    }

    static void notPlotted(StringBuilder b, List<SweepResults.Row> rows, String x, String y) {
        List<SweepResults.Row> missing = rows.stream().filter(r -> !(r.has(x) && r.has(y))).toList();
        if (missing.isEmpty()) {
            return;
        }
        b.append("<h3>Not plotted: ").append(missing.size()).append(missing.size() == 1 ? " point" : " points")
                .append(" without figures</h3>\n<table class=\"invalid\">\n<thead><tr><th>point</th><th>status</th>")
                .append("<th>reason</th></tr></thead>\n<tbody>\n");
        for (SweepResults.Row r : missing.subList(0, Math.min(MAX_LISTED, missing.size()))) {
            b.append("<tr><td>").append(Html.esc(r.point())).append("</td><td>").append(Html.esc(r.status()))
                    .append("</td><td>").append(Html.esc(r.reason())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (missing.size() > MAX_LISTED) {
            b.append("<p class=\"note\">… and ").append(missing.size() - MAX_LISTED).append(" more (see the CSV).</p>\n");
        }
    }
}
