package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.memdse.cost.evaluator.PassFixtures.FC;
import static org.memdse.cost.evaluator.PassFixtures.IN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.eval.NetworkLoad;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.LinkLoad;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.Placement;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.TrafficEdge;
import org.memdse.core.spec.SpecSource;

/** The contention pass alone: a 1 GHz link clock, the input layer's data over one link to fc. */
class ContentionPassTest {
    private static final double CYCLE = 1e-9;

    /** The input sends {@code bits} over link 0 (router 0 to 1) while it works for {@code workS}, on {@code flit}-bit links. */
    private static EvaluationLedger run(int flit, double bits, double workS) {
        String yaml = TinyChip.yaml("tiny", "", "0 W", PassFixtures.ACTIVATION_UNIT)
                .replace("    flit: 32 bit\n", "    flit: " + flit + " bit\n");
        Architecture a = ArchitectureReader.read(SpecSource.ofText("tiny.yaml", yaml));
        NetworkGraph g = PassFixtures.fcNetwork(false);
        TrafficEdge edge = g.edges().get(0);
        Mapping m = new Mapping(a.name(), "fc", List.of(new CrossbarBlock(0, "fc", 0, 0, 0, 0, 4, 0, 2, 0, 1, 1)),
                List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0), new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1)),
                List.of(new Placement(0, 1)), List.of(new Route(edge.id(), 0, 1, bits, List.of(0))),
                List.of(new LinkLoad(0, 0, 1, bits)), PassFixtures.report());
        MappedNetwork view = MappedNetwork.of(ArchitectureCosts.of(a, PassFixtures.REGISTRY), g, m, OpConvention.INT8);
        EvaluationLedger l = new EvaluationLedger(view.size());
        l.addDuration(IN, LatencyCause.ARRAY, workS);
        new ContentionPass().run(view, l);
        return l;
    }

    @Test
    void aLinkBelowSaturationAddsTheMd1WaitOfItsUtilisation() {
        // 40 bits = 2 flits of 32 over 10 ns: rho = 2 x 1 ns / 10 ns = 0.2; W = rho / (2 (1 - rho)) cycles = 0.125 ns
        EvaluationLedger l = run(32, 40, 10e-9);
        assertThat(l.networkLoad().maxUtilisation()).isCloseTo(0.2, withinPercentage(1e-9));
        assertThat(l.networkLoad().meanUtilisation()).isCloseTo(0.2, withinPercentage(1e-9));
        assertThat(l.networkLoad().linksLoaded()).isEqualTo(1);
        assertThat(l.duration(IN, LatencyCause.NETWORK)).isCloseTo(0.125e-9, withinPercentage(1e-9));
        assertThat(l.networkLoad().queueingS()).isCloseTo(0.125e-9, withinPercentage(1e-9));
        assertThat(l.networkLoad().saturated()).isEmpty();
        assertThat(l.duration(FC, LatencyCause.NETWORK)).isZero();
    }

    @Test
    void narrowerLinksRaiseTheLatencyOnceTheUtilisationNearsOne() {
        // 320 bits over 12 ns: 128-bit links rho 0.25, 64-bit 0.42, 32-bit 0.83
        double wide = run(128, 320, 12e-9).duration(IN, LatencyCause.NETWORK);
        double mid = run(64, 320, 12e-9).duration(IN, LatencyCause.NETWORK);
        double narrow = run(32, 320, 12e-9).duration(IN, LatencyCause.NETWORK);
        assertThat(wide).isCloseTo(0.25 / 1.5 * CYCLE, withinPercentage(1e-9));
        assertThat(mid).isGreaterThan(wide);
        assertThat(narrow).isCloseTo(10 / 12.0 / (2 * (2 / 12.0)) * CYCLE, withinPercentage(1e-9));
        // The wait grows faster than the load: halving the width from 64 to 32 bits multiplies it by 7.
        assertThat(narrow / mid).isGreaterThan(2 * (mid / wide));
    }

    @Test
    void aSaturatedLinkIsFlaggedWithTheLayerThatSaturatesIt() {
        // 320 bits in 16-bit flits: 20 flits in 12 ns, rho = 1.67
        NetworkLoad load = run(16, 320, 12e-9).networkLoad();
        assertThat(load.maxUtilisation()).isCloseTo(20 / 12.0, withinPercentage(1e-9));
        assertThat(load.saturated()).containsExactly(new NetworkLoad.SaturatedLink(0, 0, 1, "in", 20 / 12.0));
        // Each loaded link's utilisation, which the report's heat map draws.
        assertThat(load.links()).containsExactly(new NetworkLoad.LinkUtilisation(0, 0, 1, "in", 20 / 12.0));
    }

    @Test
    void aLayerWithNoWorkOfItsOwnSetsNoRate() {
        EvaluationLedger l = run(32, 320, 0);
        assertThat(l.networkLoad().linksLoaded()).isZero();
        assertThat(l.networkLoad().links()).isEmpty();
        assertThat(l.duration(IN, LatencyCause.NETWORK)).isZero();
    }

    @Test
    void spikesLoadTheirLinksPerTimeStep() {
        HybridFixture h = HybridFixture.evaluate(HybridFixture.ARCHITECTURE, List.of(0),
                List.of(new LinkLoad(0, 0, 1, 1)), new ContentionPass());
        // 20 spikes over 10 steps, one 32-bit flit each: 2 flits x 1 ns per 1 us step
        assertThat(h.ledger().networkLoad().maxUtilisation()).isCloseTo(2e-9 / 1e-6, withinPercentage(1e-6));
    }

    @Test
    void spikesThatDoNotFitATimeStepStretchItAndSaturateTheirLink() {
        String yaml = HybridFixture.ARCHITECTURE.replace("time_step: 1 us", "time_step: 1 ns");
        assertThat(yaml).contains("time_step: 1 ns");
        HybridFixture h = HybridFixture.evaluate(yaml, List.of(0), List.of(new LinkLoad(0, 0, 1, 1)), new ContentionPass());
        // 2 flits per 1 ns step on a 1 flit/ns link: rho = 2, each of the 10 steps 1 ns longer
        assertThat(h.ledger().networkLoad().saturated()).containsExactly(new NetworkLoad.SaturatedLink(0, 0, 1, "sensor", 2));
        assertThat(h.ledger().duration(h.index("sensor"), LatencyCause.NETWORK)).isCloseTo(10e-9, withinPercentage(1e-6));
    }

    @Test
    void spikesWithinTheirStepAddNoTime() {
        HybridFixture h = HybridFixture.evaluate(HybridFixture.ARCHITECTURE, List.of(0),
                List.of(new LinkLoad(0, 0, 1, 1)), new ContentionPass());
        assertThat(h.ledger().duration(h.index("sensor"), LatencyCause.NETWORK)).isZero();
    }
}
