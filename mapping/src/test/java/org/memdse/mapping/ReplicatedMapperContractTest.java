package org.memdse.mapping;

import org.junit.jupiter.api.Nested;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MapperOptions.Replication;

/**
 * The mapper contract with weight replication on ({@link Replication#BALANCE}): the random cases
 * then fill most of their spare crossbars with copies, so capacities are tight and every copy of a
 * layer must hold its weights exactly once.
 */
class ReplicatedMapperContractTest {

    @Nested
    class Sequential extends MapperContractTest {
        @Override
        protected Mapper mapper() {
            return new SequentialMapper();
        }

        @Override
        protected MapperOptions options(long seed) {
            return super.options(seed).withReplication(Replication.BALANCE);
        }
    }

    @Nested
    class Random extends MapperContractTest {
        @Override
        protected Mapper mapper() {
            return new RandomMapper();
        }

        @Override
        protected MapperOptions options(long seed) {
            return super.options(seed).withReplication(Replication.BALANCE);
        }
    }

    @Nested
    class Solver extends MapperContractTest {
        @Override
        protected Mapper mapper() {
            return new SolverMapper();
        }

        @Override
        protected MapperOptions options(long seed) {
            return MapperOptions.DEFAULT.withSeed(seed).withStepLimit(300)
                    .withReplication(Replication.BALANCE);
        }

        @Override
        protected int cases() {
            return 20;
        }
    }
}
