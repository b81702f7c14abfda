package org.memdse.core.mapping;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a mapper runs. A solver's budget is counted in steps, so that the same options give the
 * same mapping on any machine: the step limit if given, otherwise a default the solver sizes to
 * the problem. A wall-clock limit applies only when one is given (then the solver stops at
 * whichever comes first, and the result may depend on the machine).
 *
 * @param seed        random seed (same seed, same budget, same mapping)
 * @param timeLimit   wall-clock budget, only if the user asked for one
 * @param stepLimit   search steps, if not the solver's default for the problem
 * @param threads     independent searches a solver runs side by side (seeds {@code seed},
 *                    {@code seed + 1}, …), keeping the best; the result depends on this number,
 *                    never on the cores the machine has
 * @param replication whether layers are copied onto spare crossbars to balance the pipeline
 */
public record MapperOptions(long seed, Optional<Duration> timeLimit, OptionalLong stepLimit, int threads,
                            Replication replication) {
    /** Two searches: this machine class has two cores, and the better of two seeds is steadier. */
    public static final int DEFAULT_THREADS = 2;

    /**
     * The most solver steps a search may take without a wall-clock limit. The annealing runs 7 to
     * 20 million steps a second on this 2-core machine class (ResNet-18 on isaac-ce: 200 million
     * steps in 29 s with other builds sharing the cores, 2026-12-06), so a billion is a few
     * minutes of search, and a mistyped {@code 99999999999999} would be weeks. Beyond it a time
     * limit must bound the search.
     */
    public static final long MAX_UNTIMED_STEPS = 1_000_000_000L;

    /**
     * Why {@code steps} cannot be a search budget (with or without a time limit), or null if it can:
     * the message names the option as the user wrote it ({@code --steps}, {@code mapper.steps}).
     */
    public static String stepLimitProblem(String option, long steps, boolean timeLimited) {
        if (steps < 1) {
            return option + " must be at least 1, found " + steps;
        }
        if (steps > MAX_UNTIMED_STEPS && !timeLimited) {
            return String.format(Locale.ROOT, "%s %,d is more than the %,d steps a search may take without "
                    + "a time limit (millions of steps a second: a billion is minutes); give fewer steps, or a "
                    + "time limit as well to search that long", option, steps, MAX_UNTIMED_STEPS);
        }
        return null;
    }

    public static final MapperOptions DEFAULT = new MapperOptions(42, Optional.empty(), OptionalLong.empty(),
            DEFAULT_THREADS, Replication.NONE);

    /**
     * Weight replication, as ISAAC and PUMA do it: whole copies of a layer's weights on spare
     * crossbars, each copy taking a share of the layer's input vectors, so that the slowest layer of
     * a pipeline gets faster.
     *
     * <p>The default is {@link #NONE}: one copy per layer, the partition that the published figures
     * (NeuroSim-style layer-by-layer mapping) and every result computed before replication existed
     * assume. Replicating changes the partition (more blocks, more tiles, a different baseline and
     * bound) and the evaluated latency and throughput, so it has to be asked for.
     */
    public enum Replication {
        /** One copy of every layer. */
        NONE,
        /**
         * Greedily copy the slowest crossbar layer (most input vectors per copy) while a whole copy
         * fits in the crossbars the network leaves free; SNN populations are never copied.
         */
        BALANCE
    }

    public MapperOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(stepLimit, "stepLimit");
        Objects.requireNonNull(replication, "replication");
        if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
        if (stepLimit.isPresent() && stepLimit.getAsLong() < 1) {
            throw new IllegalArgumentException("stepLimit must be >= 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }

    public MapperOptions withSeed(long newSeed) {
        return new MapperOptions(newSeed, timeLimit, stepLimit, threads, replication);
    }

    public MapperOptions withStepLimit(long steps) {
        return new MapperOptions(seed, timeLimit, OptionalLong.of(steps), threads, replication);
    }

    /** A wall-clock limit on top of the step budget. */
    public MapperOptions withTimeLimit(Duration limit) {
        return new MapperOptions(seed, Optional.of(limit), stepLimit, threads, replication);
    }

    public MapperOptions withThreads(int newThreads) {
        return new MapperOptions(seed, timeLimit, stepLimit, newThreads, replication);
    }

    public MapperOptions withReplication(Replication newReplication) {
        return new MapperOptions(seed, timeLimit, stepLimit, threads, newReplication);
    }
}
