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
 */
public record MapperOptions(long seed, Duration timeLimit, OptionalLong stepLimit, int threads) {
    public static final MapperOptions DEFAULT = new MapperOptions(42, Duration.ofSeconds(2), OptionalLong.empty(), 1);

    public MapperOptions {
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(stepLimit, "stepLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
    }

    public MapperOptions withSeed(long newSeed) {
        return new MapperOptions(newSeed, timeLimit, stepLimit, threads);
    }

    public MapperOptions withStepLimit(long steps) {
        return new MapperOptions(seed, timeLimit, OptionalLong.of(steps), threads);
    }

    public MapperOptions withTimeLimit(Duration limit) {
        return new MapperOptions(seed, limit, stepLimit, threads);
    }
}
