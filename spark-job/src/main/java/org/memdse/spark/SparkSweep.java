package org.memdse.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.memdse.cli.MemdseCommand;
import org.memdse.cli.OutputPaths;
import org.memdse.cli.SweepCommand;
import org.memdse.cli.SweepSetup;
import org.memdse.cli.UserInputException;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.SweepPlan;
import org.memdse.report.OutputFailure;
import org.memdse.report.OutputLock;
import org.memdse.report.ReportFiles;
import org.memdse.report.csv.CsvResultSink;
import org.memdse.report.csv.ResultColumn;
import org.memdse.report.csv.ResultCsvFinisher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit --class org.memdse.spark.SparkSweep ... SWEEP -o results.csv}: a sweep spread
 * over a Spark cluster's executors. The driver reads the sweep and cuts its point indexes into
 * ranges, one per partition; each task evaluates its range with the engine of {@code memdse sweep}
 * ({@link EvaluateRange}) and returns the rows as CSV text; the driver appends them to a temporary
 * file, a few partitions at a time (memory stays flat), then sorts it, marks the Pareto front and
 * renames it into place: the file {@code memdse sweep} writes, byte for byte. A failed task is
 * retried by Spark ({@code spark.task.maxFailures}) and gives the same rows, since a point's rows
 * depend on the sweep and its index only.
 */
@Command(name = "memdse-spark", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run a memdse sweep as an Apache Spark job.",
        description = "Evaluate the points of SWEEP (a sweep file or a bundled id, as for 'memdse sweep') on a Spark "
            + "cluster and write the results CSV and its Pareto front exactly as 'memdse sweep' does. The sweep file "
            + "and the files it names must be readable at the same path on every executor (a shared file system), "
            + "unless they are bundled ids.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failure (a task failed more often than spark.task.maxFailures allows, or an "
            + "output could not be written; nothing is written)",
            "2:bad input (the sweep, an output path, an unreachable or malformed Spark master)"})
public final class SparkSweep implements Callable<Integer> {
    /** Points per partition by default: large enough that a task's overhead is small beside it. */
    static final long POINTS_PER_PARTITION = 2_000;

    /** Fault injection for the retry test and for trying a cluster's retries by hand. */
    static final String FAIL_FIRST_ATTEMPT_OF = "spark.memdse.faultInjection.failFirstAttemptOf";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep YAML file or bundled sweep id.")
    String sweep;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Results CSV, on the driver's file system.")
    Path output;

    @Option(names = "--pareto", paramLabel = "FILE",
            description = "Pareto-front CSV (default: the output with .pareto.csv instead of .csv).")
    Path pareto;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[2], spark://host:7077, yarn, k8s://...); default: what spark-submit "
                + "gives, else local[*].")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions (tasks) to cut the points into (default: one per 2,000 points, at least 2 per "
                + "executor core).")
    Integer partitions;

    @Option(names = "--quiet", description = "Print nothing on success.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces of unexpected failures.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the job with these arguments, printing to the given streams; returns the exit code. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        SparkSweep job = new SparkSweep();
        return MemdseCommand.configure(new CommandLine(job), out, err, () -> job.verbose).execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path results = OutputPaths.file("-o", output);
        Path defaultFront = SweepCommand.paretoPath(output);
        Path front = pareto != null ? OutputPaths.file("--pareto", pareto)
                : OutputPaths.file("the Pareto front's file (the default; choose another with --pareto)", defaultFront);
        OutputPaths.distinct(pareto != null ? "--pareto " + pareto : "the Pareto front's file " + defaultFront, front,
                "-o " + output, results);
        if (partitions != null && partitions < 1) {
            throw new UserInputException("--partitions must be at least 1, found " + partitions);
        }
        SweepSetup setup = SweepSetup.prepare(sweep);
        SweepPlan plan = setup.plan();
        OutputPaths.notAnInput("-o", results, setup.inputs());
        OutputPaths.notAnInput("--pareto", front, setup.inputs());
        SparkConf conf = new SparkConf().setAppName("memdse sweep " + plan.name());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        String url = conf.get("spark.master");
        checkReachable(url);
        List<String> objectiveKeys = plan.objectives().stream()
                .map(o -> o.direction().key() + ":" + o.metric().key()).toList();
        String fingerprint = setup.documents().fingerprint(objectiveKeys);
        try (OutputLock lock = SweepCommand.lock(results);
             OutputLock frontLock = plan.objectives().isEmpty() ? null : SweepCommand.lock(front)) {
            return run(setup, plan, conf, url, fingerprint, objectiveKeys, results, front, err);
        }
    }

    private int run(SweepSetup setup, SweepPlan plan, SparkConf conf, String url, String fingerprint,
                    List<String> objectiveKeys, Path results, Path front, PrintWriter err) {
        long total = setup.sampler().size();
        List<String> header = ResultColumn.header(plan.parameterColumns(), !plan.variants().isEmpty());
        Path dir = results.getParent();
        Path rowsTmp = null;
        Path frontTmp = null;
        long start = System.nanoTime();
        try (JavaSparkContext sc = context(conf, url)) {
            sc.setLogLevel("WARN");
            int cores = sc.defaultParallelism();
            int parts = partitions != null ? partitions
                    : (int) Math.min(100_000, Math.max(2L * cores, (total + POINTS_PER_PARTITION - 1) / POINTS_PER_PARTITION));
            List<long[]> ranges = ranges(total, parts);
            if (!quiet) {
                err.printf(Locale.ROOT, "memdse-spark: %s: %,d points (%s) x %d network(s) on %s (%d cores), %d "
                        + "partitions -> %s%n", plan.name(), total, setup.sampler().name(), setup.networkNames().size(),
                        url, cores, ranges.size(), output);
                err.flush();
            }
            AtomicLong failedTasks = new AtomicLong();
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskEnd(SparkListenerTaskEnd end) {
                    if (!end.taskInfo().successful()) {
                        failedTasks.incrementAndGet();
                    }
                }
            });
            JavaRDD<PartitionRows> rows = sc.parallelize(ranges, Math.max(1, ranges.size()))
                    .map(new EvaluateRange(sweep, fingerprint, objectiveKeys,
                            conf.getInt(FAIL_FIRST_ATTEMPT_OF, -1)));
            rowsTmp = Files.createTempFile(dir, "." + results.getFileName(), ".spark.tmp");
            rowsTmp.toFile().deleteOnExit();
            long[] counts = new long[4];
            try (CsvResultSink sink = CsvResultSink.create(rowsTmp, plan.parameters(), plan.variantNames())) {
                // A few waves of partitions in flight per core: every core busy, the driver's memory flat.
                int wave = Math.max(4, 4 * cores);
                for (int from = 0; from < ranges.size(); from += wave) {
                    int[] ids = new int[Math.min(wave, ranges.size() - from)];
                    for (int k = 0; k < ids.length; k++) {
                        ids[k] = from + k;
                    }
                    for (List<PartitionRows> part : rows.collectPartitions(ids)) {
                        for (PartitionRows r : part) {
                            sink.acceptFormatted(r.rows(), r.count());
                            counts[0] += r.count();
                            counts[1] += r.ok();
                            counts[2] += r.infeasible();
                            counts[3] += r.invalid();
                        }
                    }
                }
            }
            if (!plan.objectives().isEmpty()) {
                frontTmp = Files.createTempFile(front.getParent(), "." + front.getFileName(), ".spark.tmp");
                frontTmp.toFile().deleteOnExit();
            }
            ResultCsvFinisher.Finished finished = ResultCsvFinisher.finish(rowsTmp, frontTmp, header,
                    setup.networkNames(), plan.objectives());
            if (frontTmp != null) {
                ReportFiles.move(frontTmp, front);
                frontTmp = null;
            }
            ReportFiles.move(rowsTmp, results);
            rowsTmp = null;
            if (!quiet) {
                double seconds = (System.nanoTime() - start) / 1e9;
                err.printf(Locale.ROOT, "memdse-spark: %,d points evaluated in %.1f s (%.1f points/s): %,d ok, %,d "
                        + "infeasible, %,d invalid; %,d rows in %s%n", total, seconds, total / seconds, counts[1],
                        counts[2], counts[3], finished.rows(), output);
                if (failedTasks.get() > 0) {
                    err.printf(Locale.ROOT, "memdse-spark: %d task attempt(s) failed and were retried%n",
                            failedTasks.get());
                }
                if (!plan.objectives().isEmpty()) {
                    err.printf(Locale.ROOT, "memdse-spark: Pareto front (%s): %,d rows in %s%n",
                            String.join(", ", plan.objectives().stream().map(Objective::toString).toList()),
                            finished.front(), pareto != null ? pareto : SweepCommand.paretoPath(output));
                }
                err.flush();
            }
            return 0;
        } catch (IOException e) {
            throw OutputFailure.writing(results, e, "nothing was written");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof org.apache.spark.SparkException) {
                // A task failed spark.task.maxFailures times (Scala throws it undeclared).
                err.println("memdse-spark: the Spark job failed: " + e.getMessage().lines().findFirst().orElse("")
                        + "; nothing was written (the executors' logs say more)");
                err.flush();
                return 1;
            }
            throw new IllegalStateException(e);
        } finally {
            ReportFiles.deleteQuietly(rowsTmp);
            ReportFiles.deleteQuietly(frontTmp);
        }
    }

    /** Point indexes {@code [from, to)}, {@code parts} ranges of nearly equal size (none empty). */
    static List<long[]> ranges(long total, int parts) {
        int n = (int) Math.max(1, Math.min(parts, total));
        List<long[]> out = new ArrayList<>(n);
        for (int k = 0; k < n && total > 0; k++) {
            out.add(new long[] {total * k / n, total * (k + 1) / n});
        }
        return out;
    }

    private static JavaSparkContext context(SparkConf conf, String url) {
        try {
            return new JavaSparkContext(conf);
        } catch (Exception e) { // Scala throws SparkException undeclared
            if (e.getMessage() != null && e.getMessage().contains("Master URL")) {
                throw new UserInputException("--master '" + url + "': Spark cannot use it (" + e.getMessage()
                        + "); give local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT; nothing was written");
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * A standalone master ({@code spark://host:port[,host:port]}) that does not answer would leave
     * the job waiting for executors that never come: it is refused at once instead.
     */
    static void checkReachable(String url) {
        if (!url.startsWith("spark://")) {
            return;
        }
        List<String> tried = new ArrayList<>();
        for (String hostPort : url.substring("spark://".length()).split(",")) {
            URI uri;
            try {
                uri = new URI("spark://" + hostPort);
            } catch (URISyntaxException e) {
                throw new UserInputException("--master '" + url + "': '" + hostPort + "' is not HOST:PORT");
            }
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new UserInputException("--master '" + url + "': '" + hostPort + "' is not HOST:PORT (e.g. "
                        + "spark://head-node:7077)");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                return;
            } catch (IOException e) {
                tried.add(hostPort + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + ")");
            }
        }
        throw new UserInputException("--master '" + url + "': cannot reach the Spark master at " + String.join(", ",
                tried) + "; start it (sbin/start-master.sh) or give the URL its web UI shows; nothing was written");
    }
}
