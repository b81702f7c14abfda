package org.memdse.mapping.place.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.place.SequentialPlacer;
import org.optaplanner.core.config.solver.EnvironmentMode;

class SolverPlacerTest {
    /** Step-limited; the time limit is only a safety net. */
    private static MapperOptions steps(long seed, long steps) {
        return MapperOptions.DEFAULT.withSeed(seed).withTimeLimit(Duration.ofMinutes(5)).withStepLimit(steps);
    }

    @Test
    void tinySolveUnderFullAssert() {
        // No warm start: first-fit-decreasing builds the placement, then local search. FULL_ASSERT
        // recomputes the score from scratch after every move and fails on any incremental drift.
        MappingProblem p = BundledProblems.problem("fig4-hybrid", "mlp-mnist");
        PlacementResult r = new SolverPlacer(EnvironmentMode.FULL_ASSERT).place(p.topology(), p.traffic(),
                Optional.empty(), new PlacementWeights(1, 1000, 1), 8, steps(1, 300));
        assertThat(r.feasible()).as("%s", r.violations()).isTrue();
        assertThat(p.objectives().capacityViolations(r.endpointOfUnit())).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSamePlacement() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "vgg8-cifar10");
        Optional<int[]> seq = SequentialPlacer.place(p);
        int[] first = new SolverPlacer().place(p.topology(), p.traffic(), seq, 32, steps(7, 2000)).endpointOfUnit();
        int[] second = new SolverPlacer().place(p.topology(), p.traffic(), seq, 32, steps(7, 2000)).endpointOfUnit();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theTrafficScoreEqualsTheObjectiveCalculator() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "resnet18");
        PlacementResult r = new SolverPlacer().place(p.topology(), p.traffic(), SequentialPlacer.place(p), 32,
                steps(3, 500));
        double reference = p.objectives().trafficHops(r.endpointOfUnit());
        // Each (flow, zone pair) term is rounded to a milli-bit-hop: at most 0.0005 bit-hop each.
        assertThat(r.trafficHops()).isCloseTo(reference, within(1.0));
        assertThat(r.trafficHops()).isPositive();
    }

    @Test
    void anOverfullStartIsReportedTileByTile() {
        MappingProblem p = BundledProblems.problem("fig4-hybrid", "lenet5");
        int firstTile = p.topology().endpointsOf(ResourceKind.CIM_TILE).get(0);
        int[] allOnOneTile = new int[p.partition().unitCount()];
        Arrays.fill(allOnOneTile, firstTile);
        int blocks = p.partition().unitCount();
        int crossbars = p.topology().capacity(firstTile).crossbars();
        // One step cannot repair it: the hard score and the justification say what is wrong.
        PlacementResult r = new SolverPlacer().place(p.topology(), p.traffic(), Optional.of(allOnOneTile),
                new PlacementWeights(1, 1000, 1), 1, steps(1, 1));
        assertThat(r.hardScore()).isNegative();
        assertThat(r.violations()).anyMatch(v -> v.matches(Pattern.quote(p.topology().endpoint(firstTile).toString())
                + " holds \\d+ crossbars, has " + crossbars));
        assertThat(blocks).isGreaterThan(crossbars);
    }

    @Test
    void hopZonesGroupTheTilesOfOneRouter() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "lenet5");
        var zones = SolverPlacer.zones(p.topology());
        // ISAAC-CE: 168 tiles, 4 per router.
        assertThat(zones.stream().distinct().count()).isEqualTo(42);
        for (int a = 0; a < zones.size(); a++) {
            for (int b = 0; b < zones.size(); b++) {
                assertThat(zones.get(a).hopsTo(zones.get(b))).isEqualTo(p.topology().hops(a, b));
            }
        }
    }
}
