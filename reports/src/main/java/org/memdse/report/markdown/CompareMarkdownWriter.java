package org.memdse.report.markdown;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memdse.report.compare.CompareCharts;
import org.memdse.report.compare.Comparison;
import org.memdse.report.compare.DesignOutcome;
import org.memdse.report.compare.MappingDrawing;
import org.memdse.report.compare.NetworkComparison;
import org.memdse.report.compare.ParameterDiff;
import org.memdse.report.compare.SummaryTable;
import org.memdse.report.svg.Numbers;

/**
 * The comparison report as Markdown: the same tables as the HTML page, and the charts as SVG
 * files beside it ({@code <base>-<chart>.svg}), linked as images.
 */
public final class CompareMarkdownWriter {
    private CompareMarkdownWriter() {
    }

    /** The files to write: {@code <base>.md} first, then the SVG files, by name. */
    public static Map<String, String> write(Comparison c, String base) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(base + ".md", "");
        CompareCharts charts = new CompareCharts(c);
        StringBuilder b = new StringBuilder();
        b.append("# memdse comparison: ").append(String.join(" vs ", c.names())).append("\n\n");
        b.append("Networks: ").append(String.join(", ", c.networks().stream().map(n -> n.network().name()).toList()))
                .append(". Mapper: ").append(c.mapper()).append(". Operations: ").append(c.opConvention())
                .append(". Ratios (×) are to the first architecture, **").append(c.names().get(0))
                .append("**; ★ marks the best value of a row.\n\n");
        for (NetworkComparison n : c.networks()) {
            b.append("## Summary on ").append(n.network().name()).append("\n\n");
            summary(b, n);
        }
        b.append("## Area by component kind\n\n");
        image(files, b, base, "area", "Area by component kind (mm²)", charts.areaByKind());
        for (NetworkComparison n : c.networks()) {
            String net = fileName(n.network().name());
            b.append("## Energy and latency on ").append(n.network().name()).append("\n\n");
            image(files, b, base, "energy-by-kind-" + net, "Energy per inference by component kind",
                    charts.energyByKind(n));
            if (CompareCharts.staticDominates(n)) {
                image(files, b, base, "dynamic-energy-by-kind-" + net, "Dynamic energy per inference by component kind",
                        charts.dynamicEnergyByKind(n));
            }
            image(files, b, base, "energy-by-layer-" + net, "Dynamic energy by layer", charts.energyByLayer(n));
            image(files, b, base, "latency-by-layer-" + net, "Latency by layer", charts.latencyByLayer(n));
            b.append("## Mappings of ").append(n.network().name()).append("\n\n");
            Map<String, String> layerColors = MappingDrawing.layerColors(n);
            for (DesignOutcome d : n.designs()) {
                if (d instanceof DesignOutcome.Evaluated e) {
                    image(files, b, base, "mapping-" + net + "-" + fileName(d.architecture()),
                            "Mapping on " + d.architecture(), MappingDrawing.render(e, n.network(), layerColors));
                    java.util.Optional<String> noMap = org.memdse.report.compare.LinkHeatMap.whyNoMap(e);
                    if (noMap.isPresent()) {
                        b.append(noMap.get()).append("\n\n");
                    } else {
                        image(files, b, base, "link-load-" + net + "-" + fileName(d.architecture()),
                                "Link load on " + d.architecture(), org.memdse.report.compare.LinkHeatMap.render(e));
                    }
                } else {
                    b.append("- ").append(d.architecture()).append(": not evaluated: ")
                            .append(((DesignOutcome.Failed) d).reason()).append("\n\n");
                }
            }
        }
        b.append("## Parameters that differ\n\n");
        List<ParameterDiff.Row> rows = ParameterDiff.of(c.architectures());
        if (rows.isEmpty()) {
            b.append("No parameter differs apart from the names.\n");
        } else {
            b.append("| parameter | ").append(String.join(" | ", c.names().stream().map(CompareMarkdownWriter::cell).toList()))
                    .append(" |\n|---|").append("---|".repeat(c.names().size())).append('\n');
            for (ParameterDiff.Row r : rows) {
                b.append("| `").append(r.path()).append("` | ")
                        .append(String.join(" | ", r.values().stream().map(CompareMarkdownWriter::cell).toList()))
                        .append(" |\n");
            }
        }
        files.put(base + ".md", b.toString());
        return files;
    }

    static void summary(StringBuilder b, NetworkComparison n) {
        b.append("| figure | unit | ")
                .append(String.join(" | ", n.designs().stream().map(d -> cell(d.architecture())).toList()))
                .append(" |\n|---|---|").append("---:|".repeat(n.designs().size())).append('\n');
        for (SummaryTable.Row r : SummaryTable.rows(n.designs())) {
            int best = r.best();
            b.append("| ").append(r.label()).append(r.better() == SummaryTable.Better.LOWER ? " (lower is better)"
                    : " (higher is better)").append(" | ").append(r.unit()).append(" |");
            for (int i = 0; i < r.values().length; i++) {
                String v = r.display(i);
                double ratio = r.ratio(i);
                String text = i == best ? "★ **" + v + "**" : v;
                if (i > 0 && !Double.isNaN(ratio)) {
                    text += " (×" + Numbers.fmt(ratio) + ")";
                }
                b.append(' ').append(text).append(" |");
            }
            b.append('\n');
        }
        b.append('\n');
        for (DesignOutcome d : n.designs()) {
            if (d instanceof DesignOutcome.Evaluated e && e.mapping().chips() > 1) {
                org.memdse.report.compare.ChipView v = org.memdse.report.compare.ChipView.of(e);
                b.append("- **").append(e.architecture()).append("**: ").append(v.chips())
                        .append(" chips; traffic between them per inference: ")
                        .append(v.trafficText().isEmpty() ? "none" : v.trafficText()).append('\n');
            }
        }
        for (DesignOutcome d : n.designs()) {
            if (d instanceof DesignOutcome.Failed f) {
                b.append("- **").append(f.architecture()).append("** was not evaluated: ").append(f.reason()).append('\n');
            }
        }
        b.append('\n');
    }

    private static void image(Map<String, String> files, StringBuilder b, String base, String chart, String alt,
                              String svg) {
        String name = base + "-" + chart + ".svg";
        files.put(name, svg);
        b.append("![").append(alt).append("](").append(name).append(")\n\n");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    /** A name as part of a file name: runs of other characters become one '-', none at the ends ("a (b.yaml)" -> "a-b.yaml"). */
    static String fileName(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
    }
}
