package org.memdse.mapping;

import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;

/**
 * The mapper contract for the solver under its default budget: counted in steps and sized to the
 * problem, so the result does not depend on CPU speed.
 */
class SolverMapperContractTest extends MapperContractTest {
    @Override
    protected Mapper mapper() {
        return new SolverMapper();
    }

    @Override
    protected MapperOptions options(long seed) {
        return MapperOptions.DEFAULT.withSeed(seed);
    }

    @Override
    protected int cases() {
        return 20;
    }
}
