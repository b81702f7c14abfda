package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.memdse.architectures.Catalog;
import org.memdse.architectures.CatalogEntry;

class SweepCommandTest {
    @TempDir
    Path dir;

    static Path broken() throws URISyntaxException {
        return Path.of(SweepCommandTest.class.getResource("sweeps/broken").toURI());
    }

    static Stream<String> brokenFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(broken())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastTenBrokenSweeps() throws Exception {
        assertThat(brokenFiles().count()).isGreaterThanOrEqualTo(10);
    }

    /** Each broken sweep: exit 2, and the first line is the .expected diagnostic (file:line:col: error: path: ...). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aMalformedSweepGivesAPreciseErrorAndExitCode2(String name) throws Exception {
        Path file = broken().resolve(name);
        String expected = Files.readString(broken().resolve(name.replace(".yaml", ".expected")), StandardCharsets.UTF_8)
                .strip();
        CliRunner r = CliRunner.run("sweep", file.toString(), "-o", dir.resolve("out.csv").toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        String first = r.err().lines().findFirst().orElse("");
        assertThat(first).isEqualTo(broken() + java.io.File.separator + expected);
        assertThat(first).matches(".*\\.yaml:\\d+:\\d+: error: .*");
        assertThat(Files.exists(dir.resolve("out.csv"))).as("nothing runs").isFalse();
    }

    private Path sweep(String text) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return f;
    }

    private static final String FIG4 = """
            name: reasons
            architecture: fig4-hybrid
            networks: fig4-hybrid
            mapper: sequential
            parameters:
              - path: templates.cim-tile.macro.adc.bits
                values: [5, 17]
              - path: subsystems.snn.count
                values: [16, 2]
            constraints:
              - area_mm2 <= 1000
            objectives:
              - minimise: energy_pj
              - minimise: area_mm2
            """;

    @Test
    void invalidAndInfeasiblePointsAreRowsWithTheirReasons() throws IOException {
        Path out = dir.resolve("r.csv");
        CliRunner r = CliRunner.run("sweep", sweep(FIG4).toString(), "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).startsWith("point,network,status,reason,param.templates.cim-tile.macro.adc.bits,"
                + "param.subsystems.snn.count,area_mm2,energy_pj,latency_ns,").endsWith(",pareto")
                .contains(",throughput_inferences_per_s,", ",tops_per_w,", ",tops_per_mm2,", ",tiles_used,",
                        ",traffic_hops,");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("0,fig4-hybrid,ok,,5,16,").endsWith(",true");
        assertThat(lines.get(2)).startsWith("1,fig4-hybrid,infeasible,").contains("neurons", ",5,2,").endsWith(",false");
        assertThat(lines.get(3)).startsWith("2,fig4-hybrid,invalid,\"templates.cim-tile.macro.adc.bits: expected an "
                + "integer 1..16, found '17'\",17,16,").endsWith(",false");
        assertThat(lines.get(4)).startsWith("3,fig4-hybrid,invalid,");
        // The front holds feasible rows only.
        assertThat(Files.readAllLines(dir.resolve("r.pareto.csv"))).hasSize(2);
    }

    @Test
    void aConstraintMissedMakesTheRowInfeasibleButKeepsItsFigures() throws IOException {
        Path out = dir.resolve("c.csv");
        CliRunner r = CliRunner.run("sweep", sweep(FIG4.replace("area_mm2 <= 1000", "area_mm2 <= 0.001")).toString(),
                "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        String row = Files.readAllLines(out).get(1);
        assertThat(row).startsWith("0,fig4-hybrid,infeasible,constraint area_mm2 <= 0.001 not met: area_mm2 = ");
        assertThat(row.split(",")[6]).isNotEmpty(); // area_mm2 is written
        assertThat(Files.readAllLines(dir.resolve("c.pareto.csv"))).hasSize(1); // header only
    }

    private static final String RESUMABLE = """
            name: resume
            architecture: fig4-hybrid
            networks: [fig4-hybrid, mlp-mnist]
            mapper: sequential
            sampling: {strategy: random, samples: 40, seed: 9}
            parameters:
              - path: templates.cim-tile.macro.adc.bits
                range: {from: 3, to: 8, step: 1}
              - path: templates.cim-tile.macro.crossbars.rows
                values: [64, 128, 256]
                tied: templates.cim-tile.macro.crossbars.cols
              - path: subsystems.snn.count
                values: [8, 16]
            objectives:
              - minimise: energy_pj
              - minimise: latency_ns
            """;

    /** Kill -9 part-way (a partial CSV: some rows in completion order, a cut-off line), then resume. */
    @ParameterizedTest(name = "kept {0} rows")
    @ValueSource(ints = {0, 1, 17, 55, 79})
    void aKilledSweepResumedGivesTheSameCsvAsAnUninterruptedOne(int kept) throws IOException {
        Path file = sweep(RESUMABLE);
        Path whole = dir.resolve("whole.csv");
        CliRunner full = CliRunner.run("sweep", file.toString(), "-o", whole.toString(), "--quiet", "--threads", "2");
        assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(whole);
        assertThat(lines).hasSize(81);
        // What a killed run leaves: the header, some finished rows in the order they finished
        // (not point order), pareto not yet filled, and a last row cut off mid-write.
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(rows, new Random(kept));
        StringBuilder partial = new StringBuilder(lines.get(0)).append('\n');
        for (String row : rows.subList(0, kept)) {
            partial.append(row, 0, row.lastIndexOf(',') + 1).append('\n');
        }
        String next = rows.get(kept);
        partial.append(next, 0, next.length() / 2);
        Path resumed = dir.resolve("resumed.csv");
        Files.writeString(resumed, partial);
        CliRunner r = CliRunner.run("sweep", file.toString(), "-o", resumed.toString(), "--resume", "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(resumed)).isEqualTo(lines);
        assertThat(Files.readAllLines(dir.resolve("resumed.pareto.csv")))
                .isEqualTo(Files.readAllLines(dir.resolve("whole.pareto.csv")));
    }

    @Test
    void resumingAFinishedSweepChangesNothingAndAnotherSweepsFileIsRefused() throws IOException {
        Path file = sweep(RESUMABLE);
        Path out = dir.resolve("done.csv");
        assertThat(CliRunner.run("sweep", file.toString(), "-o", out.toString(), "--quiet").exitCode()).isZero();
        List<String> before = Files.readAllLines(out);
        assertThat(CliRunner.run("sweep", file.toString(), "-o", out.toString(), "--resume", "--quiet").exitCode())
                .isZero();
        assertThat(Files.readAllLines(out)).isEqualTo(before);
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, FIG4);
        CliRunner r = CliRunner.run("sweep", other.toString(), "-o", out.toString(), "--resume");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("done.csv:1:1: error: its columns are not this sweep's");
    }

    @Test
    void dryRunListsAndChecksEveryPointWithoutWritingResults() throws IOException {
        CliRunner r = CliRunner.run("sweep", sweep(FIG4).toString(), "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out().lines()).hasSize(4);
        assertThat(r.out().lines().toList().get(2)).startsWith("2\ttemplates.cim-tile.macro.adc.bits=17, "
                + "subsystems.snn.count=16\tinvalid: templates.cim-tile.macro.adc.bits: expected an integer 1..16");
        assertThat(r.err()).contains("4 points (grid) x 1 network(s); 2 valid, 2 invalid");
    }

    @Test
    void extraObjectivesFromTheCommandLineAndABadOne() throws IOException {
        Path out = dir.resolve("o.csv");
        CliRunner r = CliRunner.run("sweep", sweep(FIG4).toString(), "-o", out.toString(), "--objective",
                "maximise:tops_per_w");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("Pareto front (minimise energy_pj, minimise area_mm2, maximise tops_per_w)");
        CliRunner bad = CliRunner.run("sweep", sweep(FIG4).toString(), "-o", out.toString(), "--objective", "max:x");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRunner.run("sweep", "no-such-sweep", "-o", out.toString()).err())
                .contains("no file 'no-such-sweep' and no bundled sweep of that name");
    }

    static Stream<String> bundledSweeps() {
        return Catalog.bundled().sweeps().stream().map(CatalogEntry::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundledSweeps")
    void everyBundledSweepChecksInADryRun(String id) {
        CliRunner r = CliRunner.run("sweep", id, "--dry-run");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("\tok");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"interconnect", "fig4-snn-cim", "input-encoding"})
    void smallBundledSweepsRunToTheEnd(String id) throws IOException {
        Path out = dir.resolve(id + ".csv");
        CliRunner r = CliRunner.run("sweep", id, "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.stream().skip(1).filter(l -> l.contains(",ok,"))).isNotEmpty();
        assertThat(lines.stream().skip(1).filter(l -> l.endsWith(",true"))).isNotEmpty();
    }

    @Test
    void variantsAreCrossedWithTheGridAndNamedInALastColumn() throws IOException {
        Path file = sweep("""
                name: knobs
                architecture: fig4-hybrid
                networks: fig4-hybrid
                mapper: {name: sequential, replicate: true}
                parameters:
                  - path: technology.clock
                    values: [500 MHz, 1 GHz]
                variants:
                  - name: base
                  - name: adc-4-shared-16
                    set:
                      templates.cim-tile.macro.adc.bits: 4
                      templates.cim-tile.macro.adc.columns_per_adc: 16
                objectives:
                  - minimise: energy_pj
                """);
        CliRunner dry = CliRunner.run("sweep", file.toString(), "--dry-run");
        assertThat(dry.exitCode()).as(dry.err()).isEqualTo(ExitCodes.OK);
        assertThat(dry.out().lines().toList()).containsExactly(
                "0\tvariant=base, technology.clock=500 MHz\tok", "1\tvariant=base, technology.clock=1 GHz\tok",
                "2\tvariant=adc-4-shared-16, technology.clock=500 MHz\tok",
                "3\tvariant=adc-4-shared-16, technology.clock=1 GHz\tok");
        Path out = dir.resolve("knobs.csv");
        CliRunner r = CliRunner.run("sweep", file.toString(), "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("point,network,status,reason,param.technology.clock,area_mm2,")
                .endsWith(",pareto,variant");
        assertThat(lines.subList(1, 5)).allSatisfy(l -> assertThat(l).contains(",ok,"));
        assertThat(lines.get(1)).endsWith(",base");
        assertThat(lines.get(4)).endsWith(",adc-4-shared-16");
        // Fewer, cheaper ADCs: less area than the base at the same clock (area is the 6th column).
        double baseArea = Double.parseDouble(lines.get(1).split(",")[5]);
        double variantArea = Double.parseDouble(lines.get(3).split(",")[5]);
        assertThat(variantArea).isLessThan(baseArea);
        // mapper.replicate copies layers into the spare tiles: more crossbars used than without it.
        Path plain = sweep(Files.readString(file).replace("{name: sequential, replicate: true}", "sequential"));
        Path plainOut = dir.resolve("plain.csv");
        assertThat(CliRunner.run("sweep", plain.toString(), "-o", plainOut.toString(), "--quiet").exitCode())
                .isEqualTo(ExitCodes.OK);
        List<String> header = List.of(lines.get(0).split(","));
        int crossbars = header.indexOf("crossbars_used");
        assertThat(Double.parseDouble(lines.get(1).split(",")[crossbars]))
                .isGreaterThan(Double.parseDouble(Files.readAllLines(plainOut).get(1).split(",")[crossbars]));
    }

    @Test
    void aNetworkPathSweepsALayersInputBitDensityAndLowersItsEnergy() throws IOException {
        Path file = sweep("""
                name: activity
                architecture: neurosim-vgg8
                networks: vgg8-cifar10
                mapper: sequential
                parameters:
                  - path: network.layers.conv2.input_bit_density
                    values: [0.05, 0.5]
                """);
        Path out = dir.resolve("activity.csv");
        CliRunner r = CliRunner.run("sweep", file.toString(), "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = Files.readAllLines(out);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).contains("param.network.layers.conv2.input_bit_density");
        String[] sparse = lines.get(1).split(",");
        String[] dense = lines.get(2).split(",");
        int energy = header.indexOf("energy_pj");
        int latency = header.indexOf("latency_ns");
        assertThat(sparse[header.indexOf("param.network.layers.conv2.input_bit_density")]).isEqualTo("0.05");
        // conv2's array reads and row drivers at 0.5 instead of 0.05: more energy, the same time
        assertThat(Double.parseDouble(dense[energy])).isGreaterThan(Double.parseDouble(sparse[energy]) * 1.05);
        assertThat(dense[latency]).isEqualTo(sparse[latency]);
    }

    @Test
    void benchPrintsPointsPerSecondPerThreadCount() throws IOException {
        Path small = dir.resolve("bench.yaml");
        Files.writeString(small, """
                name: tiny-bench
                architecture: isaac-ce
                networks: lenet5
                parameters:
                  - path: templates.isaac-tile.macro.adc.bits
                    values: [6, 8]
                """);
        CliRunner r = CliRunner.run("bench", "sweep", "--sweep", small.toString(), "--threads", "1,2", "--warmup", "0");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("threads", "points/s", "points/min");
        assertThat(r.out().lines().filter(l -> l.matches("[12] +2 .*"))).hasSize(2);
    }
}
