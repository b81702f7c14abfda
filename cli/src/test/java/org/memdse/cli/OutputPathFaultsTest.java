package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.report.OutputFailure;
import org.memdse.report.OutputLock;

/**
 * Output paths are checked before any work, for every command that writes files: each fault
 * class (a missing folder, a folder or a device where a file goes, a file where a folder goes,
 * a read-only file or folder, two outputs that are one file under different spellings or
 * through a symbolic link, an output that is an input) is exit code 2 with the path and the fix,
 * no stack trace, and the folder exactly as it was: nothing created, nothing truncated.
 */
class OutputPathFaultsTest {
    @TempDir
    Path dir;

    /** Prepares a fault in the test's folder; returns the command line (with {d} for the folder). */
    @FunctionalInterface
    interface Fault {
        List<String> arrange(Path dir) throws IOException;
    }

    private static final String SWEEP = """
            name: paths
            architecture: fig4-hybrid
            networks: fig4-hybrid
            mapper: sequential
            parameters:
              - path: subsystems.snn.count
                values: [16, 8]
            objectives:
              - minimise: energy_pj
            """;

    private static Path sweepFile(Path dir) throws IOException {
        return Files.writeString(dir.resolve("s.yaml"), SWEEP);
    }

    private static List<String> sweep(Path dir, String... output) throws IOException {
        List<String> args = new ArrayList<>(List.of("sweep", sweepFile(dir).toString(), "--quiet"));
        args.addAll(List.of(output));
        return args;
    }

    private static void readOnly(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                // sweep -o
                fault("sweep: missing folder", d -> sweep(d, "-o", d + "/no/such/r.csv"),
                        "the folder " + "{d}/no/such does not exist; create it first (mkdir -p {d}/no/such)"),
                fault("sweep: a folder as -o", d -> {
                    Files.createDirectory(d.resolve("out"));
                    return sweep(d, "-o", d + "/out");
                }, "-o {d}/out: is a folder, not a file"),
                fault("sweep: a file above -o", d -> {
                    Files.writeString(d.resolve("notes.txt"), "x");
                    return sweep(d, "-o", d + "/notes.txt/r.csv");
                }, "{d}/notes.txt is a file, not a folder"),
                fault("sweep: read-only results", d -> {
                    readOnly(Files.writeString(d.resolve("r.csv"), "point\n"));
                    return sweep(d, "-o", d + "/r.csv");
                }, "-o {d}/r.csv: the file is read-only (permissions r--r--r--)"),
                fault("sweep --resume: read-only results", d -> {
                    readOnly(Files.writeString(d.resolve("r.csv"), "point\n"));
                    return sweep(d, "-o", d + "/r.csv", "--resume");
                }, "the file is read-only"),
                fault("sweep: read-only folder", d -> {
                    readOnly(Files.createDirectory(d.resolve("ro")));
                    return sweep(d, "-o", d + "/ro/r.csv");
                }, "the folder {d}/ro is read-only"),
                fault("sweep: a device", d -> sweep(d, "-o", "/dev/null"), "-o /dev/null: is not a regular file"),
                fault("sweep: --pareto is -o", d -> sweep(d, "-o", d + "/r.csv", "--pareto", d + "/./r.csv"),
                        "is the same file as -o {d}/r.csv"),
                fault("sweep: --pareto is -o through a link to a missing file", d -> {
                    Files.createSymbolicLink(d.resolve("link.csv"), Path.of("r.csv"));
                    return sweep(d, "-o", d + "/r.csv", "--pareto", d + "/link.csv");
                }, "is the same file as -o"),
                fault("sweep: -o is --pareto through a link to an existing file", d -> {
                    Files.writeString(d.resolve("front.csv"), "old front\n");
                    Files.createSymbolicLink(d.resolve("r.csv"), Path.of("front.csv"));
                    return sweep(d, "-o", d + "/r.csv", "--pareto", d + "/front.csv");
                }, "is the same file as -o"),
                fault("sweep: -o is --pareto through a linked folder", d -> {
                    Files.createDirectory(d.resolve("real"));
                    Files.createSymbolicLink(d.resolve("alias"), d.resolve("real"));
                    return sweep(d, "-o", d + "/alias/r.csv", "--pareto", d + "/real/r.csv");
                }, "is the same file as -o"),
                fault("sweep: the default front is a link to -o", d -> {
                    Files.createSymbolicLink(d.resolve("r.pareto.csv"), Path.of("r.csv"));
                    return sweep(d, "-o", d + "/r.csv");
                }, "is the same file as -o {d}/r.csv"),
                fault("sweep: the default front is a folder", d -> {
                    Files.createDirectory(d.resolve("r.pareto.csv"));
                    return sweep(d, "-o", d + "/r.csv");
                }, "{d}/r.pareto.csv: is a folder, not a file"),
                fault("sweep: -o is the sweep file", d -> sweep(d, "-o", d + "/s.yaml"),
                        "-o {d}/s.yaml: is the sweep file (an input)"),
                fault("sweep: --pareto is the sweep file through a link", d -> {
                    Files.createSymbolicLink(d.resolve("alias.yaml"), Path.of("s.yaml"));
                    return sweep(d, "-o", d + "/r.csv", "--pareto", d + "/alias.yaml");
                }, "is the sweep file (an input)"),
                fault("sweep: -o is the sweep's architecture", d -> {
                    Files.writeString(d.resolve("arch.yaml"), CliRunner.run("describe", "--format", "yaml",
                            "fig4-hybrid").out());
                    Files.writeString(d.resolve("s2.yaml"), SWEEP.replace("architecture: fig4-hybrid",
                            "architecture: arch.yaml"));
                    return List.of("sweep", d + "/s2.yaml", "-o", d + "/arch.yaml");
                }, "is the sweep's architecture (an input)"),
                // report -o
                fault("report: missing folder", d -> List.of("report", Files.writeString(d.resolve("r.csv"), "x")
                        .toString(), "-o", d + "/no/r.html"), "the folder {d}/no does not exist"),
                fault("report: a folder as -o", d -> {
                    Files.createDirectory(d.resolve("r.html"));
                    return List.of("report", Files.writeString(d.resolve("r.csv"), "x").toString(), "-o", d + "/r.html");
                }, "-o {d}/r.html: is a folder, not a file"),
                fault("report: read-only report", d -> {
                    readOnly(Files.writeString(d.resolve("r.html"), "<html>"));
                    return List.of("report", Files.writeString(d.resolve("r.csv"), "x").toString(), "-o", d + "/r.html");
                }, "the file is read-only"),
                fault("report: -o is its CSV", d -> List.of("report", Files.writeString(d.resolve("r.html"), "x")
                        .toString(), "-o", d + "/./r.html"), "is the results CSV this report reads (an input)"),
                // compare -o
                fault("compare: missing folder", d -> List.of("compare", "fig4-hybrid", "isaac-ce", "--network",
                        "fig4-hybrid", "-o", d + "/no/c.html"), "the folder {d}/no does not exist"),
                fault("compare: read-only folder", d -> {
                    readOnly(Files.createDirectory(d.resolve("ro")));
                    return List.of("compare", "fig4-hybrid", "isaac-ce", "--network", "fig4-hybrid", "-o",
                            d + "/ro/c.md");
                }, "the folder {d}/ro is read-only"),
                fault("compare: -o is an architecture", d -> {
                    Files.writeString(d.resolve("a.markdown"), CliRunner.run("describe", "--format", "yaml",
                            "fig4-hybrid").out());
                    return List.of("compare", d + "/a.markdown", "isaac-ce", "--network", "fig4-hybrid", "-o",
                            d + "/a.markdown");
                }, "is the architecture {d}/a.markdown (an input)"),
                fault("compare: a chart beside the Markdown is a folder", d -> {
                    Files.createDirectory(d.resolve("c-area.svg"));
                    return List.of("compare", "fig4-hybrid", "isaac-ce", "--network", "fig4-hybrid", "--mapper",
                            "sequential", "-o", d + "/c.md");
                }, "{d}/c-area.svg: is a folder, not a file"),
                // demo -o FOLDER
                fault("demo: a file as its folder", d -> List.of("demo", "-o", Files.writeString(d.resolve("demo"), "x")
                        .toString()), "-o {d}/demo: is a file, not a folder"),
                fault("demo: a file above its folder", d -> List.of("demo", "-o", Files.writeString(d.resolve("f"),
                        "x") + "/sub/demo"), "{d}/f is a file, not a folder"),
                fault("demo: a read-only folder above its missing folder", d -> {
                    readOnly(Files.createDirectory(d.resolve("ro")));
                    return List.of("demo", "-o", d + "/ro/a/b");
                }, "the folder {d}/ro is read-only"),
                fault("demo: read-only folder", d -> {
                    readOnly(Files.createDirectory(d.resolve("demo")));
                    return List.of("demo", "-o", d + "/demo");
                }, "the folder {d}/demo is read-only"),
                fault("demo: one of its files is a folder", d -> {
                    Files.createDirectories(d.resolve("demo/sweep.csv"));
                    return List.of("demo", "-o", d + "/demo");
                }, "{d}/demo/sweep.csv: is a folder, not a file"));
    }

    private static Arguments fault(String name, Fault fault, String expected) {
        return Arguments.of(name, fault, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void aBadOutputPathIsExitCode2BeforeAnyWorkAndChangesNothing(String name, Fault fault, String expected)
            throws IOException {
        Path d = dir.toRealPath();
        List<String> args = fault.arrange(d);
        Map<String, String> before = snapshot(d);
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(expected.replace("{d}", d.toString()))
                .doesNotContain("internal error", "Exception", "\tat ");
        assertThat(snapshot(d)).as("nothing created, nothing truncated").isEqualTo(before);
    }

    /** Every file and folder under {@code d} with its size, time and permissions (links not followed). */
    static Map<String, String> snapshot(Path d) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(d)) {
            for (Path p : all.toList()) {
                out.put(d.relativize(p).toString(), Files.isSymbolicLink(p) ? "-> " + Files.readSymbolicLink(p)
                        : Files.size(p) + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS) + " "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        return out;
    }

    /** Two sweeps on one results file: the second refuses at once, and the first's file is left alone. */
    @Test
    void aSweepRefusesAnOutputAnotherProcessIsWritingUntilThatProcessDies() throws Exception {
        Path d = dir.toRealPath();
        Path results = d.resolve("r.csv");
        Files.writeString(results, "rows of the other sweep\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldOutput.class.getName(), results.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked " + other.pid());
            for (List<String> args : List.of(sweep(d, "-o", results.toString()),
                    sweep(d, "-o", results.toString(), "--resume"))) {
                CliRunner r = CliRunner.run(args.toArray(String[]::new));
                assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
                assertThat(r.err()).contains(results + " is being written by another memdse process (pid "
                        + other.pid() + ")", "r.csv.lock").doesNotContain("Exception");
                assertThat(Files.readString(results)).isEqualTo("rows of the other sweep\n");
            }
            // Its front is held too: a second sweep may not write its front there either.
            other.destroyForcibly(); // kill -9: the operating system releases the lock
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
            CliRunner r = CliRunner.run(sweep(d, "-o", results.toString()).toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
            assertThat(Files.readAllLines(results)).hasSize(3);
            assertThat(OutputLock.lockFileOf(results)).doesNotExist();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aSweepWhoseFrontAnotherSweepIsWritingIsRefusedToo() throws IOException {
        Path d = dir.toRealPath();
        try (OutputLock held = OutputLock.acquire(d.resolve("r.pareto.csv"))) {
            CliRunner r = CliRunner.run(sweep(d, "-o", d + "/r.csv").toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("r.pareto.csv is being written already");
            assertThat(d.resolve("r.csv")).doesNotExist();
            assertThat(held.lockFile()).as("the other's lock is untouched").exists();
        }
    }

    /** The operating system's refusals, as the JDK reports them, in words: never "internal error". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ioFailures")
    void aFileTheSystemRefusesIsExitCode1InWords(Exception failure, String expected) {
        assertThat(MemdseCommand.ioFailure(failure)).hasValueSatisfying(m -> assertThat(m).contains(expected)
                .doesNotContain("Exception", "java."));
    }

    static Stream<Arguments> ioFailures() {
        return Stream.of(
                Arguments.of(new java.io.UncheckedIOException("cannot read x.csv: x.csv", new AccessDeniedException("x.csv")),
                        "cannot read x.csv: x.csv (permission denied)"),
                Arguments.of(new java.io.UncheckedIOException(new NoSuchFileException("gone.csv")),
                        "no such file or folder (gone.csv)"),
                Arguments.of(new java.io.UncheckedIOException("cannot write r.csv",
                        new FileSystemException("r.csv", null, "Read-only file system")), "Read-only file system"),
                Arguments.of(new java.io.UncheckedIOException("cannot write r.csv", new IOException(
                        "No space left on device")), "cannot write r.csv (No space left on device)"),
                Arguments.of(new IOException("Input/output error"), "Input/output error"),
                Arguments.of(OutputFailure.writing(Path.of("r.csv"), new IOException("No space left on device"),
                        "every row before it is complete"), "cannot write r.csv: No space left on device; every row "
                        + "before it is complete (free some space or write to another disk)"));
    }
}
