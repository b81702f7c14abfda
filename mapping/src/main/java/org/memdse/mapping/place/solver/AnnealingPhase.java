package org.memdse.mapping.place.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.memdse.mapping.place.solver.domain.EndpointSlot;
import org.memdse.mapping.place.solver.domain.PlacementSolution;
import org.memdse.mapping.place.solver.domain.UnitAssignment;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * The solver's improvement phase, an OptaPlanner custom phase: from the placement the earlier
 * phases leave, {@code workers} independent {@link ChunkAnnealer} searches (seeds {@code seed},
 * {@code seed + 1}, …) each run, level by level from the coarsest chunks to the finest, simulated
 * annealing then steepest descent; the best result (the first on a tie) goes back into the working
 * solution through the score director.
 *
 * <p>Reproducible: every worker's result depends only on the placement, the levels, the step
 * budget and its seed, never on timing or the number of cores (workers run on their own threads,
 * one per worker whatever the machine has). A deadline, when the user set a time limit, can stop
 * the annealing early; then the result depends on the clock, as the user asked.
 *
 * @param levels              units per chunk, coarsest first (e.g. a tile's crossbars, a third
 *                            of a tile, a macro's)
 * @param steps               annealing candidates per worker, split evenly over the levels
 * @param temperatureFraction the starting temperature of each level as a share of the current
 *                            weighted traffic × hops
 * @param seed                the first worker's seed
 * @param workers             independent searches, run in parallel
 * @param starts              worker {@code w} starts from {@code starts[w mod size]}: an endpoint
 *                            index per entity, or null for the working solution
 * @param deadlineNanos       {@link System#nanoTime()} to stop annealing at, {@link Long#MAX_VALUE} for none
 */
record AnnealingPhase(List<Integer> levels, long steps, double temperatureFraction, long seed, int workers,
                      List<int[]> starts, long deadlineNanos) implements CustomPhaseCommand<PlacementSolution> {

    /** Descent passes after each level's annealing (it ends cold; a pass or two finish it off). */
    static final int DESCENT_PASSES = 5;

    AnnealingPhase {
        levels = List.copyOf(levels);
        starts = starts.isEmpty() ? java.util.Collections.singletonList(null) : new ArrayList<>(starts);
        if (levels.isEmpty() || steps < 0 || workers < 1) {
            throw new IllegalArgumentException("levels, steps >= 0 and workers >= 1 required");
        }
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<PlacementSolution> scoreDirector) {
        PlacementSolution solution = scoreDirector.getWorkingSolution();
        int[] best = search(solution);
        List<UnitAssignment> assignments = solution.getAssignments();
        List<EndpointSlot> slots = solution.getSlots();
        for (int i = 0; i < best.length; i++) {
            UnitAssignment a = assignments.get(i);
            EndpointSlot to = best[i] < 0 ? null : slots.get(best[i]);
            if (to != a.getSlot()) {
                scoreDirector.beforeVariableChanged(a, "slot");
                a.setSlot(to);
                scoreDirector.afterVariableChanged(a, "slot");
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /** Every worker's search; the endpoint of every entity in the best one. */
    int[] search(PlacementSolution solution) {
        if (workers == 1) {
            return run(solution, starts.get(0), seed).endpoints();
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "memdse-annealing");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                long workerSeed = seed + w;
                int[] start = starts.get(w % starts.size());
                futures.add(pool.submit(() -> run(solution, start, workerSeed)));
            }
            Result best = null;
            for (Future<Result> f : futures) {
                Result r = f.get();
                if (best == null || r.softScore() < best.softScore()) {
                    best = r;
                }
            }
            return best.endpoints();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("annealing interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("annealing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Result run(PlacementSolution solution, int[] start, long workerSeed) {
        ChunkAnnealer annealer = new ChunkAnnealer(solution, start);
        SplittableRandom random = new SplittableRandom(workerSeed);
        long perLevel = steps / levels.size();
        for (int level : levels) {
            annealer.regroup(level);
            annealer.anneal(perLevel, temperatureFraction * annealer.trafficSoft(), random, deadlineNanos);
            annealer.descend(DESCENT_PASSES);
        }
        annealer.regroup(1);
        return new Result(annealer.entityEndpoints(), annealer.softScore());
    }

    /** A worker's placement and its weighted soft penalty (lower is better). */
    private record Result(int[] endpoints, double softScore) {
    }
}
