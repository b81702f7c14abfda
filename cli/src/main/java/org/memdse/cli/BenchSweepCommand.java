package org.memdse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.memdse.core.explore.ExplorationEngine;
import org.memdse.core.mapping.Mapper;
import org.memdse.report.ReportFiles;
import org.memdse.report.csv.CsvResultSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memdse bench sweep}: the bundled 1,000-point grid (ISAAC-CE, VGG-8, sequential mapper)
 * run with 1, 2, 4 ... threads up to the cores, each run cold (fresh caches) and writing its
 * CSV, after one warm-up run for the JIT; prints design points per second per thread count.
 */
@Command(name = "sweep",
        header = "Time the bundled 1,000-point sweep at each thread count.", mixinStandardHelpOptions = true,
        description = "Run the bundled sweep 'bench-isaac-vgg8' (1,000 points: ISAAC-CE, VGG-8, sequential mapper) "
            + "with 1, 2, 4 ... threads up to the number of cores; print design points per second and per minute, and the process CPU time each run took (points per CPU-minute is "
            + "the figure to compare when other work shares the machine).")
final class BenchSweepCommand implements Callable<Integer> {
    static final String SWEEP = "bench-isaac-vgg8";

    @Spec
    CommandSpec spec;

    @Option(names = "--sweep", paramLabel = "SWEEP", defaultValue = SWEEP,
            description = "Sweep file or bundled id to time (default: ${DEFAULT-VALUE}).")
    String sweep;

    @Option(names = "--threads", paramLabel = "N", split = ",",
            description = "Thread counts to time, e.g. 1,2,4 (default: 1, 2, 4 ... up to the cores).")
    List<Integer> threads;

    // Ten: on this 2-core machine the JIT is still compiling the evaluator after three runs (the
    // first timed run then gave 78k points/min against 134-155k for the next three).
    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed runs first, until the JIT has compiled the evaluator (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--solve-every-point",
            description = "Map every point afresh instead of reusing the mapping of points with the same mapping "
                + "problem (what 'memdse sweep' does): what the reuse saves, e.g. with the solver.")
    boolean solveEveryPoint;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Keep the last timed run's rows in FILE (in the order they finished, pareto column empty), "
                + "e.g. to check that two ways of running give the same rows.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Integer> counts = threads != null ? threads : defaultCounts(Runtime.getRuntime().availableProcessors());
        Path keep = output == null ? null : OutputPaths.file("-o", output);
        SweepSetup setup = SweepSetup.prepare(sweep);
        int cores = Runtime.getRuntime().availableProcessors();
        err.printf(Locale.ROOT, "bench: %s: %,d points x %d network(s), mapper %s%s, %d cores; %d warm-up run(s)%n",
                setup.plan.name(), setup.sampler.size(), setup.networks.size(), setup.mapper.name(),
                solveEveryPoint ? " solving every point" : " reusing mappings", cores, warmup);
        err.flush();
        for (int i = 0; i < warmup; i++) {
            run(setup, cores, solveEveryPoint ? setup.mapper : setup.mappingCache(), null);
        }
        List<String[]> rows = new ArrayList<>();
        double base = 0;
        for (int k = 0; k < counts.size(); k++) {
            int n = counts.get(k);
            SweepCaches.MappingCache mappings = setup.mappingCache();
            long cpuBefore = processCpuNanos();
            ExplorationEngine.Summary s = run(setup, n, solveEveryPoint ? setup.mapper : mappings,
                    k == counts.size() - 1 ? keep : null);
            double rate = s.pointsPerSecond();
            double cpuS = (processCpuNanos() - cpuBefore) / 1e9;
            if (base == 0) {
                base = rate;
            }
            rows.add(new String[] {Integer.toString(n), Long.toString(s.points()),
                String.format(Locale.ROOT, "%.2f", s.elapsedNanos() / 1e9), String.format(Locale.ROOT, "%.0f", rate),
                String.format(Locale.ROOT, "%,.0f", rate * 60), String.format(Locale.ROOT, "%.2fx", rate / base),
                cpuS > 0 ? String.format(Locale.ROOT, "%.2f", cpuS) : "n/a",
                cpuS > 0 ? String.format(Locale.ROOT, "%,.0f", s.points() / cpuS * 60) : "n/a",
                s.ok() + "/" + s.infeasible() + "/" + s.invalid(),
                solveEveryPoint ? "every point" : mappings.solved() + "/" + mappings.reused()});
        }
        MapCommand.printTable(out, new String[] {"threads", "points", "seconds", "points/s", "points/min", "speed-up",
            "CPU s", "points/CPU-min", "ok/infeasible/invalid", "mappings solved/reused"}, rows);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * CPU time of the whole process (every thread: the sweep's, the JIT's and the collector's), or
     * -1 where the JVM does not say. On a busy machine wall-clock rates drop with the load; the CPU
     * time a run costs does not, so "points/CPU-min" is the figure to compare across runs there.
     */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    static List<Integer> defaultCounts(int cores) {
        List<Integer> out = new ArrayList<>();
        for (int n = 1; n < cores; n *= 2) {
            out.add(n);
        }
        out.add(cores);
        return out;
    }

    /**
     * One cold run (fresh caches) mapping with {@code mapping}, into a temporary CSV that is moved to
     * {@code keep} when given and deleted otherwise.
     */
    private static ExplorationEngine.Summary run(SweepSetup setup, int threads, Mapper mapping, Path keep) {
        Path csv = null;
        ExplorationEngine.Summary summary;
        try {
            csv = keep != null ? Files.createTempFile(keep.getParent(), "." + keep.getFileName(), ".tmp")
                    : Files.createTempFile("memdse-bench-", ".csv");
            try (CsvResultSink sink = CsvResultSink.create(csv, setup.plan.parameters(), setup.plan.variantNames())) {
                summary = new ExplorationEngine(setup.sampler, setup.evaluator(mapping), threads)
                        .run(sink, ExplorationEngine.ProgressListener.NONE);
            }
            if (keep != null) {
                ReportFiles.move(csv, keep);
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (csv != null) {
                try {
                    Files.deleteIfExists(csv);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }
}
