package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrateCommandTest {
    @Test
    void everyBundledCalibrationIsWithinTheIssuesTolerances() {
        CliRunner r = CliRunner.run("calibrate");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("isaac-ce", "isaac-ce, models alone", "neurosim-vgg8 / vgg8-cifar10",
                "yao2020-cnn", "neurosim-v21-training", "TrueNorth", "ODIN", "Loihi learning engine", "33 of 33 checks within tolerance").doesNotContain("FAIL");
    }

    @Test
    void csvHasOneRowPerCheckWithItsSource() {
        CliRunner r = CliRunner.run("calibrate", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("system,quantity,memdse,published,deviation,tolerance,verdict,source");
        assertThat(lines).hasSize(34);
        assertThat(lines.subList(1, 34)).allSatisfy(l -> assertThat(l).contains(",ok,").contains("published-figures.md"));
        // ISAAC's chip area: 85.4 mm^2 published, quoted because the quantity holds a comma-free name
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("isaac-ce,chip area (mm^2),85.4"));
        // Loihi's pairwise-STDP update from its learning engine's description: 128.2 pJ, 7.0 ns.
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(
                "\"Loihi learning engine (14 nm), pairwise STDP\",energy per synaptic update (pJ),128.2000"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("time per synaptic update (ns),7.0,6.1,0.1475"));
    }
}
