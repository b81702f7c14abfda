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
    void compareTellsApartArchitecturesThatShareANameByWhereTheyCameFrom() throws IOException {
        // the tutorial's case: the bundled system against an edited copy that keeps its name
        Path copy = dir.resolve("my-system.yaml");
        Files.writeString(copy, CliRunner.run("describe", "--format", "yaml", "fig4-hybrid").out()
                .replace("columns_per_adc: 8", "columns_per_adc: 4"));
        Path out = dir.resolve("report.html");
        CliRunner r = CliRunner.run("compare", "fig4-hybrid", copy.toString(), "fig4-hybrid", "--network", "fig4-hybrid",
                "--mapper", "sequential", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("fig4-hybrid (bundled) #1", "fig4-hybrid (my-system.yaml)",
                "fig4-hybrid (bundled) #3");
        assertThat(r.err()).contains("the report calls " + copy + " 'fig4-hybrid (my-system.yaml)'");
    }

    @Test
    void compareTakesTheMapperOptionsOfMapAndEvaluate() throws IOException {
        Path out = dir.resolve("report.html");
        CliRunner r = CliRunner.run("compare", "fig4-hybrid", variant().toString(), "--network", "fig4-hybrid",
                "--mapper", "solver", "--steps", "200", "--seed", "7", "--replicate", "-o", out.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        CliRunner bad = CliRunner.run("compare", "fig4-hybrid", variant().toString(), "--network", "fig4-hybrid",
                "--steps", "0", "-o", out.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--steps must be at least 1");
        CliRunner endless = CliRunner.run("compare", "fig4-hybrid", variant().toString(), "--network", "fig4-hybrid",
                "--mapper", "solver", "--steps", "99999999999999", "-o", out.toString());
        assertThat(endless.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(endless.err()).contains("--steps 99,999,999,999,999 is more than the 1,000,000,000 steps a search "
                + "may take without a time limit");
    }

    @Test
    void reportTakesObjectivesAsSweepDoesAndStillAMetricAlone() throws IOException {
        Path csv = dir.resolve("results.csv");
        CliRunner s = CliRunner.run("sweep", "fig4-snn-cim", "-o", csv.toString(), "--quiet");
        assertThat(s.exitCode()).as(s.err()).isEqualTo(ExitCodes.OK);
        Path out = dir.resolve("sweep.html");
        CliRunner directed = CliRunner.run("report", csv.toString(), "-o", out.toString(), "--x", "energy_pj", "--y",
                "latency_ns", "--objective", "minimise:energy_pj", "--objective", "minimise:latency_ns");
        assertThat(directed.exitCode()).as(directed.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("Pareto-optimal over minimise energy_pj, minimise latency_ns",
                "Filled circles joined by a line", "<polyline");
        CliRunner three = CliRunner.run("report", csv.toString(), "-o", out.toString(),
                "--objective", "maximise:tops_per_w", "--objective", "minimise:energy_pj",
                "--objective", "minimise:area_mm2");
        assertThat(three.exitCode()).as(three.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("the Pareto front over 3 objectives").doesNotContain("<polyline");
        CliRunner plain = CliRunner.run("report", csv.toString(), "-o", out.toString(), "--objective", "tops_per_w");
        assertThat(plain.exitCode()).as(plain.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(out)).contains("marked Pareto-optimal by the sweep");
        CliRunner bad = CliRunner.run("report", csv.toString(), "-o", out.toString(), "--objective", "maximize:tops_per_w");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("expected minimise:METRIC or maximise:METRIC");
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
