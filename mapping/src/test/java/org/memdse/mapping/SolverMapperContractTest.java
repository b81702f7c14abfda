package org.memdse.mapping;

import java.time.Duration;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;

/**
 * The mapper contract for the solver, step-limited so that the result does not depend on CPU
 * speed (the time limit is only a safety net).
 */
class SolverMapperContractTest extends MapperContractTest {
    @Override
    protected Mapper mapper() {
        return new SolverMapper();
    }

    @Override
    protected MapperOptions options(long seed) {
        return MapperOptions.DEFAULT.withSeed(seed).withTimeLimit(Duration.ofMinutes(5)).withStepLimit(300);
    }

    @Override
    protected int cases() {
        return 20;
    }
}
