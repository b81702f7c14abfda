package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": ([-0-9.Ee+]+)").matcher(json);
        assertThat(m.find()).as("key %s in %s", key, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void jsonCarriesTheTotalsBreakdownsAndPeakFiguresUnderTheDocumentedKeys() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "lenet5", "--mapper", "sequential",
                "--ops", "int16", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String json = r.out();
        for (String key : new String[] {"area_mm2", "energy_pj", "latency_ns", "throughput_inferences_per_s", "tops",
            "tops_per_w", "tops_per_mm2", "peak_tops", "peak_power_w", "peak_tops_per_w", "peak_tops_per_mm2"}) {
            assertThat(number(json, key)).as(key).isPositive();
        }
        assertThat(json).contains("\"area_mm2_by_kind\": {", "\"energy_pj_by_kind\": {", "\"energy_pj_by_layer\": {",
                "\"adc\": ", "\"c1\": ");
        // ISAAC's published figures: 85.4 mm^2, 65.8 W, 41.29 peak TOPS at 16-bit ops.
        assertThat(number(json, "area_mm2")).isCloseTo(85.4, withinPercentage(1));
        assertThat(number(json, "peak_power_w")).isCloseTo(65.8, withinPercentage(1));
        assertThat(number(json, "peak_tops")).isCloseTo(41.29, withinPercentage(0.1));
        // TOPS/W is ops per joule: ops / energy.
        double ops = number(json, "ops");
        assertThat(number(json, "tops_per_w")).isCloseTo(ops / (number(json, "energy_pj") * 1e-12) / 1e12,
                withinPercentage(1e-6));
    }

    @Test
    void tableShowsTotalsAndEveryBreakdown() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "fig4-hybrid", "--network", "fig4-hybrid", "--mapper",
                "sequential");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("per inference", "peak (all arrays busy)", "area by component kind",
                "energy by component kind", "energy by layer", "synapse", "neuron", "integrate");
    }

    @Test
    void theLatencyIsSplitByCauseInTotalAndForEveryLayer() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "fig4-hybrid", "--network", "fig4-hybrid", "--mapper",
                "sequential", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String json = r.out();
        // The Fig. 4 system's shared ADCs (8 columns each) outlast its array reads, and its populations tick.
        assertThat(json).contains("\"latency_ns_by_cause\": {", "\"latency_ns_by_layer_and_cause\": {",
                "\"snn_ticks\": ", "\"conversion\": ", "\"array\": ", "\"buffer\": ", "\"network\": ");
        // The causes add up to the latency: 16 time steps of 10 us per population dominate.
        Matcher causes = Pattern.compile("\"latency_ns_by_cause\": \\{([^}]*)\\}").matcher(json);
        assertThat(causes.find()).isTrue();
        double sum = 0;
        for (String part : causes.group(1).split(", ")) {
            sum += Double.parseDouble(part.substring(part.indexOf(": ") + 2));
        }
        assertThat(sum).isCloseTo(number(json, "latency_ns"), withinPercentage(1e-9));
        assertThat(json).contains("\"s1\": {\"snn_ticks\": 160000}");

        CliRunner table = CliRunner.run("evaluate", "--arch", "fig4-hybrid", "--network", "fig4-hybrid", "--mapper",
                "sequential");
        assertThat(table.out()).contains("latency by cause (ns, share)", "latency by layer and cause (ns)")
                .containsPattern("layer +total +array +conversion +digital +buffer +network +snn_ticks")
                .containsPattern("\\n  s1 +160,000 +0 +0 +0 +0 +0 +160,000\\n");
    }

    @Test
    void aMostlyIdleChipIsPointedOutWithWhatWouldHelp() {
        // ISAAC-CE's 168 tiles for ResNet-18's 33 (issue 11): 99.4 % of the energy is leakage
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "resnet18", "--mapper", "sequential");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("most of the chip is idle\n", "CIM tiles holding no weights", "135 of 168  (80.4 %)",
                "static (leakage) energy", "99.4 %", "--replicate: copy the slowest layers onto the idle tiles",
                "power_gating: {gate: unused} in the description", "a smaller chip: this mapping uses 33 of its 168 CIM tiles");

        CliRunner json = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "resnet18", "--mapper", "sequential",
                "--format", "json");
        assertThat(json.out()).contains("\"tiles\": 168,", "\"idle_tiles\": 135,", "\"power_gated\": false,",
                "\"mostly_idle\": true,", "\"advice\": [\"--replicate: ");
        assertThat(number(json.out(), "static_energy_share")).isCloseTo(0.993, withinPercentage(0.1));

        // replicated, every tile works: nothing idles, but leakage over the layer-by-layer latency still dominates
        CliRunner replicated = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "resnet18", "--mapper",
                "sequential", "--replicate");
        assertThat(replicated.out()).contains("most of the energy is leakage").doesNotContain("most of the chip is idle",
                "--replicate:", "power_gating: {gate: unused}");

        // a network that keeps its chip busy (VGG-8 on the NeuroSim chip: 54 of 56 tiles, 2 % leakage) gets no note
        CliRunner busy = CliRunner.run("evaluate", "--arch", "neurosim-vgg8", "--network", "vgg8-cifar10", "--mapper",
                "sequential", "--format", "json");
        assertThat(busy.out()).contains("\"idle_tiles\": 2,", "\"mostly_idle\": false,", "\"advice\": []");
    }

    @Test
    void powerGatingSwitchesTheIdleTilesOffAtTheCostOfTheirSwitches(@TempDir Path dir) throws IOException {
        CliRunner yaml = CliRunner.run("describe", "isaac-ce", "--format", "yaml");
        assertThat(yaml.out()).contains("power_gating:\n  gate: none\n");
        Path gated = dir.resolve("isaac-gated.yaml");
        Files.writeString(gated, yaml.out().replace("  gate: none\n", "  gate: unused\n"));
        assertThat(CliRunner.run("describe", gated.toString()).out())
                .contains("power gating: tiles and cores the mapping leaves unused are switched off (unused)");

        String off = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "resnet18", "--mapper", "sequential",
                "--format", "json").out();
        String on = CliRunner.run("evaluate", "--arch", gated.toString(), "--network", "resnet18", "--mapper",
                "sequential", "--format", "json").out();
        assertThat(on).contains("\"power_gated\": true,", "\"power_switch\": ");
        // 135 idle tiles leak 5 % instead of 100 %: about a quarter of the energy, four times the TOPS/W
        assertThat(number(on, "energy_pj") / number(off, "energy_pj")).isBetween(0.2, 0.3);
        assertThat(number(on, "tops_per_w") / number(off, "tops_per_w")).isBetween(3.5, 4.5);
        assertThat(number(on, "leakage_power_w")).isLessThan(number(off, "leakage_power_w") / 3);
        // 168 sleep switches: a fraction of a percent of the area
        assertThat(number(on, "area_mm2") / number(off, "area_mm2") - 1).isBetween(0.0, 0.01);
        // the note stays (leakage of the working tiles over the layer-by-layer latency) without the gating advice
        String table = CliRunner.run("evaluate", "--arch", gated.toString(), "--network", "resnet18", "--mapper",
                "sequential").out();
        assertThat(table).contains("most of the chip is idle (idle tiles and cores are switched off)", "--replicate:")
                .doesNotContain("power_gating: {gate: unused} in the description");
    }

    @Test
    void csvIsLongFormatWithUnits() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "mlp-mnist", "--mapper", "sequential",
                "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).startsWith("section,key,value,unit\n").contains("\ntotal,area_mm2,", "\nenergy_pj_by_kind,adc,",
                "\nlatency_ns_by_cause,array,", "\nlatency_ns_by_layer_array,hidden,");
    }

    @Test
    void aNetworkThatDoesNotFitExitsWith1AndSaysWhy() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "yao2020-cnn", "--network", "resnet50", "--mapper", "sequential");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("does not fit");
    }

    @Test
    void anUnknownMapperIsBadInput() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "lenet5", "--mapper", "greedy");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no mapper 'greedy'");
    }

    @Test
    void replicateShortensThePipelineInterval() {
        CliRunner plain = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "vgg8-cifar10", "--mapper",
                "sequential", "--format", "json");
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "vgg8-cifar10", "--mapper",
                "sequential", "--replicate", "--format", "json");
        assertThat(plain.exitCode()).as(plain.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(number(r.out(), "pipeline_interval_ns")).isLessThan(number(plain.out(), "pipeline_interval_ns") / 10);
        assertThat(number(r.out(), "throughput_inferences_per_s"))
                .isGreaterThan(number(plain.out(), "throughput_inferences_per_s") * 10);
    }

    @Test
    void theInputBitDensityScalesTheRowDriversAndArrayReads() {
        String[] base = {"evaluate", "--arch", "neurosim-vgg8", "--network", "lenet5", "--mapper", "sequential",
            "--format", "json"};
        CliRunner half = CliRunner.run(base);
        String[] sparseArgs = java.util.Arrays.copyOf(base, base.length + 2);
        sparseArgs[base.length] = "--input-bit-density";
        sparseArgs[base.length + 1] = "0.125";
        CliRunner sparse = CliRunner.run(sparseArgs);
        assertThat(sparse.exitCode()).as(sparse.err()).isEqualTo(ExitCodes.OK);
        // DAC and crossbar energy are proportional to the share of 1-bits: 0.125 / 0.5
        String e = energyByKind(sparse.out());
        String e0 = energyByKind(half.out());
        assertThat(number(e, "dac")).isCloseTo(number(e0, "dac") / 4, withinPercentage(1e-6));
        assertThat(number(e, "crossbar")).isCloseTo(number(e0, "crossbar") / 4, withinPercentage(1e-6));
        assertThat(number(e, "adc")).isCloseTo(number(e0, "adc"), withinPercentage(1e-9));

        CliRunner bad = CliRunner.run("evaluate", "--arch", "neurosim-vgg8", "--network", "lenet5", "--input-bit-density", "1.5");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--input-bit-density must be in (0, 1], e.g. 0.25; was 1.5").doesNotContain("Exception");
    }

    private static String energyByKind(String json) {
        int start = json.indexOf("\"energy_pj_by_kind\": {");
        return json.substring(start, json.indexOf('}', start));
    }
}
