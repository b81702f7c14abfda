package org.memdse.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.memdse.report.csv.SweepResultsReader;
import org.memdse.report.html.SweepHtmlWriter;

class SweepReportTest {
    static SweepResults read() throws IOException {
        try (Reader r = new InputStreamReader(SweepReportTest.class.getResourceAsStream("small-sweep.csv"),
                StandardCharsets.UTF_8)) {
            return SweepResultsReader.read(r, "small-sweep.csv");
        }
    }

    @Test
    void readsParametersMetricsAndTheParetoMarks() throws IOException {
        SweepResults r = read();
        assertThat(r.parameters()).containsExactly("templates.cim-tile.macro.adc.bits",
                "templates.cim-tile.macro.adc.columns_per_adc", "interconnect.on_chip.topology");
        assertThat(r.metrics()).startsWith("area_mm2", "energy_pj", "latency_ns").endsWith("peak_tops_per_mm2");
        assertThat(r.rows()).hasSize(18);
        assertThat(r.rows().stream().filter(SweepResults.Row::pareto).map(SweepResults.Row::point))
                .containsExactly("2", "4", "12");
        assertThat(r.rows().get(13).has("energy_pj")).isFalse();
    }

    @Test
    void theParetoPointsDrawnAndTabulatedAreTheOnesTheCsvMarks() throws IOException {
        SweepResults r = read();
        String html = SweepHtmlWriter.write(r, "energy_pj", "latency_ns", List.of("area_mm2", "energy_pj"));
        List<String> tabulated = new ArrayList<>();
        Matcher m = Pattern.compile("<tr data-point=\"([^\"]+)\">").matcher(html);
        while (m.find()) {
            tabulated.add(m.group(1));
        }
        assertThat(tabulated).containsExactly("2", "4", "12");
        String front = SweepCharts.front(r, r.rows(), "fig4-hybrid", "energy_pj", "latency_ns");
        assertThat(count(front, "class=\"pareto\"")).isEqualTo(3);
        assertThat(count(front, "class=\"infeasible\"")).isEqualTo(2);
        assertThat(count(front, "class=\"dominated\"")).isEqualTo(12);
        assertThat(front).contains("energy per inference (µJ)", "latency (µs)");
        // the point without figures is listed apart, with its reason
        assertThat(html).contains("Not plotted: 1 point without figures", "expected 4..128, found &#39;2&#39;");
        // one small plot per (parameter, objective)
        assertThat(count(html, "<svg ")).isEqualTo(1 + 3 * 2);
    }

    @Test
    void aFrontOverMoreThanTheTwoPlottedObjectivesIsDrawnAsPointsOnlyAndSaysOverHowMany() throws IOException {
        SweepResults r = read();
        FrontBasis three = new FrontBasis(List.of(objective("minimise:energy_pj"), objective("minimise:latency_ns"),
                objective("minimise:area_mm2")));
        String front = SweepCharts.front(r, three.apply(r).rows(), "fig4-hybrid", "energy_pj", "latency_ns", three);
        assertThat(front).doesNotContain("<polyline").contains("front over 3 objectives");
        assertThat(count(front, "class=\"pareto\"")).isGreaterThanOrEqualTo(2);
        String html = SweepHtmlWriter.write(r, "energy_pj", "latency_ns", List.of("area_mm2"), three);
        assertThat(html).contains("the Pareto front over 3 objectives (minimise energy_pj, minimise latency_ns,"
                + " minimise area_mm2), not joined").doesNotContain("<polyline");
        // the sweep's own marks: their objectives are not in the CSV, so no line either, and the caption says why
        String marks = SweepHtmlWriter.write(r, "energy_pj", "latency_ns", List.of("area_mm2"));
        assertThat(marks).doesNotContain("<polyline").contains("which the CSV does not record");
    }

    @Test
    void aFrontOverExactlyThePlottedPairIsJoinedAndIsThatPairsNonDominatedSet() throws IOException {
        SweepResults r = read();
        FrontBasis two = new FrontBasis(List.of(objective("minimise:latency_ns"), objective("minimise:energy_pj")));
        SweepResults marked = two.apply(r);
        String front = SweepCharts.front(r, marked.rows(), "fig4-hybrid", "energy_pj", "latency_ns", two);
        assertThat(front).contains("<polyline").doesNotContain("front over");
        assertThat(SweepHtmlWriter.write(r, "energy_pj", "latency_ns", List.of(), two))
                .contains("Filled circles joined by a line: the Pareto front over the two plotted objectives");
        // every ok row is on the front exactly when no other ok row is at least as good on both and better on one
        List<SweepResults.Row> ok = r.rows().stream().filter(x -> x.status().equals(SweepResults.OK)
                && x.has("energy_pj") && x.has("latency_ns")).toList();
        for (SweepResults.Row row : marked.rows()) {
            boolean dominated = ok.stream().anyMatch(o -> o.metric("energy_pj") <= row.metric("energy_pj")
                    && o.metric("latency_ns") <= row.metric("latency_ns") && (o.metric("energy_pj") < row.metric("energy_pj")
                    || o.metric("latency_ns") < row.metric("latency_ns")));
            assertThat(row.pareto()).as("point %s", row.point()).isEqualTo(ok.contains(row) && !dominated);
        }
        // the same pair on other axes is not a plane of those axes: points only
        assertThat(SweepCharts.front(r, marked.rows(), "fig4-hybrid", "area_mm2", "latency_ns", two))
                .doesNotContain("<polyline").contains("front over 2 objectives");
    }

    @Test
    void anObjectiveOnAMetricTheCsvLacksNamesTheColumns() throws IOException {
        SweepResults all = read();
        SweepResults r = new SweepResults(all.source(), all.parameters(),
                all.metrics().stream().filter(m -> !m.equals("tops_per_w")).toList(), all.rows());
        FrontBasis basis = new FrontBasis(List.of(objective("maximise:tops_per_w")));
        assertThatThrownBy(() -> basis.apply(r)).hasMessageContaining("'tops_per_w' is not a metric column");
    }

    static org.memdse.core.explore.Objective objective(String text) {
        return org.memdse.core.explore.SweepReader.objective(text).orElseThrow();
    }

    @Test
    void anUnknownMetricNamesTheColumnsThereAre() throws IOException {
        SweepResults r = read();
        assertThatThrownBy(() -> SweepHtmlWriter.write(r, "energy", "latency_ns", List.of()))
                .hasMessageContaining("'energy' is not a metric column").hasMessageContaining("energy_pj");
    }

    @Test
    void unitsComeFromTheColumnNames() {
        assertThat(MetricLabels.label("energy_pj")).isEqualTo("energy per inference (pJ)");
        assertThat(MetricLabels.label("area_mm2")).isEqualTo("area (mm²)");
        assertThat(MetricLabels.label("edp_pj_ns")).isEqualTo("energy-delay product (pJ·ns)");
        assertThat(MetricLabels.label("tops_per_w")).isEqualTo("TOPS/W");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
