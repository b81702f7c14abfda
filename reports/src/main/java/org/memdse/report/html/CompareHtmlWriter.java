package org.memdse.report.html;

import java.util.List;
import org.memdse.report.compare.CompareCharts;
import org.memdse.report.compare.Comparison;
import org.memdse.report.compare.DesignOutcome;
import org.memdse.report.compare.LinkHeatMap;
import org.memdse.report.compare.MappingDrawing;
import org.memdse.report.compare.NetworkComparison;
import org.memdse.report.compare.ParameterDiff;
import org.memdse.report.compare.SummaryTable;
import org.memdse.report.svg.Numbers;

/**
 * The comparison report as one self-contained HTML page: inline CSS and SVG, no scripts, no
 * fonts or images fetched; readable offline and printable.
 */
public final class CompareHtmlWriter {
    private CompareHtmlWriter() {
    }

    public static String write(Comparison c) {
        StringBuilder b = new StringBuilder();
        String title = "memdse comparison: " + String.join(" vs ", c.names());
        Html.open(b, title);
        CompareCharts charts = new CompareCharts(c);
        b.append("<h1>").append(Html.esc(title)).append("</h1>\n");
        b.append("<p class=\"meta\">Networks: ")
                .append(Html.esc(String.join(", ", c.networks().stream().map(n -> n.network().name()).toList())))
                .append(". Mapper: ").append(Html.esc(c.mapper())).append(". Operations: ")
                .append(Html.esc(c.opConvention())).append(". Ratios are to the first architecture, <b>")
                .append(Html.esc(c.names().get(0)))
                .append("</b>; ★ marks the best value of a row. Energy is per inference and includes static energy"
                        + " over the latency.</p>\n");
        b.append("<nav><ul>\n");
        for (NetworkComparison n : c.networks()) {
            String net = Html.id(n.network().name());
            b.append("<li><a href=\"#summary-").append(net).append("\">Summary on ").append(Html.esc(n.network().name()))
                    .append("</a></li>\n");
        }
        b.append("<li><a href=\"#area\">Area by component kind</a></li>\n");
        for (NetworkComparison n : c.networks()) {
            String net = Html.id(n.network().name());
            b.append("<li><a href=\"#energy-").append(net).append("\">Energy and latency on ")
                    .append(Html.esc(n.network().name())).append("</a></li>\n");
            b.append("<li><a href=\"#mapping-").append(net).append("\">Mappings of ")
                    .append(Html.esc(n.network().name())).append("</a></li>\n");
        }
        b.append("<li><a href=\"#parameters\">Parameters that differ</a></li>\n</ul></nav>\n");
        for (NetworkComparison n : c.networks()) {
            b.append("<h2 id=\"summary-").append(Html.id(n.network().name())).append("\">Summary on ")
                    .append(Html.esc(n.network().name())).append("</h2>\n");
            summary(b, c, n);
        }
        b.append("<h2 id=\"area\">Area by component kind</h2>\n");
        Html.figure(b, charts.areaByKind(), "Total area split by component kind, one bar per architecture (mm²)."
                + " Hover a segment for its value and share.");
        for (NetworkComparison n : c.networks()) {
            String net = Html.id(n.network().name());
            b.append("<h2 id=\"energy-").append(net).append("\">Energy and latency on ")
                    .append(Html.esc(n.network().name())).append("</h2>\n");
            Html.figure(b, charts.energyByKind(n), "Energy per inference by component kind; \"static\" is leakage"
                    + " over the latency.");
            if (CompareCharts.staticDominates(n)) {
                Html.figure(b, charts.dynamicEnergyByKind(n), "The same without static energy, which is most of the"
                        + " total here: where the switching energy goes.");
            }
            Html.figure(b, charts.energyByLayer(n), "Dynamic energy per inference by layer (static energy is not"
                    + " split by layer). Layers with no energy on any architecture are left out.");
            Html.figure(b, charts.latencyByLayer(n), "Time each layer takes per inference, layer by layer."
                    + " Layers that take no time on any architecture are left out.");
            b.append("<h2 id=\"mapping-").append(net).append("\">Mappings of ").append(Html.esc(n.network().name()))
                    .append("</h2>\n");
            java.util.Map<String, String> layerColors = MappingDrawing.layerColors(n);
            for (DesignOutcome d : n.designs()) {
                b.append("<h3>").append(Html.esc(d.architecture())).append("</h3>\n");
                if (d instanceof DesignOutcome.Evaluated e) {
                    Html.figure(b, MappingDrawing.render(e, n.network(), layerColors), "Which layer sits on which tile or core."
                            + " Hover a tile for its units.");
                    java.util.Optional<String> noMap = LinkHeatMap.whyNoMap(e);
                    if (noMap.isPresent()) {
                        b.append("<p class=\"note heatmap-absent\">").append(Html.esc(noMap.get())).append("</p>\n");
                    } else {
                        Html.figure(b, LinkHeatMap.render(e), "Link load on the floorplan: each direction of a link"
                                + " carrying traffic coloured by its utilisation from the contention model (the figures"
                                + " behind \"link utilisation, max\"); ≥ 1 is saturated. Hover a link for its layer.");
                    }
                } else {
                    b.append("<p class=\"failed\">Not evaluated: ").append(Html.esc(((DesignOutcome.Failed) d).reason()))
                            .append("</p>\n");
                }
            }
        }
        b.append("<h2 id=\"parameters\">Parameters that differ</h2>\n");
        parameters(b, c);
        b.append("<p class=\"note\">Written by memdse. Units: mm² square millimetres; J joules with SI prefixes"
                + " (pJ, nJ, µJ, mJ); s seconds (ns, µs, ms); W watts; TOPS 10¹² operations per second; J·s"
                + " energy-delay product.</p>\n");
        Html.close(b);
        return b.toString();
    }

    static void summary(StringBuilder b, Comparison c, NetworkComparison n) {
        List<SummaryTable.Row> rows = SummaryTable.rows(n.designs());
        b.append("<table class=\"summary\">\n<thead><tr><th>figure</th><th>unit</th>");
        for (DesignOutcome d : n.designs()) {
            b.append("<th>").append(Html.esc(d.architecture())).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (SummaryTable.Row r : rows) {
            int best = r.best();
            b.append("<tr data-key=\"").append(r.key()).append("\"><td>").append(Html.esc(r.label()))
                    .append(r.better() == SummaryTable.Better.LOWER ? " <small>(lower is better)</small>"
                            : " <small>(higher is better)</small>")
                    .append("</td><td class=\"unit\">").append(Html.esc(r.unit())).append("</td>");
            for (int i = 0; i < r.values().length; i++) {
                double v = r.values()[i];
                b.append("<td class=\"num").append(i == best ? " best" : "").append(Double.isNaN(v) ? " missing" : "")
                        .append("\" data-value=\"").append(Double.isNaN(v) ? "" : Double.toString(v)).append("\">")
                        .append(Html.esc(r.display(i)));
                double ratio = r.ratio(i);
                if (i > 0 && !Double.isNaN(ratio)) {
                    b.append("<span class=\"ratio\">×").append(Html.esc(Numbers.fmt(ratio))).append("</span>");
                }
                b.append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        for (DesignOutcome d : n.designs()) {
            if (d instanceof DesignOutcome.Evaluated e && e.mapping().chips() > 1) {
                org.memdse.report.compare.ChipView v = org.memdse.report.compare.ChipView.of(e);
                b.append("<p class=\"chips\"><b>").append(Html.esc(e.architecture())).append("</b>: ").append(v.chips())
                        .append(" chips; traffic between them per inference: ")
                        .append(Html.esc(v.trafficText().isEmpty() ? "none" : v.trafficText())).append(".</p>\n");
            }
        }
        for (DesignOutcome d : n.designs()) {
            if (d instanceof DesignOutcome.Failed f) {
                b.append("<p class=\"failed\"><b>").append(Html.esc(f.architecture())).append("</b> was not evaluated on ")
                        .append(Html.esc(n.network().name())).append(": ").append(Html.esc(f.reason())).append("</p>\n");
            }
        }
    }

    static void parameters(StringBuilder b, Comparison c) {
        List<ParameterDiff.Row> rows = ParameterDiff.of(c.architectures());
        if (c.architectures().size() < 2) {
            b.append("<p>Only one architecture.</p>\n");
            return;
        }
        if (rows.isEmpty()) {
            b.append("<p>The resolved descriptions are identical apart from their names.</p>\n");
            return;
        }
        b.append("<p class=\"note\">Leaves of the resolved descriptions (includes inlined, defaults explicit) whose"
                + " values are not all equal; values carry their units as written; — means the architecture has no"
                + " such parameter.</p>\n");
        b.append("<table class=\"parameters\">\n<thead><tr><th>parameter</th>");
        for (String name : c.names()) {
            b.append("<th>").append(Html.esc(name)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (ParameterDiff.Row r : rows) {
            b.append("<tr><td class=\"path\">").append(Html.esc(r.path())).append("</td>");
            for (String v : r.values()) {
                b.append("<td").append(v.equals(ParameterDiff.ABSENT) ? " class=\"missing\"" : "").append(">")
                        .append(Html.esc(v)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }
}
