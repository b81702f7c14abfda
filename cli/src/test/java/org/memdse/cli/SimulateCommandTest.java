package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SimulateCommandTest {

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theMappedTrafficOfResNet18OnIsaacAgreesWithTheAnalyticModel() {
        CliRunner r = CliRunner.run("simulate", "--arch", "isaac-ce", "--network", "resnet18", "--mapper",
                "sequential", "--load", "0.6", "--packets", "5000", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String json = r.out();
        double mean = number(json, "mean");
        double analytic = number(json, "analytic_mean");
        assertThat(mean / analytic).isBetween(0.85, 1.15);
        assertThat(number(json, "p99")).isGreaterThanOrEqualTo(number(json, "p50"));
        String saturation = json.substring(json.indexOf("saturation_packets_per_cycle"));
        assertThat(number(saturation, "simulated") / number(saturation, "analytic")).isBetween(0.9, 1.1);
        assertThat(json).contains("\"from_router\": ", "\"analytic_utilisation\": ");
    }

    /**
     * A board: packets between the two chips of neurosim-vgg8-2chip cross the board link. At 64
     * lanes of 16 GT/s it moves a 64-bit flit in 0.03 of the chips' 2.05 ns link cycle; at one lane
     * in 1.95 cycles, and under uniform traffic it becomes the busiest link and lowers the saturation
     * throughput.
     */
    @Test
    void packetsBetweenChipsCrossTheBoardLink(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        CliRunner mapped = CliRunner.run("simulate", "--arch", "neurosim-vgg8-2chip", "--network", "resnet50",
                "--mapper", "sequential", "--packets", "3000", "--format", "json");
        assertThat(mapped.exitCode()).as(mapped.err()).isZero();
        assertThat(number(mapped.out(), "chips")).isEqualTo(2);
        assertThat(number(mapped.out(), "board_link_cycles_per_flit")).isCloseTo(64 / 1.024e12 / (1 / 487.47e6),
                org.assertj.core.api.Assertions.within(1e-4));
        assertThat(mapped.out()).contains("\"board_link\": 0, \"from_chip\": 0, \"to_chip\": 1");

        CliRunner yaml = CliRunner.run("describe", "neurosim-vgg8-2chip", "--format", "yaml");
        assertThat(yaml.exitCode()).as(yaml.err()).isZero();
        String narrow = yaml.out().replace("    width: 64 bit\n    frequency: 16 GHz", "    width: 1 bit\n    frequency: 16 GHz");
        assertThat(narrow).isNotEqualTo(yaml.out());
        java.nio.file.Path file = dir.resolve("narrow.yaml");
        java.nio.file.Files.writeString(file, narrow);
        String[] uniform = {"simulate", "--network", "resnet50", "--mapper", "sequential", "--traffic", "uniform",
            "--packets", "3000", "--format", "json", "--arch"};
        CliRunner wide = CliRunner.run(concat(uniform, "neurosim-vgg8-2chip"));
        CliRunner thin = CliRunner.run(concat(uniform, file.toString()));
        assertThat(thin.exitCode()).as(thin.err()).isZero();
        assertThat(number(thin.out(), "board_link_cycles_per_flit")).isCloseTo(64 / 16e9 / (1 / 487.47e6),
                org.assertj.core.api.Assertions.within(1e-4));
        // The narrow board link is the busiest: the first listed.
        String links = thin.out().substring(thin.out().indexOf("\"links\": ["));
        assertThat(links).startsWith("\"links\": [{\"board_link\": ");
        String wideSaturation = wide.out().substring(wide.out().indexOf("saturation_packets_per_cycle"));
        String thinSaturation = thin.out().substring(thin.out().indexOf("saturation_packets_per_cycle"));
        assertThat(number(thinSaturation, "analytic")).isLessThan(0.6 * number(wideSaturation, "analytic"));
        assertThat(number(thinSaturation, "simulated") / number(thinSaturation, "analytic")).isBetween(0.9, 1.1);
    }

    private static String[] concat(String[] args, String last) {
        String[] out = java.util.Arrays.copyOf(args, args.length + 1);
        out[args.length] = last;
        return out;
    }

    @Test
    void aSeedGivesTheSameTable() {
        String[] args = {"simulate", "--arch", "isaac-ce", "--network", "lenet5", "--mapper", "sequential",
            "--traffic", "uniform", "--packets", "2000", "--sim-seed", "5"};
        CliRunner a = CliRunner.run(args);
        CliRunner b = CliRunner.run(args);
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(a.out()).contains("mean packet latency", "saturation throughput", "busiest links");
        assertThat(withoutTime(b.out())).isEqualTo(withoutTime(a.out()));
    }

    private static String withoutTime(String table) {
        return table.replaceAll("simulated in [0-9.]+ s", "");
    }

    @Test
    void aLoadOutsideZeroToOneIsBadInput() {
        CliRunner r = CliRunner.run("simulate", "--arch", "isaac-ce", "--network", "lenet5", "--load", "1.2");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--load must be in (0, 1)");
    }

    @Test
    void noPacketsIsBadInput() {
        CliRunner r = CliRunner.run("simulate", "--arch", "isaac-ce", "--network", "lenet5", "--packets", "0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("--packets must be in 1..");
    }

    @Test
    void anUnknownTrafficPatternIsBadInput() {
        CliRunner r = CliRunner.run("simulate", "--arch", "isaac-ce", "--network", "lenet5", "--traffic", "hotspot");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("mapped", "uniform", "transpose");
    }

    @Test
    void helpNamesTheOptions() {
        CliRunner r = CliRunner.run("simulate", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--traffic", "--load", "--packets", "--sim-seed", "M/D/1");
    }
}
