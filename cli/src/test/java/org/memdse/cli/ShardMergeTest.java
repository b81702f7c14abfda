package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17's shards: {@code sweep --shard i/n} and {@code merge}. */
class ShardMergeTest {
    @TempDir
    Path dir;

    private static final String SWEEP = """
            name: shards
            architecture: fig4-hybrid
            networks: [fig4-hybrid, mlp-mnist]
            mapper: sequential
            parameters:
              - path: templates.cim-tile.macro.adc.bits
                values: [3, 5, 17]
              - path: templates.cim-tile.macro.crossbars.rows
                values: [64, 128, 256]
                tied: templates.cim-tile.macro.crossbars.cols
              - path: subsystems.snn.count
                values: [8, 16]
            objectives:
              - minimise: energy_pj
              - minimise: latency_ns
            """;

    private Path sweep(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static void ok(CliRunner r) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
    }

    private List<String> shards(Path sweep, int n, String prefix) {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String part = dir.resolve(prefix + i + ".csv").toString();
            ok(CliRunner.run("sweep", sweep.toString(), "--shard", i + "/" + n, "-o", part, "--quiet", "--threads", "2"));
            files.add(part);
        }
        return files;
    }

    @Test
    void fourShardsMergedAreTheUnshardedRunByteForByte() throws IOException {
        Path sweep = sweep("s.yaml", SWEEP);
        Path whole = dir.resolve("whole.csv");
        ok(CliRunner.run("sweep", sweep.toString(), "-o", whole.toString(), "--quiet", "--threads", "2"));
        List<String> parts = shards(sweep, 4, "part-");
        // A shard is a sorted results file of its own points; its pareto column waits for the merge.
        List<String> first = Files.readAllLines(Path.of(parts.get(0)));
        assertThat(first.get(0)).isEqualTo(Files.readAllLines(whole).get(0));
        assertThat(first.subList(1, first.size())).extracting(l -> l.split(",")[0])
                .containsExactly("0", "0", "4", "4", "8", "8", "12", "12", "16", "16");
        assertThat(first.get(1)).endsWith(",");
        assertThat(Files.readString(Path.of(parts.get(0) + ".shard.yaml"))).contains("shard: 1/4", "rows: 10",
                "points: 18", "fingerprint: sha256:");
        Path merged = dir.resolve("merged.csv");
        List<String> args = new ArrayList<>(List.of("merge", "-o", merged.toString()));
        args.addAll(List.of(parts.get(2), parts.get(0), parts.get(3), parts.get(1))); // any order
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        ok(r);
        assertThat(r.err()).contains("merge: shards: 4 shards, 36 rows in");
        assertThat(Files.readAllBytes(merged)).isEqualTo(Files.readAllBytes(whole));
        assertThat(Files.readAllBytes(dir.resolve("merged.pareto.csv")))
                .isEqualTo(Files.readAllBytes(dir.resolve("whole.pareto.csv")));
        assertThat(Files.readAllLines(whole)).hasSize(37);
        // report reads the merged file like any results file
        ok(CliRunner.run("report", merged.toString(), "-o", dir.resolve("r.html").toString()));
    }

    @Test
    void aKilledShardResumesAndMerges() throws IOException {
        Path sweep = sweep("s.yaml", SWEEP);
        Path whole = dir.resolve("whole.csv");
        ok(CliRunner.run("sweep", sweep.toString(), "-o", whole.toString(), "--quiet"));
        List<String> parts = shards(sweep, 2, "p");
        // Shard 2 killed part-way: the record says unfinished, some rows and a cut-off line are left.
        Path p2 = Path.of(parts.get(1));
        List<String> lines = Files.readAllLines(p2);
        Files.writeString(p2, String.join("\n", lines.subList(0, 6)) + "\n" + lines.get(6).substring(0, 9));
        Files.writeString(Path.of(parts.get(1) + ".shard.yaml"),
                Files.readString(Path.of(parts.get(1) + ".shard.yaml")).replaceAll("rows: \\d+", "rows: unfinished"));
        CliRunner stopped = CliRunner.run("merge", parts.get(0), parts.get(1), "-o", dir.resolve("m.csv").toString());
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(stopped.err()).contains("shard 2/2 did not finish", "--shard 2/2 -o " + parts.get(1) + " --resume");
        assertThat(dir.resolve("m.csv")).doesNotExist();
        ok(CliRunner.run("sweep", sweep.toString(), "--shard", "2/2", "-o", parts.get(1), "--resume", "--quiet"));
        ok(CliRunner.run("merge", parts.get(0), parts.get(1), "-o", dir.resolve("m.csv").toString()));
        assertThat(Files.readAllBytes(dir.resolve("m.csv"))).isEqualTo(Files.readAllBytes(whole));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5/4", "0/0", "1/0", "0/3", "two/4", "1/4x"})
    void aBadShardSpecIsExitCode2AndWritesNothing(String spec) throws IOException {
        Path out = dir.resolve("bad.csv");
        CliRunner r = CliRunner.run("sweep", sweep("s.yaml", SWEEP).toString(), "--shard", spec, "-o", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("memdse: --shard '" + spec + "'").doesNotContain("Exception");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("s.yaml");
        }
    }

    @Test
    void missingDuplicatedAndForeignShardsAreRefusedAndNothingIsWritten() throws IOException {
        Path sweep = sweep("s.yaml", SWEEP);
        List<String> parts = shards(sweep, 3, "part-");
        Path other = sweep("other.yaml", SWEEP.replace("values: [8, 16]", "values: [8, 32]"));
        String foreign = dir.resolve("foreign-2.csv").toString();
        ok(CliRunner.run("sweep", other.toString(), "--shard", "2/3", "-o", foreign, "--quiet"));
        String four = dir.resolve("four-1.csv").toString();
        ok(CliRunner.run("sweep", sweep.toString(), "--shard", "1/4", "-o", four, "--quiet"));
        Path out = dir.resolve("merged.csv");

        CliRunner missing = CliRunner.run("merge", parts.get(0), parts.get(2), "-o", out.toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("error: shard 2/3 of the sweep 'shards' is missing (given: 1/3, 3/3); run "
                + "'memdse sweep SWEEP --shard 2/3 -o FILE'");

        CliRunner twice = CliRunner.run("merge", parts.get(0), parts.get(1), parts.get(1), parts.get(2), "-o",
                out.toString());
        assertThat(twice.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(twice.err()).contains("error: shard 2/3, and so is " + parts.get(1) + "; give each shard once");

        CliRunner alien = CliRunner.run("merge", parts.get(0), foreign, parts.get(2), "-o", out.toString());
        assertThat(alien.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(alien.err()).contains(foreign + ": error: not a shard of the same run as " + parts.get(0)
                + ": another sweep: 'shards' (fingerprint sha256:", "(the same name, but its files changed");

        CliRunner cut = CliRunner.run("merge", parts.get(0), parts.get(1), four, "-o", out.toString());
        assertThat(cut.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(cut.err()).contains("the same sweep cut into 4 shards, not 3");

        Path plain = dir.resolve("plain.csv");
        ok(CliRunner.run("sweep", sweep.toString(), "-o", plain.toString(), "--quiet"));
        CliRunner notAShard = CliRunner.run("merge", plain.toString(), "-o", out.toString());
        assertThat(notAShard.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notAShard.err()).contains("plain.csv.shard.yaml: error: no such file: " + plain
                + " has no shard record beside it");

        // A shard whose rows were edited after it ran
        Path edited = Path.of(parts.get(2));
        List<String> lines = new ArrayList<>(Files.readAllLines(edited));
        lines.remove(3);
        Files.write(edited, lines);
        CliRunner short3 = CliRunner.run("merge", parts.get(0), parts.get(1), parts.get(2), "-o", out.toString());
        assertThat(short3.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(short3.err()).contains("error: shard 3/3 holds 11 rows, not the 12 of its 6 points x 2 network(s)");

        assertThat(out).doesNotExist();
        assertThat(dir.resolve("merged.pareto.csv")).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".merged")
                    || n.endsWith(".lock") || n.endsWith(".tmp"));
        }
    }

    @Test
    void aShardResumedWithAnotherSweepOrShardIsRefused() throws IOException {
        Path sweep = sweep("s.yaml", SWEEP);
        List<String> parts = shards(sweep, 2, "part-");
        CliRunner r = CliRunner.run("sweep", sweep.toString(), "--shard", "1/2", "-o", parts.get(1), "--resume");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("holds shard 2/2 of this sweep, not 1/2");
        CliRunner pareto = CliRunner.run("sweep", sweep.toString(), "--shard", "1/2", "-o", parts.get(0), "--pareto",
                dir.resolve("f.csv").toString());
        assertThat(pareto.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(pareto.err()).contains("--pareto does not go with --shard");
    }
}
