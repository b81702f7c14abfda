package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare, report and the demo's reports, through the command line. */
class ReportCommandsTest {
    @TempDir
    Path dir;

    private Path variant() throws IOException {
        CliRunner d = CliRunner.run("describe", "--format", "yaml", "fig4-hybrid");
        Path file = dir.resolve("adc2.yaml");
        Files.writeString(file, d.out().replace("columns_per_adc: 8", "columns_per_adc: 2")
                .replaceFirst("(?m)^name: .*$", "name: fig4-adc2"));
        return file;
    }

    @Test
    void compareWritesOneSelfContainedHtmlPage() throws IOException {
        Path out = dir.resolve("report.html");
        CliRunner r = CliRunner.run("compare", "fig4-hybrid", variant().toString(), "--network", "fig4-hybrid",
                "--mapper", "sequential", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("fig4-hybrid vs fig4-adc2", "<svg",
                "templates.cim-tile.macro.adc.columns_per_adc").doesNotContain("<script");
    }

    @Test
    void compareToMarkdownWritesTheChartsBesideIt() throws IOException {
        Path out = dir.resolve("report.md");
        CliRunner r = CliRunner.run("compare", "fig4-hybrid", variant().toString(), "--network", "fig4-hybrid",
                "--mapper", "sequential", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("](report-area.svg)", "| figure | unit |");
        assertThat(dir.resolve("report-area.svg")).exists();
    }

    @Test
    void anOutputThatIsNeitherHtmlNorMarkdownIsBadInput() {
        CliRunner r = CliRunner.run("compare", "fig4-hybrid", "fig4-hybrid", "--network", "fig4-hybrid", "-o",
                dir.resolve("report.pdf").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(".html or .md");
    }

    @Test
    void reportTurnsASweepCsvIntoHtml() throws IOException {
        Path csv = dir.resolve("results.csv");
        CliRunner s = CliRunner.run("sweep", "fig4-snn-cim", "-o", csv.toString(), "--quiet");
        assertThat(s.exitCode()).as(s.err()).isEqualTo(ExitCodes.OK);
        Path out = dir.resolve("sweep.html");
        CliRunner r = CliRunner.run("report", csv.toString(), "--x", "area_mm2", "--y", "energy_pj", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("Pareto front", "Pareto-optimal designs", "subsystems.snn.count");
        CliRunner bad = CliRunner.run("report", csv.toString(), "--x", "energy", "-o", out.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("'energy' is not a metric column");
    }

    @Test
    void demoWritesTheComparisonAndTheSweepReport() throws IOException {
        Path out = dir.resolve("demo");
        CliRunner r = CliRunner.run("demo", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("comparison.html", "sweep.html");
        assertThat(Files.readString(out.resolve("comparison.html"))).contains("fig4-hybrid-adc2", "fig4-hybrid-xbar256");
        assertThat(Files.readString(out.resolve("sweep.html"))).contains("Pareto front");
        assertThat(out.resolve("evaluation.json")).exists();
    }
}
