package org.memdse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.mapping.place.LowerBounds;
import org.memdse.mapping.place.RandomPlacer;
import org.memdse.mapping.place.SequentialPlacer;

/**
 * The traffic lower bound is a bound: on seeded random networks and systems it is never above
 * the traffic × hops of any placement found, whether sequential, random (ten seeds each) or the
 * solver's (which pushes hardest against it).
 */
class TrafficBoundTest {
    static Stream<Long> seeds() {
        return LongStream.range(0, 120).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noPlacementBeatsTheBound(long seed) {
        var prep = MappingProblem.prepare(RandomCases.architecture(seed), RandomCases.network(seed));
        if (!(prep instanceof MappingProblem.Ready ready)) {
            return;
        }
        MappingProblem p = ready.problem();
        double bound = LowerBounds.trafficHops(p);
        assertThat(bound).as("seed %d", seed).isFinite().isNotNegative();
        List<int[]> placements = new ArrayList<>();
        SequentialPlacer.place(p).ifPresent(placements::add);
        for (long s = 0; s < 10; s++) {
            RandomPlacer.place(p, seed * 31 + s).ifPresent(placements::add);
        }
        for (int[] placement : placements) {
            assertThat(bound).as("seed %d", seed)
                    .isLessThanOrEqualTo(p.objectives().trafficHops(placement) * (1 + 1e-12) + 1e-9);
        }
        MappingOutcome solved = new SolverMapper().map(RandomCases.architecture(seed), RandomCases.network(seed),
                MapperOptions.DEFAULT.withSeed(seed));
        if (solved instanceof MappingOutcome.Mapped m) {
            double found = m.mapping().report().objective().trafficHops();
            assertThat(m.mapping().report().lowerBound().trafficHops()).isEqualTo(bound);
            assertThat(bound).as("seed %d", seed).isLessThanOrEqualTo(found * (1 + 1e-12) + 1e-9);
        }
    }
}
