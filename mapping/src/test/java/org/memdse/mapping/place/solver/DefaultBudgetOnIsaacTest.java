package org.memdse.mapping.place.solver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.MappingReport;
import org.memdse.mapping.SolverMapper;

/**
 * Issue 13's acceptance figures with the default budget (counted in steps, so the check does not
 * depend on the machine): traffic × hops at most 0.65× the sequential baseline on ResNet-18 and
 * 0.60× on ResNet-50 (ISAAC-CE), tiles used at the lower bound, and MobileNetV2 better than the
 * baseline.
 */
class DefaultBudgetOnIsaacTest {
    private static MappingReport solve(String network) {
        MappingOutcome out = new SolverMapper().map(BundledProblems.architecture("isaac-ce"),
                BundledProblems.network(network), MapperOptions.DEFAULT);
        assertThat(out).isInstanceOf(MappingOutcome.Mapped.class);
        return ((MappingOutcome.Mapped) out).mapping().report();
    }

    @Test
    void resNet18IsAtMostSixtyFivePercentOfTheSequentialTrafficOnTheLowerBoundTiles() {
        MappingReport r = solve("resnet18");
        assertThat(r.feasible()).isTrue();
        assertThat(r.objective().trafficHops()).isLessThanOrEqualTo(0.65 * r.baseline().trafficHops());
        assertThat(r.objective().tilesUsed()).isEqualTo(r.lowerBound().tilesUsed());
    }

    @Test
    void resNet50IsAtMostSixtyPercentOfTheSequentialTraffic() {
        MappingReport r = solve("resnet50");
        assertThat(r.feasible()).isTrue();
        assertThat(r.objective().trafficHops()).isLessThanOrEqualTo(0.60 * r.baseline().trafficHops());
        assertThat(r.objective().tilesUsed()).isEqualTo(r.lowerBound().tilesUsed());
    }

    @Test
    void mobileNetV2ImprovesOnTheSequentialCuts() {
        MappingReport r = solve("mobilenetv2");
        assertThat(r.feasible()).isTrue();
        // The chain-cut start moves the first cut out of an expanded depthwise layer.
        assertThat(r.objective().trafficHops()).isLessThanOrEqualTo(0.5 * r.baseline().trafficHops());
        assertThat(r.objective().tilesUsed()).isLessThanOrEqualTo(r.baseline().tilesUsed());
    }
}
