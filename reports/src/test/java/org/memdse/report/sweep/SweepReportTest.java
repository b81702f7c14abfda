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
