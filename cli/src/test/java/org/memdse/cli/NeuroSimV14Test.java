package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled neurosim-v14-rram chip validates, maps and evaluates VGG-8; its bundled single-knob
 * sweep runs every variant; and the trend suite ({@code calibrate --trends}) passes with every checked
 * expectation citing its source.
 */
class NeuroSimV14Test {
    @TempDir
    Path dir;

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void theChipValidatesMapsAndEvaluatesVgg8() {
        assertThat(CliRunner.run("validate", "neurosim-v14-rram").exitCode()).isEqualTo(ExitCodes.OK);
        CliRunner map = CliRunner.run("map", "--arch", "neurosim-v14-rram", "--network", "vgg8-cifar10", "--mapper",
                "sequential", "--format", "json");
        assertThat(map.exitCode()).as(map.err()).isEqualTo(ExitCodes.OK);
        // 8-bit weights in 8 one-bit cells, 127 usable columns per array (offset encoding): 6,890 arrays.
        assertThat(map.out()).contains("\"crossbars_used\": 6890", "\"tiles_used\": 108");
        CliRunner eval = CliRunner.run("evaluate", "--arch", "neurosim-v14-rram", "--network", "vgg8-cifar10",
                "--mapper", "sequential", "--format", "json");
        assertThat(eval.exitCode()).as(eval.err()).isEqualTo(ExitCodes.OK);
        assertThat(eval.out()).contains("\"area_mm2\"", "\"tops_per_w\"");
    }

    @Test
    void theBundledSingleKnobSweepRunsEveryVariant() throws IOException {
        Path out = dir.resolve("knobs.csv");
        CliRunner r = CliRunner.run("sweep", "neurosim-v14-knobs", "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        Map<String, CSVRecord> rows = csv(Files.readString(out)).stream()
                .collect(Collectors.toMap(row -> row.get("variant"), row -> row));
        assertThat(rows.keySet()).containsExactlyInAnyOrder("base", "adc-4bit", "adc-6bit", "2-bits-per-cell",
                "16-columns-per-adc", "45nm", "256x256");
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("ok"));
        // mapper.replicate fills the spare tiles: every one of the 148 tiles holds weights.
        assertThat(rows.get("base").get("tiles_used")).isEqualTo("148");
        // Each variant sets the tile count NeuroSim's floorplan gives it.
        assertThat(rows.get("2-bits-per-cell").get("tiles_used")).isEqualTo("75");
        assertThat(rows.get("256x256").get("tiles_used")).isEqualTo("54");
        double base = Double.parseDouble(rows.get("base").get("area_mm2"));
        assertThat(Double.parseDouble(rows.get("adc-6bit").get("area_mm2"))).isGreaterThan(base);
        assertThat(Double.parseDouble(rows.get("adc-4bit").get("area_mm2"))).isLessThan(base);
    }

    @Test
    void theTrendSuitePassesAndEveryCheckedExpectationCitesItsSource() throws IOException {
        CliRunner r = CliRunner.run("calibrate", "--trends", "--format", "csv");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = csv(r.out());
        assertThat(rows.stream().map(row -> row.get("check")).distinct().count()).as("checks").isGreaterThanOrEqualTo(15);
        assertThat(rows).noneSatisfy(row -> assertThat(row.get("verdict")).isEqualTo("wrong"));
        List<CSVRecord> checked = rows.stream().filter(row -> List.of("ok", "off range").contains(row.get("verdict")))
                .toList();
        assertThat(checked).hasSizeGreaterThan(30).allSatisfy(row -> {
            assertThat(row.get("source")).matches("(DNN\\+NeuroSim V1\\.4 \\w+\\.(cpp|h)[ :,].*|derivation: .+)");
            assertThat(row.get("pending")).isEmpty();
        });
        List<CSVRecord> pending = rows.stream().filter(row -> row.get("verdict").equals("pending")).toList();
        assertThat(pending).allSatisfy(row -> {
            assertThat(row.get("pending")).startsWith("the model does not yet");
            assertThat(row.get("source")).isNotBlank();
        });
        // Every knob family of issue 12 is covered.
        assertThat(rows.stream().map(row -> row.get("check")).distinct().toList()).contains("adc-bits-6", "adc-kind-sar",
                "bits-per-cell-2", "columns-per-adc-16", "node-45nm", "array-rows-256", "array-cols-256",
                "input-2-bit-dac", "tile-buffer-128-bit", "interconnect-mesh", "clock-half");
        // The README's calibration section shows today's suite ('calibrate --trends --format markdown'):
        // its summary line and a row per check.
        String readme = Files.readString(ReadmeTutorialTest.readme());
        long expectations = rows.stream().filter(row -> !row.get("verdict").equals("shown")).count();
        String summary = String.format(java.util.Locale.ROOT,
                "%d checks, %d expectations: %d ok, %d off the source's range, %d pending, 0 WRONG",
                rows.stream().map(row -> row.get("check")).distinct().count(), expectations,
                rows.stream().filter(row -> row.get("verdict").equals("ok")).count(),
                rows.stream().filter(row -> row.get("verdict").equals("off range")).count(), pending.size());
        assertThat(readme).as("README trend table: regenerate with ./memdse calibrate --trends --format markdown")
                .contains(summary);
        rows.stream().map(row -> row.get("check")).distinct()
                .forEach(id -> assertThat(readme).contains("| `" + id + "` |"));
    }
}
