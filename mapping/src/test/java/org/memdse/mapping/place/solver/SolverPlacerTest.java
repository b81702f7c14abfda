package org.memdse.mapping.place.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.place.SequentialPlacer;
import org.optaplanner.core.config.solver.EnvironmentMode;

class SolverPlacerTest {
    private static final ChunkLevels ISAAC = ChunkLevels.of(96, 32, 8);

    private static MapperOptions steps(long seed, long steps) {
        return MapperOptions.DEFAULT.withSeed(seed).withStepLimit(steps);
    }

    @Test
    void aSolveFromScratchUnderFullAssert() {
        // No start: first-fit-decreasing builds the placement, the repair phase and the annealing
        // follow. FULL_ASSERT recomputes the score from scratch after every move and compares the
        // incremental calculator with the constraint streams.
        MappingProblem p = BundledProblems.problem("fig4-hybrid", "mlp-mnist");
        PlacementResult r = new SolverPlacer(EnvironmentMode.FULL_ASSERT).place(p.topology(), p.traffic(),
                List.of(), new PlacementWeights(1, 1000, 1), ChunkLevels.of(8, 1), steps(1, 2000));
        assertThat(r.feasible()).as("%s", r.violations()).isTrue();
        assertThat(p.objectives().capacityViolations(r.endpointOfUnit())).isEmpty();
    }

    @Test
    void theAnnealingPhaseUnderFullAssertFromTwoStarts() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "vgg8-cifar10");
        int[] seq = SequentialPlacer.place(p).orElseThrow();
        int[] other = ChainCutConstruction.place(p.topology(), p.traffic(), SolverPlacer.zones(p.topology()), seq,
                1e4, 8).orElseThrow();
        PlacementResult r = new SolverPlacer(EnvironmentMode.FULL_ASSERT).place(p.topology(), p.traffic(),
                List.of(seq, other), PlacementWeights.defaults(p.objectives().trafficHops(seq)), ISAAC,
                steps(2, 20_000));
        assertThat(r.feasible()).isTrue();
        assertThat(p.objectives().trafficHops(r.endpointOfUnit())).isLessThan(p.objectives().trafficHops(seq));
    }

    @Test
    void aCompleteStartIsAnnealedWithoutASolverToWhatTheSolverGives() {
        // The default environment anneals a complete start directly; FULL_ASSERT runs the same
        // phase through OptaPlanner (which keeps a result only if it beats the start). Both from
        // the sequential and chain-cut starts, same seed and steps: the same placement and score.
        MappingProblem p = BundledProblems.problem("isaac-ce", "resnet18");
        int[] seq = SequentialPlacer.place(p).orElseThrow();
        int[] other = ChainCutConstruction.place(p.topology(), p.traffic(), SolverPlacer.zones(p.topology()), seq,
                1e4, 8).orElseThrow();
        PlacementWeights w = PlacementWeights.defaults(p.objectives().trafficHops(seq));
        PlacementResult direct = new SolverPlacer().place(p.topology(), p.traffic(), List.of(seq, other), w, ISAAC,
                steps(5, 30_000));
        PlacementResult solver = new SolverPlacer(EnvironmentMode.FULL_ASSERT).place(p.topology(), p.traffic(),
                List.of(seq, other), w, ISAAC, steps(5, 30_000));
        assertThat(direct.endpointOfUnit()).isEqualTo(solver.endpointOfUnit());
        assertThat(direct.softScore()).isEqualTo(solver.softScore());
        assertThat(direct.softScore()).isGreaterThan(new SolverPlacer().place(p.topology(), p.traffic(),
                List.of(seq), w, ISAAC, steps(5, 1)).softScore());
    }

    @Test
    void theSameSeedGivesTheSamePlacementAndAnotherSeedAnotherSearch() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "vgg8-cifar10");
        Optional<int[]> seq = SequentialPlacer.place(p);
        int[] first = new SolverPlacer().place(p.topology(), p.traffic(), seq, ISAAC, steps(7, 50_000)).endpointOfUnit();
        int[] second = new SolverPlacer().place(p.topology(), p.traffic(), seq, ISAAC, steps(7, 50_000)).endpointOfUnit();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theResultDoesNotDependOnTheSearchesRunningSideBySide() {
        // Each search's result depends only on its start and seed: two searches in parallel give
        // what the better of the two gives alone, so the number of cores cannot change the result.
        MappingProblem p = BundledProblems.problem("isaac-ce", "vgg8-cifar10");
        int[] seq = SequentialPlacer.place(p).orElseThrow();
        PlacementWeights w = PlacementWeights.defaults(p.objectives().trafficHops(seq));
        PlacementResult both = new SolverPlacer().place(p.topology(), p.traffic(), List.of(seq), w, ISAAC,
                steps(11, 30_000).withThreads(2));
        PlacementResult one = new SolverPlacer().place(p.topology(), p.traffic(), List.of(seq), w, ISAAC,
                steps(11, 30_000).withThreads(1));
        PlacementResult other = new SolverPlacer().place(p.topology(), p.traffic(), List.of(seq), w, ISAAC,
                steps(12, 30_000).withThreads(1));
        PlacementResult better = one.softScore() >= other.softScore() ? one : other;
        assertThat(both.endpointOfUnit()).isEqualTo(better.endpointOfUnit());
    }

    @Test
    void theTrafficScoreEqualsTheObjectiveCalculator() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "resnet18");
        PlacementResult r = new SolverPlacer().place(p.topology(), p.traffic(), SequentialPlacer.place(p), ISAAC,
                steps(3, 20_000));
        double reference = p.objectives().trafficHops(r.endpointOfUnit());
        // Each flow's penalty is rounded once to a milli-bit-hop.
        assertThat(r.trafficHops()).isCloseTo(reference, within(0.0005 * p.traffic().flows().size()));
        assertThat(r.trafficHops()).isPositive();
    }

    @Test
    void aTimeLimitStillReturnsAFeasiblePlacementNoWorseThanTheStart() {
        // Whatever the clock allows, the annealing only keeps improvements.
        MappingProblem p = BundledProblems.problem("isaac-ce", "vgg8-cifar10");
        int[] seq = SequentialPlacer.place(p).orElseThrow();
        PlacementResult r = new SolverPlacer().place(p.topology(), p.traffic(), Optional.of(seq), ISAAC,
                MapperOptions.DEFAULT.withTimeLimit(Duration.ofNanos(1)));
        assertThat(p.objectives().capacityViolations(r.endpointOfUnit())).isEmpty();
        assertThat(p.objectives().trafficHops(r.endpointOfUnit())).isLessThanOrEqualTo(p.objectives().trafficHops(seq));
    }

    @Test
    void anOverfullPlacementIsExplainedTileByTile() {
        MappingProblem p = BundledProblems.problem("fig4-hybrid", "lenet5");
        int firstTile = p.topology().endpointsOf(ResourceKind.CIM_TILE).get(0);
        int[] allOnOneTile = new int[p.partition().unitCount()];
        Arrays.fill(allOnOneTile, firstTile);
        int crossbars = p.topology().capacity(firstTile).crossbars();
        var solution = SolverPlacer.toSolution(p.topology(), p.traffic(), Optional.of(allOnOneTile),
                new PlacementWeights(1, 1000, 1), 1);
        List<String> violations = SolverPlacer.violations(solution);
        assertThat(p.partition().unitCount()).isGreaterThan(crossbars);
        assertThat(violations).anyMatch(v -> v.matches(Pattern.quote(p.topology().endpoint(firstTile).toString())
                + " holds \\d+ crossbars, has " + crossbars));
    }

    @Test
    void aStartThatBreaksACapacityIsRepaired() {
        MappingProblem p = BundledProblems.problem("fig4-hybrid", "lenet5");
        int firstTile = p.topology().endpointsOf(ResourceKind.CIM_TILE).get(0);
        int[] allOnOneTile = new int[p.partition().unitCount()];
        Arrays.fill(allOnOneTile, firstTile);
        PlacementResult r = new SolverPlacer().place(p.topology(), p.traffic(), List.of(allOnOneTile),
                new PlacementWeights(1, 1000, 1), ChunkLevels.of(1), steps(1, 1000));
        assertThat(r.feasible()).as("%s", r.violations()).isTrue();
        assertThat(p.objectives().capacityViolations(r.endpointOfUnit())).isEmpty();
    }

    @Test
    void theDefaultBudgetGrowsWithTheProblem() {
        assertThat(SolverPlacer.defaultSteps(1)).isEqualTo(SolverPlacer.MIN_STEPS);
        assertThat(SolverPlacer.defaultSteps(879)).isEqualTo(879 * SolverPlacer.STEPS_PER_ENTITY);
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
