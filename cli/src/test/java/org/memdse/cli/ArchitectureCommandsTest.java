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
        CliRunner r = CliRunner.run("validate", "fig4-hybrid", "isaac-ce");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("fig4-hybrid: ok", "isaac-ce: ok");
        assertThat(r.err()).isEmpty();
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
                .containsPattern("network endpoints\\s+51");
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
}
