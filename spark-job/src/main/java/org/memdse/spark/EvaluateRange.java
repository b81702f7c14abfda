package org.memdse.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.memdse.cli.SweepSetup;
import org.memdse.core.explore.ExplorationEngine;
import org.memdse.core.explore.PointEvaluator;
import org.memdse.core.explore.PointResult;
import org.memdse.report.csv.CsvResultSink;

/**
 * The task: evaluates the sweep's points {@code [from, to)} with the engine of {@code memdse
 * sweep} and returns them as CSV rows. Each executor JVM reads the sweep once (its files at the
 * driver's paths: a shared file system, or bundled ids) and checks that it read the driver's
 * sweep (the fingerprint of the documents), then keeps its evaluator, with its mapping and
 * pricing caches, for every task it runs.
 */
final class EvaluateRange implements Function<long[], PartitionRows> {
    private static final long serialVersionUID = 1L;

    /** Per executor JVM: the prepared sweep and its evaluator, by sweep and fingerprint. */
    private static final Map<String, Prepared> PREPARED = new ConcurrentHashMap<>();

    private final String sweep;
    private final String fingerprint;
    private final ArrayList<String> objectiveKeys;
    private final int failFirstAttemptOf;

    /**
     * @param failFirstAttemptOf a partition whose first attempt fails on purpose (fault injection, to
     *                           show that Spark retries a task and the rows stay the same); -1: none
     */
    EvaluateRange(String sweep, String fingerprint, List<String> objectiveKeys, int failFirstAttemptOf) {
        this.sweep = sweep;
        this.fingerprint = fingerprint;
        this.objectiveKeys = new ArrayList<>(objectiveKeys);
        this.failFirstAttemptOf = failFirstAttemptOf;
    }

    private record Prepared(SweepSetup setup, PointEvaluator evaluator) {
    }

    @Override
    public PartitionRows call(long[] range) {
        TaskContext task = TaskContext.get();
        if (task != null && task.partitionId() == failFirstAttemptOf && task.attemptNumber() == 0) {
            throw new IllegalStateException("memdse: partition " + failFirstAttemptOf + " fails its first attempt "
                    + "(spark.memdse.faultInjection.failFirstAttemptOf)");
        }
        Prepared p = PREPARED.computeIfAbsent(sweep + "\n" + fingerprint, k -> prepare());
        List<String> networks = p.setup().networkNames();
        List<PointResult> results = new ArrayList<>((int) (range[1] - range[0]) * networks.size());
        long ok = 0;
        long infeasible = 0;
        long invalid = 0;
        for (long i = range[0]; i < range[1]; i++) {
            for (PointResult r : ExplorationEngine.evaluateSafely(p.setup().sampler(), p.evaluator(), i, networks)) {
                results.add(r);
                if (r.feasible()) {
                    ok++;
                } else if (r instanceof PointResult.Invalid) {
                    invalid++;
                } else {
                    infeasible++;
                }
            }
        }
        String rows = CsvResultSink.format(results, p.setup().plan().parameters(), p.setup().plan().variantNames());
        return new PartitionRows(rows, results.size(), ok, infeasible, invalid);
    }

    private Prepared prepare() {
        SweepSetup setup = SweepSetup.prepare(sweep);
        String here = setup.documents().fingerprint(objectiveKeys);
        if (!here.equals(fingerprint)) {
            throw new IllegalStateException("memdse: the sweep " + sweep + " read on this executor is not the one the "
                    + "driver read (fingerprint " + here + ", driver " + fingerprint + "): its files differ between "
                    + "the machines; put them on a file system every node shares");
        }
        return new Prepared(setup, setup.evaluator());
    }
}
