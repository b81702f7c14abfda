package org.memdse.mapping.place.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.place.SequentialPlacer;

class ChainCutConstructionTest {
    @Test
    void mobileNetV2CutsAtTheBottlenecksInsteadOfInsideADepthwiseLayer() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "mobilenetv2");
        int[] seq = SequentialPlacer.place(p).orElseThrow();
        double tileBits = 0.1 * p.objectives().trafficHops(seq);
        int[] cut = ChainCutConstruction.place(p.topology(), p.traffic(), SolverPlacer.zones(p.topology()), seq,
                tileBits, 8).orElseThrow();
        assertThat(p.objectives().capacityViolations(cut)).isEmpty();
        assertThat(p.objectives().trafficHops(cut)).isLessThan(0.5 * p.objectives().trafficHops(seq));
        assertThat(p.objectives().evaluate(cut).tilesUsed()).isEqualTo(p.objectives().evaluate(seq).tilesUsed());
    }

    @Test
    void unitsThatAreNotCrossbarBlocksKeepTheirPlace() {
        MappingProblem p = BundledProblems.problem("fig4-hybrid", "fig4-hybrid");
        int[] seq = SequentialPlacer.place(p).orElseThrow();
        int[] cut = ChainCutConstruction.place(p.topology(), p.traffic(), SolverPlacer.zones(p.topology()), seq,
                1e3, 8).orElseThrow();
        assertThat(p.objectives().capacityViolations(cut)).isEmpty();
        for (var u : p.partition().units()) {
            if (!(u instanceof org.memdse.core.mapping.CrossbarBlock)) {
                assertThat(cut[u.id()]).as("%s", u).isEqualTo(seq[u.id()]);
            }
        }
    }

    @Test
    void thePathStepsToANeighbouringZone() {
        MappingProblem p = BundledProblems.problem("isaac-ce", "lenet5");
        var zones = SolverPlacer.zones(p.topology());
        var path = ChainCutConstruction.zonePath(p.topology(), zones, new double[p.topology().endpointCount()]);
        assertThat(path).hasSize(42);
        int oneHop = 0;
        for (int k = 1; k < path.size(); k++) {
            oneHop += p.topology().hops(path.get(k - 1)[0], path.get(k)[0]) == 1 ? 1 : 0;
        }
        // A 7 x 6 mesh walked row by row, back and forth: every step is one hop.
        assertThat(oneHop).isEqualTo(41);
    }
}
