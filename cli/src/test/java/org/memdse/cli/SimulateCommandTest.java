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
