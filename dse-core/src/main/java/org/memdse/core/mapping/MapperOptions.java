package org.memdse.core.mapping;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a mapper runs. A solver stops at the first of the time limit and the step limit; tests
 * use a step limit (CPU speed does not change the result), the command line a time limit.
 *
 * @param seed               random seed (same seed, same mapping)
 * @param timeLimit          wall-clock budget
 * @param stepLimit          local-search steps, if limited
 * @param threads            solver threads (1 = reproducible)
 * @param replication        whether layers are copied onto spare crossbars to balance the pipeline
 */
public record MapperOptions(long seed, Duration timeLimit, OptionalLong stepLimit, int threads,
                            Replication replication) {
    public static final MapperOptions DEFAULT = new MapperOptions(42, Duration.ofSeconds(2), OptionalLong.empty(), 1,
            Replication.NONE);

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
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }

    /** Options without replication (the form before replication existed). */
    public MapperOptions(long seed, Duration timeLimit, OptionalLong stepLimit, int threads) {
        this(seed, timeLimit, stepLimit, threads, Replication.NONE);
    }

    public MapperOptions withSeed(long newSeed) {
        return new MapperOptions(newSeed, timeLimit, stepLimit, threads, replication);
    }

    public MapperOptions withStepLimit(long steps) {
        return new MapperOptions(seed, timeLimit, OptionalLong.of(steps), threads, replication);
    }

    public MapperOptions withTimeLimit(Duration limit) {
        return new MapperOptions(seed, limit, stepLimit, threads, replication);
    }

    public MapperOptions withReplication(Replication newReplication) {
        return new MapperOptions(seed, timeLimit, stepLimit, threads, newReplication);
    }
}
