package org.memdse.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.eval.Metrics;
import org.memdse.report.html.CompareHtmlWriter;
import org.memdse.report.markdown.CompareMarkdownWriter;

class CompareReportTest {
    static Comparison comparison;
    static String html;

    @BeforeAll
    static void render() {
        comparison = Fixtures.compare(List.of(Fixtures.bundled("fig4-hybrid"), Fixtures.fig4Adc2(),
                Fixtures.bundled("isaac-ce")), List.of(Fixtures.network("fig4-hybrid")));
        html = CompareHtmlWriter.write(comparison);
    }

    private static Metrics metrics(int design) {
        return ((DesignOutcome.Evaluated) comparison.networks().get(0).designs().get(design)).metrics();
    }

    /** The data-value attributes of one summary row, in column order. */
    private static List<String> row(String key) {
        Matcher m = Pattern.compile("<tr data-key=\"" + key + "\">(.*?)</tr>").matcher(html);
        assertThat(m.find()).as("row " + key).isTrue();
        List<String> values = new ArrayList<>();
        Matcher v = Pattern.compile("data-value=\"([^\"]*)\"").matcher(m.group(1));
        while (v.find()) {
            values.add(v.group(1));
        }
        return values;
    }

    @Test
    void summaryTableNumbersAreTheEvaluatorsNumbers() {
        for (int d = 0; d < 2; d++) {
            Metrics x = metrics(d);
            assertThat(Double.parseDouble(row("area_mm2").get(d))).isEqualTo(x.areaM2());
            assertThat(Double.parseDouble(row("energy_j").get(d))).isEqualTo(x.energyJ());
            assertThat(Double.parseDouble(row("latency_s").get(d))).isEqualTo(x.latencyS());
            assertThat(Double.parseDouble(row("throughput_per_s").get(d))).isEqualTo(x.throughputPerSecond());
            assertThat(Double.parseDouble(row("tops_per_w").get(d))).isEqualTo(x.topsPerWatt());
            assertThat(Double.parseDouble(row("tops_per_mm2").get(d))).isEqualTo(x.topsPerMm2());
            assertThat(Double.parseDouble(row("crossbar_utilisation").get(d))).isEqualTo(x.crossbarUtilisation());
        }
        assertThat(row("area_mm2").get(2)).as("isaac-ce cannot run the hybrid network").isEmpty();
        assertThat(html).contains("<b>isaac-ce</b> was not evaluated on fig4-hybrid");
    }

    @Test
    void theBestValueOfEachRowIsMarkedAndRatiosAreToTheFirst() {
        List<SummaryTable.Row> rows = SummaryTable.rows(comparison.networks().get(0).designs());
        SummaryTable.Row area = rows.stream().filter(r -> r.key().equals("area_mm2")).findFirst().orElseThrow();
        assertThat(area.best()).isEqualTo(0);
        assertThat(area.ratio(1)).isCloseTo(metrics(1).areaM2() / metrics(0).areaM2(), within(1e-12));
        assertThat(html).containsPattern("<tr data-key=\"area_mm2\">.*?<td class=\"num best\"");
    }

    @Test
    void areaBarsHaveOneSegmentPerComponentKind() {
        String svg = new CompareCharts(comparison).areaByKind();
        Matcher bars = Pattern.compile("<g class=\"bar\">(.*?)</g>", Pattern.DOTALL).matcher(svg);
        int bar = 0;
        while (bars.find()) {
            Metrics x = metrics(bar);
            long kinds = x.areaByKind().parts().values().stream().filter(v -> v > 0).count();
            assertThat(count(bars.group(1), "class=\"segment\"")).as("segments of bar " + bar).isEqualTo(kinds);
            for (Map.Entry<String, Double> e : x.areaByKind().parts().entrySet()) {
                if (e.getValue() > 0) {
                    assertThat(bars.group(1)).contains(", " + e.getKey() + ": ");
                }
            }
            bar++;
        }
        assertThat(bar).isEqualTo(2);
    }

    @Test
    void theMappingShowsEveryPlacedLayerAndEveryEndpoint() {
        DesignOutcome.Evaluated e = (DesignOutcome.Evaluated) comparison.networks().get(0).designs().get(0);
        String svg = MappingDrawing.render(e, comparison.networks().get(0).network(),
                MappingDrawing.layerColors(comparison.networks().get(0)));
        assertThat(count(svg, "<g class=\"endpoint ")).isEqualTo(e.mapping().endpoints().size());
        e.mapping().units().stream().map(u -> u.node()).distinct()
                .forEach(layer -> assertThat(svg).contains(" " + layer + "</text>"));
        assertThat(count(svg, "class=\"endpoint cim_tile used\"")).isEqualTo(
                SummaryTable.used(e.mapping(), org.memdse.core.mapping.ResourceKind.CIM_TILE));
    }

    @Test
    void theParametersThatDifferAreListed() {
        List<ParameterDiff.Row> diff = ParameterDiff.of(comparison.architectures().subList(0, 2));
        assertThat(diff).extracting(ParameterDiff.Row::path).containsExactly("templates.cim-tile.macro.adc.columns_per_adc");
        assertThat(diff.get(0).values()).containsExactly("8", "2");
        assertThat(html).contains("templates.cim-tile.macro.adc.columns_per_adc");
    }

    @Test
    void thePageIsSelfContainedAndEveryChartHasUnits() {
        assertThat(html).doesNotContain("<script", "<link", "@import", "url(", "<img");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://");
        assertThat(html).contains("area (mm²)", "energy per inference (", "time per inference (", "<th>unit</th>");
    }

    @Test
    void markdownHasTheSameTablesAndLinksItsSvgFiles() {
        Map<String, String> files = CompareMarkdownWriter.write(comparison, "report");
        String md = files.get("report.md");
        assertThat(md).contains("| area (lower is better) | mm² |", "★ **", "(×");
        for (String name : files.keySet()) {
            if (name.endsWith(".svg")) {
                assertThat(md).contains("](" + name + ")");
                assertThat(files.get(name)).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
            }
        }
        assertThat(files.keySet()).contains("report-area.svg", "report-mapping-fig4-hybrid-fig4-hybrid.svg");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
