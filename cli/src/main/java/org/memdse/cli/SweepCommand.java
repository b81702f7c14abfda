package org.memdse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.memdse.core.explore.DesignPoint;
import org.memdse.core.explore.ExplorationEngine;
import org.memdse.core.explore.Metric;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.PointEvaluator;
import org.memdse.core.explore.Sampler;
import org.memdse.core.explore.Shard;
import org.memdse.core.explore.ShardSampler;
import org.memdse.core.explore.SweepPlan;
import org.memdse.core.explore.SweepReader;
import org.memdse.report.OutputLock;
import org.memdse.report.csv.CsvResultReader;
import org.memdse.report.csv.CsvResultSink;
import org.memdse.report.csv.ResultColumn;
import org.memdse.report.csv.ResultCsvFinisher;
import org.memdse.report.csv.ShardRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memdse sweep}: runs a sweep file, streaming every design point's figures to CSV. */
@Command(name = "sweep",
        header = "Evaluate every design point of a sweep on all cores into a CSV.", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate every design point of a sweep file (or a bundled sweep: 'memdse catalog') on "
            + "all cores, writing one CSV row per point and network as soon as it is known, then sort "
            + "the file into point order and mark the Pareto front (also written as its own CSV). "
            + "A killed run keeps every finished row; --resume continues it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the sweep ran (invalid or infeasible points are rows, not failures)",
            "1:failure (e.g. a full disk: the rows written stay valid, --resume continues)",
            "2:bad input (the sweep file, its architecture, networks or parameter paths; an output path, or an output"
                + " another sweep is writing)"})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep YAML file or bundled sweep id.")
    String sweep;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Results CSV (required unless --dry-run).")
    Path output;

    @Option(names = "--pareto", paramLabel = "FILE",
            description = "Pareto-front CSV (default: the output with .pareto.csv instead of .csv).")
    Path pareto;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    int threads;

    @Option(names = "--resume", description = "Continue an interrupted run: keep the rows in the output, evaluate the rest.")
    boolean resume;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Evaluate only shard I of N (1 <= I <= N): the points whose index leaves the remainder I-1 "
                + "when divided by N; a batch scheduler's array job runs one shard per task, 'memdse merge' joins "
                + "the files. The file is sorted and its pareto column left empty; a record of the shard is written "
                + "beside it (FILE.shard.yaml).")
    String shard;

    @Option(names = "--dry-run", description = "List every point and check its architecture, without mapping or pricing.")
    boolean dryRun;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--objective", paramLabel = "DIR:METRIC",
            description = "A further Pareto objective, e.g. minimise:energy_pj or maximise:tops_per_w (repeatable).")
    List<String> objectives = new ArrayList<>();

    /** This run's mappings: reused by every point with the same mapping problem; counted for stderr. */
    private SweepCaches.MappingCache mappings;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        if (threads < 0) {
            throw new UserInputException("--threads must be at least 1, was " + threads);
        }
        List<Objective> extra = new ArrayList<>();
        for (String o : objectives) {
            extra.add(SweepReader.objective(o).orElseThrow(() -> new UserInputException("--objective '" + o
                    + "': expected minimise:METRIC or maximise:METRIC; metrics: " + String.join(", ", Metric.keys()))));
        }
        Shard part = null;
        if (shard != null) {
            try {
                part = Shard.parse(shard);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--shard " + e.getMessage());
            }
            if (pareto != null) {
                throw new UserInputException("--pareto does not go with --shard: a shard has no front of its own; "
                        + "'memdse merge' writes the front of the merged shards");
            }
        }
        if (!dryRun && output == null) {
            throw new UserInputException("give the results file with -o FILE (or use --dry-run)");
        }
        // Output paths first: a mistake there is found before anything is read or evaluated.
        Path results = dryRun ? null : OutputPaths.file("-o", output);
        Path givenFront = dryRun || pareto == null ? null : OutputPaths.file("--pareto", pareto);
        if (givenFront != null) {
            OutputPaths.distinct("--pareto " + pareto, givenFront, "-o " + output, results);
        }
        Path record = part == null || dryRun ? null
                : OutputPaths.file("the shard's record (beside -o)", ShardRecord.fileOf(results));
        SweepSetup setup = SweepSetup.prepare(sweep);
        MemdseCommand.printWarnings(err, setup.warnings);
        SweepPlan plan = setup.plan.withObjectives(extra);
        mappings = setup.mappingCache();
        PointEvaluator evaluator = setup.evaluator(mappings);
        Sampler sampler = part == null ? setup.sampler : new ShardSampler(setup.sampler, part);
        if (dryRun) {
            return dryRun(setup, sampler, evaluator, out, err);
        }
        if (part != null) {
            OutputPaths.notAnInput("-o", results, setup.inputs);
            OutputPaths.notAnInput("the shard's record", record, setup.inputs);
            try (OutputLock lock = lock(results)) {
                return runShard(setup, plan, part, (ShardSampler) sampler, evaluator, workers, results, err);
            }
        }
        boolean writesFront = !plan.objectives().isEmpty();
        Path front = givenFront != null ? givenFront : paretoPath(results);
        if (givenFront == null && writesFront) {
            String what = "the Pareto front's file (the default; choose another with --pareto)";
            front = OutputPaths.file(what, paretoPath(output));
            OutputPaths.distinct(what + " " + paretoPath(output), front, "-o " + output, results);
        }
        OutputPaths.notAnInput("-o", results, setup.inputs);
        if (writesFront) {
            OutputPaths.notAnInput("--pareto", front, setup.inputs);
        }
        try (OutputLock lock = lock(results); OutputLock frontLock = writesFront ? lock(front) : null) {
            return run(setup, plan, evaluator, workers, results, front, err);
        }
    }

    /** Holds {@code file} for this run, or refuses at once (exit code 2) when another sweep writes it. */
    public static OutputLock lock(Path file) {
        try {
            return OutputLock.acquire(file);
        } catch (OutputLock.HeldException e) {
            throw new UserInputException(e.getMessage());
        }
    }

    /**
     * Runs one shard: its record first (unfinished), the rows, the sort, then the record again with
     * the row count, so merge can tell a finished shard from a stopped one.
     */
    private Integer runShard(SweepSetup setup, SweepPlan plan, Shard part, ShardSampler sampler,
                             PointEvaluator evaluator, int workers, Path results, PrintWriter err) {
        List<String> header = ResultColumn.header(plan.parameterColumns(), !plan.variants().isEmpty());
        List<String> objectiveKeys = plan.objectives().stream()
                .map(o -> o.direction().key() + ":" + o.metric().key()).toList();
        ShardRecord record = new ShardRecord(plan.name(), setup.documents().fingerprint(objectiveKeys), part,
                setup.sampler.size(), setup.networkNames(), objectiveKeys, header, Optional.empty());
        if (resume && Files.exists(ShardRecord.fileOf(results)) && Files.exists(results)) {
            ShardRecord before = ShardRecord.read(results);
            if (!before.fingerprint().equals(record.fingerprint()) || !before.shard().equals(part)) {
                throw new UserInputException(output + " holds " + (before.fingerprint().equals(record.fingerprint())
                        ? "shard " + before.shard() + " of this sweep, not " + part
                        : "a shard of another sweep ('" + before.sweep() + "', or this one before its files changed)")
                        + "; write to a new file or drop --resume");
            }
        }
        record.write(results);
        long rows = evaluate(setup, plan, sampler, evaluator, workers, results, err,
                () -> ResultCsvFinisher.sortUnmarked(results, header, setup.networkNames()));
        record.finished(rows).write(results);
        if (!quiet) {
            err.printf(Locale.ROOT, "sweep: shard %s recorded in %s; 'memdse merge' joins the %d shards%n", part,
                    ShardRecord.fileOf(output), part.count());
            err.flush();
        }
        return ExitCodes.OK;
    }

    private Integer run(SweepSetup setup, SweepPlan plan, PointEvaluator evaluator, int workers, Path results,
                        Path front, PrintWriter err) {
        List<String> header = ResultColumn.header(plan.parameterColumns(), !plan.variants().isEmpty());
        List<String> networks = setup.networkNames();
        ResultCsvFinisher.Finished[] finished = {null};
        evaluate(setup, plan, setup.sampler, evaluator, workers, results, err, () -> {
            finished[0] = ResultCsvFinisher.finish(results, front, header, networks, plan.objectives());
            return finished[0].rows();
        });
        if (!quiet && !plan.objectives().isEmpty()) {
            err.printf(Locale.ROOT, "sweep: Pareto front (%s): %,d rows in %s%n",
                    String.join(", ", plan.objectives().stream().map(Objective::toString).toList()),
                    finished[0].front(), pareto != null ? pareto : paretoPath(output));
            err.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Evaluates the sampler's points into {@code results} (appending with --resume), then finishes
     * the file.
     *
     * @return the rows in the finished file
     */
    private long evaluate(SweepSetup setup, SweepPlan plan, Sampler sampler, PointEvaluator evaluator, int workers,
                          Path results, PrintWriter err, java.util.function.LongSupplier finish) {
        List<String> header = ResultColumn.header(plan.parameterColumns(), !plan.variants().isEmpty());
        List<String> networks = setup.networkNames();
        CsvResultReader.Done done = null;
        if (resume && Files.exists(results)) {
            CsvResultReader.cutPartialLine(results); // a row cut off by kill -9 or a full disk
            if (size(results) > 0) {
                done = CsvResultReader.resume(results, header, networks);
                if (!quiet) {
                    err.println("sweep: resuming " + output + ": " + done.count() + " rows already there");
                }
            }
        }
        long total = sampler.size();
        if (!quiet) {
            err.printf(Locale.ROOT, "sweep: %s: %,d points (%s) x %d network(s)%s on %d thread(s) -> %s%n", plan.name(),
                    total, sampler.name(), networks.size(), sampler instanceof ShardSampler s
                            ? String.format(Locale.ROOT, ", shard %s of %,d points", s.shard(), setup.sampler.size())
                            : "", workers, output);
            err.flush();
        }
        ExplorationEngine engine = new ExplorationEngine(sampler, evaluator, workers);
        ExplorationEngine.ProgressListener progress = SweepProgress.forTerminal(err, quiet, mappings);
        ExplorationEngine.Summary summary;
        try (CsvResultSink sink = done != null ? CsvResultSink.append(results, plan.parameters(), plan.variantNames())
                : CsvResultSink.create(results, plan.parameters(), plan.variantNames())) {
            CsvResultReader.Done d = done;
            // The engine asks by the sampler's index; a shard's rows are keyed by the point's id in the sweep.
            java.util.function.LongUnaryOperator id = sampler instanceof ShardSampler s ? s::pointId : i -> i;
            summary = d == null ? engine.run(sink, progress)
                    : engine.run(sink, i -> d.point(id.applyAsLong(i)), (i, n) -> d.row(id.applyAsLong(i), n), progress);
        } finally {
            if (progress instanceof SweepProgress p) {
                p.end();
            }
        }
        long rows = finish.getAsLong();
        if (!quiet) {
            err.printf(Locale.ROOT, "sweep: %,d points evaluated%s in %.1f s (%.1f points/s): %,d ok, %,d infeasible,"
                            + " %,d invalid; %,d rows in %s%n", summary.points(),
                    summary.skipped() > 0 ? String.format(Locale.ROOT, " (%,d already done)", summary.skipped()) : "",
                    summary.elapsedNanos() / 1e9, summary.pointsPerSecond(), summary.ok(), summary.infeasible(),
                    summary.invalid(), rows, output);
            err.printf(Locale.ROOT, "sweep: %s (mapper %s; a mapping is reused by every point with the same "
                    + "mapping problem)%n", SweepProgress.mappings(mappings.solved(), mappings.reused()),
                    mappings.name());
            err.flush();
        }
        return rows;
    }

    private Integer dryRun(SweepSetup setup, Sampler sampler, PointEvaluator evaluator, PrintWriter out,
                           PrintWriter err) {
        long total = sampler.size();
        long invalid = 0;
        for (long i = 0; i < total; i++) {
            DesignPoint p = sampler.point(i);
            Optional<String> problem = evaluator.check(p);
            out.println(p.id() + "\t" + p.describe(setup.plan.parameters(), setup.plan.variants()) + "\t"
                    + problem.map(r -> "invalid: " + r).orElse("ok"));
            if (problem.isPresent()) {
                invalid++;
            }
        }
        out.flush();
        err.printf(Locale.ROOT, "sweep: %s: %,d points (%s) x %d network(s); %,d valid, %,d invalid (dry run: nothing "
                + "evaluated)%n", setup.plan.name(), total, sampler.name(), setup.networks.size(), total - invalid,
                invalid);
        err.flush();
        return ExitCodes.OK;
    }

    /** The front's default file: the output with .pareto.csv instead of .csv. */
    public static Path paretoPath(Path output) {
        String name = output.getFileName().toString();
        String base = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return output.resolveSibling(base + ".pareto.csv");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
