package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MapCommandTest {

    @Test
    void mapsResNet18OntoIsaacSequentiallyAsATable() {
        CliRunner r = CliRunner.run("map", "--arch", "isaac-ce", "--network", "resnet18", "--mapper", "sequential");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("tiles used", "sequential baseline", "lower bound", "conv1");
    }

    @Test
    void jsonHasTheTotalsUnderTheirKeys() {
        CliRunner r = CliRunner.run("map", "--arch", "fig4-hybrid", "--network", "fig4-hybrid", "--mapper", "random",
                "--seed", "3", "--format", "json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"tiles_used\": ", "\"crossbars_used\": ", "\"traffic_hops\": ",
                "\"baseline_traffic_hops\": ", "\"lower_bound_traffic_hops\": ", "\"solve_ms\": ", "\"feasible\": true");
    }

    @Test
    void aNetworkThatDoesNotFitExitsWithOneAndSaysWhy() {
        // The Fig. 4 network has SNN populations; ISAAC has no SNN cores.
        CliRunner r = CliRunner.run("map", "--arch", "isaac-ce", "--network", "fig4-hybrid", "--mapper", "sequential");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("does not fit");
    }

    @Test
    void anUnknownMapperIsBadInput() {
        CliRunner r = CliRunner.run("map", "--arch", "isaac-ce", "--network", "lenet5", "--mapper", "magic");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("sequential");
    }

    @Test
    void aBadTimeLimitIsBadInput() {
        CliRunner r = CliRunner.run("map", "--arch", "isaac-ce", "--network", "lenet5", "--time-limit", "soon");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
