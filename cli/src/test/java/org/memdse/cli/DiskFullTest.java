package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a disk that fills up, for real: a small tmpfs (mounting needs root; without it the
 * tests are skipped with the reason, and the same faults are replayed with injected failing
 * storage in the reports module's OutputFaultsTest). The run ends with exit code 1 and a message
 * in words, the rows written stay valid, and once there is room {@code --resume} gives exactly
 * the files of a run that never failed.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    private Path mounted;

    private static final String SWEEP = """
            name: disk-full
            architecture: fig4-hybrid
            networks: [fig4-hybrid, mlp-mnist]
            mapper: sequential
            sampling: {strategy: random, samples: 40, seed: 9}
            parameters:
              - path: templates.cim-tile.macro.adc.bits
                range: {from: 3, to: 8, step: 1}
              - path: subsystems.snn.count
                values: [8, 16]
            objectives:
              - minimise: energy_pj
              - minimise: latency_ns
            """;

    /** Mounts a tmpfs of {@code kib} KiB on a new folder, or skips the test saying why. */
    private Path tmpfs(int kib) throws IOException, InterruptedException {
        Path at = Files.createDirectory(dir.resolve("disk"));
        String out = run("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs", at.toString());
        assumeTrue(out == null, () -> "cannot mount a small tmpfs to fill (needs root): " + out);
        mounted = at;
        return at;
    }

    private void resize(int kib) throws IOException, InterruptedException {
        String out = run("mount", "-o", "remount,size=" + kib + "k", mounted.toString());
        assertThat(out).as("remount").isNull();
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        if (mounted != null) {
            run("umount", mounted.toString());
        }
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out.strip();
    }

    /** The files of a run that never failed. */
    private List<String> reference(Path sweep) throws IOException {
        Path whole = dir.resolve("whole.csv");
        CliRunner r = CliRunner.run("sweep", sweep.toString(), "-o", whole.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return List.of(Files.readString(whole), Files.readString(dir.resolve("whole.pareto.csv")));
    }

    private static void assertCleanFailure(CliRunner r) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("No space left on device", "--resume", "free some space")
                .doesNotContain("internal error", "Exception", "\tat ");
    }

    @Test
    void theDiskFillsUpWhileRowsAreWritten() throws Exception {
        Path sweep = Files.writeString(dir.resolve("s.yaml"), SWEEP);
        List<String> reference = reference(sweep);
        // Two 4 KiB pages for the lock files, and about a third of the rows.
        int kib = 8 + reference.get(0).length() / 3 / 1024;
        Path results = tmpfs(kib).resolve("r.csv");
        CliRunner full = CliRunner.run("sweep", sweep.toString(), "-o", results.toString(), "--quiet");
        assertCleanFailure(full);
        assertThat(full.err()).contains("every row before it is complete");
        String left = Files.readString(results);
        assertThat(left).endsWith("\n");
        assertThat(left.lines().count()).isBetween(2L, 80L);
        // Each row left is one of the finished file's rows (but for the pareto mark, set at the end).
        assertThat(reference.get(0).lines().map(DiskFullTest::unmarked).toList())
                .containsAll(left.lines().skip(1).map(DiskFullTest::unmarked).toList());
        try (Stream<Path> files = Files.list(mounted)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("r.csv");
        }
        resize(1024);
        CliRunner resumed = CliRunner.run("sweep", sweep.toString(), "-o", results.toString(), "--resume", "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readString(results)).isEqualTo(reference.get(0));
        assertThat(Files.readString(mounted.resolve("r.pareto.csv"))).isEqualTo(reference.get(1));
    }

    private static String unmarked(String row) {
        return row.substring(0, row.lastIndexOf(',') + 1);
    }

    @Test
    void theDiskFillsUpWhileTheResultsAreSorted() throws Exception {
        Path sweep = Files.writeString(dir.resolve("s.yaml"), SWEEP);
        List<String> reference = reference(sweep);
        // Room for the lock files and every row, not for the sorted copy beside them.
        int kib = 8 + (reference.get(0).length() / 4096 + 1) * 4 + 4;
        Path results = tmpfs(kib).resolve("r.csv");
        CliRunner full = CliRunner.run("sweep", sweep.toString(), "-o", results.toString(), "--quiet");
        assertCleanFailure(full);
        assertThat(full.err()).contains("cannot sort", "r.csv is unchanged: every row is there, not yet sorted");
        assertThat(Files.readAllLines(results)).hasSize(81);
        try (Stream<Path> files = Files.list(mounted)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .containsExactly("r.csv");
        }
        resize(1024);
        CliRunner resumed = CliRunner.run("sweep", sweep.toString(), "-o", results.toString(), "--resume", "--quiet");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readString(results)).isEqualTo(reference.get(0));
        assertThat(Files.readString(mounted.resolve("r.pareto.csv"))).isEqualTo(reference.get(1));
    }

    @Test
    void aFullDiskBehindStandardOutputIsExitCode1NotASilentHalfFile() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full on this system");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "describe", "--format", "yaml", "isaac-ce")).redirectOutput(full).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(ExitCodes.FAILURE);
        assertThat(err).contains("memdse: cannot write the standard output: No space left on device")
                .doesNotContain("Exception");
    }
}
