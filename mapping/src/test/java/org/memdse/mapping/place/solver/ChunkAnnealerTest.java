package org.memdse.mapping.place.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.place.SequentialPlacer;
import org.memdse.mapping.place.solver.domain.PlacementSolution;
import org.memdse.mapping.place.solver.domain.UnitAssignment;
import org.memdse.mapping.place.solver.score.PlacementScoreCalculator;

class ChunkAnnealerTest {
    private static PlacementSolution solution(MappingProblem p, int[] start) {
        return SolverPlacer.toSolution(p.topology(), p.traffic(), Optional.of(start),
                PlacementWeights.defaults(p.objectives().trafficHops(start)), 8);
    }

    private static int[] units(MappingProblem p, PlacementSolution s, int[] entityEndpoints) {
        int[] out = new int[p.partition().unitCount()];
        for (int i = 0; i < entityEndpoints.length; i++) {
            for (MappingUnit u : s.getAssignments().get(i).getUnits()) {
                out[u.id()] = entityEndpoints[i];
            }
        }
        return out;
    }

    @Test
    void itsRunningScoreIsTheSolversScoreAfterThousandsOfMoves() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "resnet18");
        int[] seq = SequentialPlacer.place(p).orElseThrow();
        PlacementSolution s = solution(p, seq);
        ChunkAnnealer annealer = new ChunkAnnealer(s, null);
        SplittableRandom random = new SplittableRandom(5);
        for (int level : new int[] {96, 32, 8}) {
            annealer.regroup(level);
            annealer.anneal(30_000, 0.01 * annealer.trafficSoft(), random, Long.MAX_VALUE);
            annealer.descend(2);
        }
        int[] endpoints = annealer.entityEndpoints();
        for (int i = 0; i < endpoints.length; i++) {
            UnitAssignment a = s.getAssignments().get(i);
            a.setSlot(s.getSlots().get(endpoints[i]));
        }
        PlacementScoreCalculator exact = new PlacementScoreCalculator();
        exact.resetWorkingSolution(s);
        // The exact score rounds each flow once to a soft unit; the annealer sums doubles.
        assertThat(annealer.softScore()).isCloseTo(-exact.calculateScore().softScore(),
                within(1.0 * s.getFlows().size() + 1e-9 * annealer.softScore()));
        int[] placement = units(p, s, endpoints);
        assertThat(p.objectives().capacityViolations(placement)).isEmpty();
        assertThat(p.objectives().trafficHops(placement)).isLessThan(0.8 * p.objectives().trafficHops(seq));
        assertThat(p.objectives().evaluate(placement).tilesUsed()).isEqualTo(p.objectives().evaluate(seq).tilesUsed());
    }

    @Test
    void regroupingBundlesALayersEntitiesOnOneTileUpToTheLevel() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "resnet18");
        PlacementSolution s = solution(p, SequentialPlacer.place(p).orElseThrow());
        ChunkAnnealer annealer = new ChunkAnnealer(s, null);
        int entities = annealer.chunkCount();
        annealer.regroup(96);
        int tiles = annealer.chunkCount();
        annealer.regroup(8);
        assertThat(entities).isEqualTo(s.getAssignments().size());
        assertThat(annealer.chunkCount()).isEqualTo(entities);
        // 3,115 blocks on 33 tiles of 96 crossbars: at most a few chunks per tile.
        assertThat(tiles).isLessThan(entities / 4).isGreaterThanOrEqualTo(33);
    }

    @Test
    void withoutStepsNothingMoves() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "vgg8-cifar10");
        PlacementSolution s = solution(p, SequentialPlacer.place(p).orElseThrow());
        ChunkAnnealer annealer = new ChunkAnnealer(s, null);
        int[] before = annealer.entityEndpoints();
        assertThat(annealer.anneal(0, 1e6, new SplittableRandom(1), Long.MAX_VALUE)).isZero();
        assertThat(annealer.entityEndpoints()).isEqualTo(before);
    }
}
