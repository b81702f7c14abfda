package org.memdse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memdse bench load}: how long {@code memdse network} takes on long inputs, each run in a
 * fresh JVM (startup, class loading and compilation included, as a user meets them).
 */
@Command(name = "load",
        header = "Time 'memdse network' in fresh JVMs on a long chain, a long network file and a long string.",
        mixinStandardHelpOptions = true,
        description = "Write three network files (a chain of --layers conv2d layers; residual blocks filling --megabytes "
            + "of YAML; one description string of --megabytes), then run 'memdse network FILE' on each --runs times, "
            + "each in a fresh JVM with this JVM's java, class path and -XX: options (the ./memdse launcher gives 'bench "
            + "load' the options it gives 'network') and its output discarded, and print the wall "
            + "time and the child's processor time (all its threads: compilation and garbage collection included). "
            + "The files stay in --keep DIR if given, to be timed with other tools.")
final class BenchLoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--layers", paramLabel = "N", defaultValue = "20000",
            description = "Layers of the chain (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--megabytes", paramLabel = "MB", defaultValue = "10",
            description = "Size of the long network file and of the long-string file, in MB of 10^6 bytes (default: ${DEFAULT-VALUE}).")
    int megabytes;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Fresh JVMs per file (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the files to DIR and leave them there.")
    Path keep;

    /** In a child JVM: run 'network FILE' with the output discarded, then print this process's processor time. */
    @Option(names = "--child", paramLabel = "FILE", hidden = true)
    Path child;

    private static final String CPU_PREFIX = "memdse-bench-load-cpu-ms ";

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (child != null) {
            return runChild();
        }
        if (layers < 1 || megabytes < 1 || megabytes > 64 || runs < 1) {
            throw new UserInputException("--layers, --megabytes (at most 64) and --runs must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("memdse-bench-load");
        List<Path> files = List.of(
                write(dir.resolve("chain-" + layers + ".yaml"), w -> chain(w, layers)),
                write(dir.resolve("network-" + megabytes + "MB.yaml"), w -> residual(w, megabytes * 1_000_000L)),
                write(dir.resolve("string-" + megabytes + "MB.yaml"), w -> longString(w, megabytes * 1_000_000L)));
        List<String> options = jvmOptions();
        out.println("memdse bench load: 'memdse network FILE' in " + runs + " fresh JVM(s) per file, output discarded; "
                + Runtime.getRuntime().availableProcessors() + " processors; JVM options: "
                + (options.isEmpty() ? "none" : String.join(" ", options)));
        String[] header = {"file", "MB", "wall min s", "wall median s", "cpu median s"};
        List<String[]> rows = new ArrayList<>();
        for (Path file : files) {
            double[] wall = new double[runs];
            double[] cpu = new double[runs];
            for (int r = 0; r < runs; r++) {
                double[] run = runFresh(file);
                wall[r] = run[0];
                cpu[r] = run[1];
            }
            Arrays.sort(wall);
            Arrays.sort(cpu);
            rows.add(new String[] {file.getFileName().toString(), String.format(Locale.ROOT, "%.1f", Files.size(file) / 1e6),
                String.format(Locale.ROOT, "%.2f", wall[0]), String.format(Locale.ROOT, "%.2f", median(wall)),
                String.format(Locale.ROOT, "%.2f", median(cpu))});
            out.flush();
        }
        int[] width = new int[header.length];
        for (String[] row : concat(header, rows)) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : concat(header, rows)) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(c == 0 ? row[c] + pad : "  " + pad + row[c]);
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(keep != null ? "files: " + dir : "files deleted (keep them with --keep DIR)");
        if (keep == null) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int runChild() {
        PrintWriter discard = new PrintWriter(Writer.nullWriter());
        int code = MemdseCommand.commandLine(discard, spec.commandLine().getErr(), "network")
                .execute("network", child.toString());
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        PrintWriter out = spec.commandLine().getOut();
        out.println(CPU_PREFIX + cpuMs);
        out.flush();
        return code;
    }

    /** Wall seconds and the child's processor seconds (NaN if the system does not say). */
    private double[] runFresh(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "load",
                "--child", file.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new UserInputException("'network " + file + "' took more than 10 minutes");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != ExitCodes.OK) {
            throw new UserInputException("'network " + file + "' ended with exit code " + p.exitValue());
        }
        double cpu = Double.NaN;
        for (String line : output.split("\n")) {
            if (line.startsWith(CPU_PREFIX)) {
                long ms = Long.parseLong(line.substring(CPU_PREFIX.length()).trim());
                cpu = ms < 0 ? Double.NaN : ms / 1e3;
            }
        }
        return new double[] {wall, cpu};
    }

    /**
     * This JVM's {@code -XX:} options, which the children get too: run from the ./memdse launcher,
     * the options it gives 'network' (a recording or an archive to write is left out).
     */
    static List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:") && !a.contains("FlightRecord") && !a.contains("ArchiveClassesAtExit")) {
                options.add(a);
            }
        }
        return options;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<String[]> concat(String[] header, List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private interface Content {
        void write(Writer w) throws IOException;
    }

    private static Path write(Path file, Content content) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            content.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A chain of {@code n} 3x3 convolutions on 16x8x8, every other one with batch norm instead of ReLU. */
    static void chain(Writer w, int n) throws IOException {
        w.write("version: 1\nname: chain-" + n + "\nlayers:\n  - {name: input, kind: input, shape: [16, 8, 8]}\n");
        for (int i = 0; i < n; i++) {
            w.write("  - {name: c" + i + ", kind: conv2d, out_channels: 16, kernel: 3, padding: 1, "
                    + (i % 2 == 0 ? "activation: relu}\n" : "batch_norm: true}\n"));
        }
    }

    /**
     * Residual blocks (a block-style conv, a flow-style conv, an add of the block's input), each
     * after a comment, until the file holds {@code bytes}; then pooling and a classifier.
     */
    static void residual(Writer w, long bytes) throws IOException {
        StringBuilder b = new StringBuilder("version: 1\nname: residual\nweight_bits: 8\nlayers:\n"
                + "  - {name: input, kind: input, shape: [32, 16, 16]}\n");
        String previous = "input";
        for (int i = 0; b.length() < bytes - 200; i++) {
            b.append("  # block ").append(i).append('\n')
                    .append("  - name: b").append(i).append("c1\n    kind: conv2d\n    out_channels: 32\n    kernel: 3\n"
                            + "    padding: 1\n    batch_norm: true\n    activation: relu\n")
                    .append("  - {name: b").append(i).append("c2, kind: conv2d, out_channels: 32, kernel: 3, padding: 1, "
                            + "batch_norm: true}\n")
                    .append("  - {name: b").append(i).append(", kind: add, inputs: [b").append(i).append("c2, ")
                    .append(previous).append("], activation: relu}\n");
            previous = "b" + i;
        }
        b.append("  - {name: pool, kind: global-avg-pool}\n  - {name: flat, kind: flatten}\n"
                + "  - {name: fc, kind: linear, in_features: 32, out_features: 10}\n");
        w.write(b.toString());
    }

    /** A two-layer network whose description is one quoted string of words filling {@code bytes}. */
    static void longString(Writer w, long bytes) throws IOException {
        String[] words = {"crossbar", "memristor", "conductance", "array", "tile", "neuron", "synapse", "weight"};
        Random random = new Random(1);
        StringBuilder b = new StringBuilder("version: 1\nname: long-string\ndescription: \"");
        while (b.length() < bytes - 120) {
            b.append(words[random.nextInt(words.length)]).append(' ');
        }
        b.append("\"\nlayers:\n  - {name: input, kind: input, shape: [64]}\n  - {name: fc, kind: linear, out_features: 10}\n");
        w.write(b.toString());
    }
}
