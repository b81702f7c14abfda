package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code evaluate --mode}: training and online learning priced, and a mode without learners refused. */
class LearningModeTest {
    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE+]+)").matcher(json);
        assertThat(m.find()).as("key %s in %s", key, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trainingPricesSamplesBatchesAndEpochsWithTheirPhases() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "neurosim-v21-training", "--network", "vgg8-cifar10",
                "--mapper", "sequential", "--mode", "training", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String json = r.out();
        double sample = number(json, "energy_pj_per_sample");
        double batch = number(json, "energy_pj_per_batch");
        double epoch = number(json, "energy_pj_per_epoch");
        // 200 samples a batch, 250 batches an epoch.
        assertThat(batch / sample).isCloseTo(200, withinPercentage(1e-6));
        assertThat(epoch / batch).isCloseTo(250, withinPercentage(1e-6));
        // A training sample costs more than an inference (error, gradient, staging and writes on top).
        assertThat(sample).isGreaterThan(number(json, "energy_pj"));
        assertThat(json).contains("\"energy_pj_by_phase\": {", "\"forward\"", "\"error\"", "\"gradient\"", "\"write\"");
        // VGG-8 in 8-bit weights of two 5-bit cells: every cell written once per batch (steps 1).
        assertThat(number(json, "cells_written_per_update")).isPositive();
        assertThat(number(json, "epochs_survived")).isPositive();
        assertThat(number(json, "lifetime_s")).isCloseTo(
                number(json, "epochs_survived") * number(json, "time_ns_per_epoch") * 1e-9, withinPercentage(1e-6));
    }

    @Test
    void onlineLearningChargesTheSynapticUpdates() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "fig4-hybrid", "--network", "fig4-hybrid",
                "--mapper", "sequential", "--mode", "online-learning");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("online learning (per inference)", "write energy per synaptic update", "lifetime");
    }

    /**
     * The memristive STDP core of fig4-hybrid, end to end, by hand: its HfO2 RRAM publishes 1 pJ per
     * write pulse; one device step takes 1.1809 SET pulses on the LTP curve (label 1.75) and 1.1212
     * RESET pulses on the LTD curve (1.46) (UpdateCurve: A^2 (e^(1/A) - 1)(1 - e^(-1/A)) at A = 0.7021,
     * 0.8487), half the updates each way: (1.1809 + 1.1212) / 2 x 1 pJ = 1.1510 pJ per synaptic
     * update. Without the published figure, a pulse is V^2 G t at the range's mean conductance:
     * 2^2 V^2 x (0.1 + 10) / 2 uS x 50 ns = 1.01 pJ, so 1.1626 pJ per update.
     */
    @Test
    void aMemristiveStdpCoresUpdateEnergyIsItsDevicesPulseEnergyByHand() throws java.io.IOException {
        String[] args = {"--network", "fig4-hybrid", "--mapper", "sequential", "--mode", "online-learning",
                "--format", "json"};
        CliRunner r = CliRunner.run(concat(new String[] {"evaluate", "--arch", "fig4-hybrid"}, args));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(number(r.out(), "write_energy_pj_per_synaptic_update")).isCloseTo(1.1510, withinPercentage(0.01));
        assertThat(number(r.out(), "pulses_per_cell_per_update")).isCloseTo(1.1510, withinPercentage(0.01));
        String yaml = CliRunner.run("describe", "--format", "yaml", "fig4-hybrid").out();
        assertThat(yaml).contains("    write_energy: 1 pJ\n");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("fig4-no-pulse-figure", ".yaml");
        try {
            java.nio.file.Files.writeString(file, yaml.replace("    write_energy: 1 pJ\n", "    write_energy: 0 J\n"));
            CliRunner model = CliRunner.run(concat(new String[] {"evaluate", "--arch", file.toString()}, args));
            assertThat(model.exitCode()).as(model.err()).isEqualTo(ExitCodes.OK);
            assertThat(number(model.out(), "write_energy_pj_per_synaptic_update")).isCloseTo(1.1626,
                    withinPercentage(0.01));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void aModeWithNothingToLearnAndAnUnknownModeAreBadInput() {
        CliRunner none = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "lenet5", "--mode", "training");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).contains("isaac-ce has nothing to train", "in-situ-backprop").doesNotContain("Exception");
        CliRunner bad = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "lenet5", "--mode", "learn");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("--mode: expected inference, training or online-learning, found 'learn'");
    }
}
