package org.memdse.core.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a sweep: walks the sampler's indexes lazily, evaluates points on a fixed pool of
 * threads with a bounded number in flight (memory does not grow with the sweep), and hands
 * each result to the sink as soon as it is known. A point that fails in an unexpected way
 * becomes an {@link PointResult.Invalid} row; nothing stops the sweep but {@link #cancel()}.
 */
public final class ExplorationEngine {
    private static final Logger LOG = Logger.getLogger(ExplorationEngine.class.getName());

    /** Told after each point; may be called from any worker thread (implementations synchronise). */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(long done, long total, long elapsedNanos);

        ProgressListener NONE = (d, t, e) -> { };
    }

    /**
     * What a run did.
     *
     * @param points    points evaluated in this run
     * @param skipped   points skipped because they were already done (resume)
     * @param rows      results handed to the sink
     * @param ok        rows with status ok
     * @param infeasible rows with status infeasible
     * @param invalid   rows with status invalid
     * @param elapsedNanos wall time
     * @param cancelled whether {@link #cancel()} stopped the run early
     */
    public record Summary(long points, long skipped, long rows, long ok, long infeasible, long invalid,
                          long elapsedNanos, boolean cancelled) {
        /** Design points per second over the run. */
        public double pointsPerSecond() {
            return elapsedNanos > 0 ? points / (elapsedNanos / 1e9) : 0;
        }
    }

    private final Sampler sampler;
    private final PointEvaluator evaluator;
    private final int threads;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public ExplorationEngine(Sampler sampler, PointEvaluator evaluator, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.sampler = sampler;
        this.evaluator = evaluator;
        this.threads = threads;
    }

    /** Stops handing out points; those in flight finish and are written. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Runs every point. */
    public Summary run(ResultSink sink, ProgressListener progress) {
        return run(sink, i -> false, (i, n) -> false, progress);
    }

    /**
     * Runs the points not already done.
     *
     * @param skipPoint  whether a point is already done for every network (resume: not evaluated)
     * @param skipRow    whether a (point, network index) row is already written (resume: not written again)
     * @param progress   told after each point
     */
    public Summary run(ResultSink sink, LongPredicate skipPoint, RowFilter skipRow, ProgressListener progress) {
        long start = System.nanoTime();
        long total = sampler.size();
        AtomicLong done = new AtomicLong();
        AtomicLong evaluated = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong infeasible = new AtomicLong();
        AtomicLong invalid = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long skipped = 0;
        Semaphore inFlight = new Semaphore(threads * 4);
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        List<String> networks = evaluator.networks();
        // Points go out in small batches of consecutive indexes: fewer hand-offs between threads
        // when points are cheap, still many batches per thread when the sweep is small.
        int batch = (int) Math.max(1, Math.min(16, total / (threads * 64L)));
        try {
            long i = 0;
            while (i < total && !cancelled.get()) {
                List<Long> indexes = new ArrayList<>(batch);
                while (i < total && indexes.size() < batch) {
                    if (skipPoint.test(i)) {
                        skipped++;
                        progress.progress(done.incrementAndGet(), total, System.nanoTime() - start);
                    } else {
                        indexes.add(i);
                    }
                    i++;
                }
                if (indexes.isEmpty()) {
                    continue;
                }
                inFlight.acquireUninterruptibly();
                if (cancelled.get()) {
                    inFlight.release();
                    break;
                }
                pool.execute(() -> {
                    try {
                        for (long index : indexes) {
                            if (cancelled.get()) {
                                break;
                            }
                            List<PointResult> results = evaluateSafely(index, networks);
                            evaluated.incrementAndGet();
                            for (int n = 0; n < results.size(); n++) {
                                if (skipRow.test(index, n)) {
                                    continue;
                                }
                                PointResult r = results.get(n);
                                sink.accept(r);
                                rows.incrementAndGet();
                                (r.feasible() ? ok : r instanceof PointResult.Invalid ? invalid : infeasible)
                                        .incrementAndGet();
                            }
                            progress.progress(done.incrementAndGet(), total, System.nanoTime() - start);
                        }
                    } catch (RuntimeException | Error e) {
                        // The sink failed (e.g. the disk is full): stop handing out points. The failure
                        // is rethrown to the caller, which reports it; logging it here as well would
                        // print a stack trace on the console.
                        LOG.log(Level.FINE, "sweep stopped", e);
                        failure.compareAndSet(null, e);
                        cancelled.set(true);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException re) {
            throw re;
        }
        if (failed instanceof Error er) {
            throw er;
        }
        return new Summary(evaluated.get(), skipped, rows.get(), ok.get(), infeasible.get(), invalid.get(),
                System.nanoTime() - start, cancelled.get());
    }

    /** Whether a (point, network index) row is already written. */
    @FunctionalInterface
    public interface RowFilter {
        boolean test(long point, int network);
    }

    private List<PointResult> evaluateSafely(long index, List<String> networks) {
        return evaluateSafely(sampler, evaluator, index, networks);
    }

    /**
     * Evaluates point {@code index} of {@code sampler} as every run does: a point whose evaluation
     * fails becomes an {@code invalid} row per network that names the failure, never a lost row.
     * Other front ends (the Spark job) use it so their rows are this engine's.
     */
    public static List<PointResult> evaluateSafely(Sampler sampler, PointEvaluator evaluator, long index,
                                                   List<String> networks) {
        DesignPoint point = sampler.point(index);
        try {
            List<PointResult> results = evaluator.evaluate(point);
            if (results.size() != networks.size()) {
                throw new IllegalStateException("the evaluator gave " + results.size() + " results for "
                        + networks.size() + " networks");
            }
            return results;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.FINE, "point " + index + " failed", e);
            List<PointResult> out = new ArrayList<>();
            for (String n : networks) {
                out.add(new PointResult.Invalid(point, n, "internal error: " + e));
            }
            return out;
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "memdse-sweep-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
