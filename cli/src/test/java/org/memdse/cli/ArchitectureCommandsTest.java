package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchitectureCommandsTest {
    @TempDir
    Path dir;

    @Test
    void validateAcceptsBothBundledDescriptions() {
        CliRunner r = CliRunner.run("validate", "fig4-hybrid", "isaac-ce", "neurosim-vgg8");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        // Their device library's variability is the accuracy budget's programming sigma: no warning.
        assertThat(r.out()).contains("fig4-hybrid: ok (fig4-hybrid)", "isaac-ce: ok (isaac-ce)",
                "neurosim-vgg8: ok (neurosim-vgg8)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aValueOutsideTheCalibratedRangeIsAWarningAndTheExitCodeStaysZero() throws IOException {
        Path file = dir.resolve("old-node.yaml");
        Files.writeString(file, CliRunner.run("describe", "--format", "yaml", "neurosim-vgg8").out()
                .replace("node: 22 nm", "node: 250 nm").replace("clock: 487.47 MHz", "clock: 50 MHz"));
        for (String command : new String[] {"validate", "describe"}) {
            CliRunner r = CliRunner.run(command, file.toString());
            assertThat(r.exitCode()).as(command).isEqualTo(ExitCodes.OK);
            assertThat(r.err()).as(command).isEqualTo(file + ":5:9: warning: technology.node: '250 nm' is outside the "
                    + "calibrated range 7 nm .. 130 nm: the scaling tables cover 7-130 nm (Stillmaker & Baas 2017); "
                    + "results outside are extrapolated by constant-field scaling\n");
        }
    }

    @Test
    void physicallyImpossibleValuesAreErrorsWithTheRangeAndTheReason() throws IOException {
        Path file = dir.resolve("impossible.yaml");
        Files.writeString(file, CliRunner.run("describe", "--format", "yaml", "neurosim-vgg8").out()
                .replace("vdd: 800 mV", "vdd: 1000 V").replace("clock: 487.47 MHz", "clock: 1e15 Hz")
                .replace("t_read: 10 ns", "t_read: 1e300 s"));
        CliRunner r = CliRunner.run("validate", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(
                file + ":6:8: error: technology.vdd: expected a value in 50 mV .. 12 V, found '1000 V': ",
                file + ":7:10: error: technology.clock: expected a value in 1 Hz .. 100 GHz, found '1e15 Hz': ",
                "error: devices.rram-neurosim.t_read: expected a value in 1 ps .. 1 s, found '1e300 s': ",
                "3 errors").doesNotContain("Exception");
        CliRunner evaluate = CliRunner.run("evaluate", "--arch", file.toString(), "--network", "vgg8", "--mapper",
                "sequential");
        assertThat(evaluate.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(evaluate.out()).isEmpty();
    }

    @Test
    void validateRefusesAComponentNoModelPricesWithEveryModelsReason() throws IOException {
        Path file = dir.resolve("flash12.yaml");
        String yaml = CliRunner.run("describe", "--format", "yaml", "neurosim-vgg8").out();
        Files.writeString(file, yaml.replace("        kind: flash\n        bits: 5", "        kind: flash\n        bits: 12"));
        int adcLine = yaml.substring(0, yaml.indexOf("      adc:")).split("\n", -1).length;
        CliRunner r = CliRunner.run("validate", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith(file + ":" + adcLine + ":7: error: templates.neurosim-tile.macro.adc: no cost model "
                + "prices cim.macro.adc (adc) and it has no published figures: adc-survey: flash ADC with 12 bits: above "
                + "8 bits, outside the survey data this model is fitted to; ")
                .doesNotContain("not a crossbar");
        CliRunner evaluate = CliRunner.run("evaluate", "--arch", file.toString(), "--network", "vgg8", "--mapper",
                "sequential");
        assertThat(evaluate.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(evaluate.err()).contains("adc-survey: flash ADC with 12 bits");
        // Published figures price it without a model.
        Files.writeString(file, yaml.replace("        kind: flash\n        bits: 5",
                "        kind: flash\n        bits: 12\n        energy: 2 pJ\n        area: 100 um^2"));
        assertThat(CliRunner.run("validate", file.toString()).exitCode()).isEqualTo(ExitCodes.OK);
    }

    /**
     * An empty argument (a shell variable that was not set) is the working directory to
     * Path.of: every command that reads a named input says the name is empty, not that "" is a
     * directory or that ": no such file".
     */
    @Test
    void anEmptyNameIsRefusedAsEmpty() {
        String[][] commands = {
            {"validate", ""}, {"describe", " "}, {"evaluate", "--arch", "", "--network", "lenet5"},
            {"evaluate", "--arch", "isaac-ce", "--network", ""}, {"network", ""}, {"sweep", "", "--dry-run"},
            {"report", "", "-o", dir.resolve("r.html").toString()}, {"merge", "", "-o", dir.resolve("m.csv").toString()}};
        for (String[] command : commands) {
            CliRunner c = CliRunner.run(command);
            assertThat(c.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(c.err()).as(String.join(" ", command)).contains(" is empty (").doesNotContain("directory");
        }
        assertThat(dir.resolve("r.html")).doesNotExist();
        assertThat(dir.resolve("m.csv")).doesNotExist();
    }

    @Test
    void filesThatAreNotRegularFilesAreRefusedBeforeAnyRead() throws IOException {
        Path link = dir.resolve("zero.yaml");
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "# " + "x".repeat(17 << 20));
        Path including = dir.resolve("including.yaml");
        Files.writeString(including, CliRunner.run("describe", "--format", "yaml", "neurosim-vgg8").out()
                .replace("version: 1\n", "version: 1\ninclude: [" + dir + ", zero.yaml, big.yaml]\n"));
        CliRunner r = CliRunner.run("validate", dir.toString(), link.toString(), big.toString(), including.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(
                dir + ": error: cannot read the file: is a directory, not a file",
                link + ": error: cannot read the file: is not a regular file (a device, a pipe or a socket)",
                big + ": error: cannot read the file: is 17 MiB, more than the 16 MiB memdse reads",
                including + ":2:11: error: include[0]: cannot include '" + dir + "': is a directory, not a file",
                "error: include[1]: cannot include 'zero.yaml': is not a regular file",
                "cannot include 'big.yaml': is 17 MiB, more than the 16 MiB memdse reads");
        for (String[] command : new String[][] {{"network", link.toString()}, {"describe", link.toString()},
            {"sweep", link.toString(), "--dry-run"}}) {
            CliRunner c = CliRunner.run(command);
            assertThat(c.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(c.err()).as(String.join(" ", command)).contains("is not a regular file");
        }
    }

    @Test
    void validateReportsEveryErrorOfEveryFileWithExitCode2AndNoStackTrace() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                version: 1
                name: broken
                technology: {node: 32 nm, vdd: 2 ns, clock: 1 GHz}
                templates:
                  t:
                    kind: cim-tile
                    macro:
                      crossbars: {rows: 128, cols: 128, bits_per_cell: 2, device: nowhere}
                      adc: {kind: sar, bits: 17}
                subsystems:
                  cim: {template: t, count: 4}
                interconect:
                  on_chip: {topology: mesh, flit: 64 bit}
                """);
        CliRunner r = CliRunner.run("validate", bad.toString(), "fig4-hybrid");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).contains("fig4-hybrid: ok");
        assertThat(r.err())
                .contains(bad + ":3:")
                .contains("technology.vdd: expected a voltage")
                .contains("templates.t.macro.crossbars.device: no device named 'nowhere'")
                .contains("templates.t.macro.adc.bits: expected an integer 1..16, found '17'")
                .contains("unknown key 'interconect' (did you mean 'interconnect'?)")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void validateSaysWhenANameIsNeitherAFileNorBundled() {
        CliRunner r = CliRunner.run("validate", "isaac");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no file 'isaac'", "did you mean 'isaac-ce'?");
    }

    @Test
    void describePrintsTheHierarchyWithCounts() {
        CliRunner r = CliRunner.run("describe", "isaac-ce");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out())
                .contains("cim: 168 x CIM tile 'isaac-tile'", "12 x macro:", "8 x crossbar 128x128, 2 bit/cell")
                .containsPattern("crossbars\\s+16,128")
                .containsPattern("cells\\s+264,241,152")
                .containsPattern("ADCs\\s+16,128")
                .containsPattern("routers\\s+42");
    }

    @Test
    void describeOfTheHybridSystemCountsCoresNeuronsAndSynapses() {
        CliRunner r = CliRunner.run("describe", "fig4-hybrid");
        assertThat(r.out())
                .containsPattern("SNN cores\\s+16\\n")
                .containsPattern("neurons\\s+4,096")
                .containsPattern("synapses\\s+1,048,576")
                .containsPattern("CIM tiles\\s+32\\n")
                    .containsPattern("network endpoints\\s+52");
    }

    @Test
    void describeAsYamlWritesADescriptionThatValidates() throws IOException {
        CliRunner r = CliRunner.run("describe", "--format", "yaml", "fig4-hybrid");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        Path written = dir.resolve("resolved.yaml");
        Files.writeString(written, r.out());
        CliRunner again = CliRunner.run("describe", written.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).isEqualTo(CliRunner.run("describe", "fig4-hybrid").out());
    }

    @Test
    void catalogListsTheBundledArchitecturesWithTheirSources() {
        CliRunner r = CliRunner.run("catalog");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("fig4-hybrid", "isaac-ce", "Shafiee et al., ISCA 2016");
    }

    @Test
    void unknownOptionIsBadInputWithAHint() {
        CliRunner r = CliRunner.run("describe", "--colour", "fig4-hybrid");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("Unknown option: '--colour'", "Try 'memdse describe --help'");
    }

    @Test
    void helpAndVersionAnswer() {
        assertThat(CliRunner.run("--help").out()).contains("validate", "describe", "catalog", "demo", "Exit codes");
        assertThat(CliRunner.run("--version").out()).startsWith("memdse 0.");
        assertThat(CliRunner.run("validate", "--help").out()).contains("FILE");
    }

    @Test
    void demoWritesTheResolvedDefaultSystemIntoTheFolderItNames() throws IOException {
        Path out = dir.resolve("demo");
        CliRunner r = CliRunner.run("demo", "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("checked isaac-ce", "wrote " + out.toAbsolutePath());
        assertThat(Files.readString(out.resolve("fig4-hybrid.yaml"))).contains("name: fig4-hybrid");
        assertThat(Files.readString(out.resolve("fig4-hybrid.txt"))).contains("SNN core");
        assertThat(Files.readString(out.resolve("evaluation.txt"))).contains("evaluate fig4-hybrid on fig4-hybrid",
                "energy by layer", "synapse");
        assertThat(Files.readString(out.resolve("evaluation.json"))).contains("\"energy_pj\": ", "\"peak_tops\": ");
        assertThat(Files.readString(out.resolve("evaluation.csv"))).startsWith("section,key,value,unit");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void describeWritesEveryNonIdealityWithItsDefaultAndReadsItBack() throws IOException {
        String yaml = CliRunner.run("describe", "--format", "yaml", "neurosim-vgg8").out();
        assertThat(yaml).contains("programming_error: rram-wan-2022", "read_noise: 0.01", "wire_resistance: 0.35 Ohm",
                "hrs: 0.001", "adc_noise: 0.0");
        Path file = dir.resolve("written.yaml");
        Files.writeString(file, yaml);
        CliRunner again = CliRunner.run("describe", "--format", "yaml", file.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).isEqualTo(yaml);
    }

    @Test
    void aNegativeSigmaOrAFaultRateAboveOneIsBadInputWithFileLineAndPath() throws IOException {
        String yaml = CliRunner.run("describe", "--format", "yaml", "neurosim-vgg8").out();
        Path sigma = dir.resolve("negative-sigma.yaml");
        Files.writeString(sigma, yaml.replace("programming_error: rram-wan-2022", "programming_error: -0.02"));
        Path fault = dir.resolve("fault-rate.yaml");
        Files.writeString(fault, yaml.replace("hrs: 0.001", "hrs: 1.5"));
        for (Path file : new Path[] {sigma, fault}) {
            int line = yaml.lines().toList().indexOf(yaml.lines().filter(l -> l.contains(
                    file == sigma ? "programming_error:" : "hrs:")).findFirst().orElseThrow()) + 1;
            for (String command : new String[] {"validate", "evaluate"}) {
                CliRunner r = command.equals("validate") ? CliRunner.run("validate", file.toString())
                        : CliRunner.run("evaluate", "--arch", file.toString(), "--network", "vgg8", "--mapper", "sequential");
                assertThat(r.exitCode()).as(command).isEqualTo(ExitCodes.BAD_INPUT);
                assertThat(r.err()).as(command).contains(file + ":" + line + ":")
                        .contains(file == sigma ? "nonidealities.programming_error: expected a value in 0 .. 1, found '-0.02'"
                                : "nonidealities.stuck_at.hrs: expected a value in 0 .. 1, found '1.5'")
                        .doesNotContain("Exception");
            }
        }
    }
}
