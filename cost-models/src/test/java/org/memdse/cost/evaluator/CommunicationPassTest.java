package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.memdse.cost.evaluator.PassFixtures.FC;
import static org.memdse.cost.evaluator.PassFixtures.IN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.eval.LatencyCause;
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
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.spec.SpecSource;

/** The communication pass alone: 32-bit flits, routers 3 pJ and 1 ns, links 1 pJ, a 1 GHz link clock. */
class CommunicationPassTest {

    @Test
    void aRouteOfOneHopCrossesTwoRoutersAndOneLinkAndBelongsToNoLayer() {
        EvaluationLedger l = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny(), false, 1), new CommunicationPass());
        // 8 bits = 1 flit: 2 router traversals x 3 pJ, 1 link x 1 pJ
        assertThat(l.energy(ComponentKind.ROUTER)).isCloseTo(6e-12, withinPercentage(1e-9));
        assertThat(l.energy(ComponentKind.LINK)).isCloseTo(1e-12, withinPercentage(1e-9));
        assertThat(l.layerEnergy(IN)).isZero();
        assertThat(l.layerEnergy(FC)).isZero();
    }

    @Test
    void aCrossbarLayersInputsAndPartialSumsCrossItsTilesWiring() {
        String yaml = TinyChip.yaml("tiny", "", "0 W", "{kind: activation, count: 1, energy: 0.2 pJ, latency: 1 ns}")
                .replace("wiring: {width: 8 bit, energy: 0 pJ", "wiring: {width: 8 bit, energy: 2 pJ");
        Architecture a = ArchitectureReader.read(SpecSource.ofText("tiny.yaml", yaml));
        EvaluationLedger l = PassFixtures.run(PassFixtures.fc(a, false, 1), new CommunicationPass());
        // inputs: 4 x 2 bits to the one column block; partial sums: 2 outputs x 1 row block x (4 ADC bits + 2 input
        // bits + 0 + 1) = 14 bits; 22 bits / 8-bit words x 2 pJ, charged to fc
        assertThat(l.energy(ComponentKind.TILE_WIRING)).isCloseTo(22 / 8.0 * 2e-12, withinPercentage(1e-9));
        assertThat(l.layerEnergy(FC)).isCloseTo(22 / 8.0 * 2e-12, withinPercentage(1e-9));
    }

    @Test
    void aLayersOutputsTakeTheirBusiestLinkPlusThePipelineFillOfTheLongestRoute() {
        Architecture a = PassFixtures.tiny();
        NetworkGraph g = PassFixtures.fcNetwork(false);
        TrafficEdge edge = g.edges().get(0);
        // the input goes to two copies of fc, both over link 0: 8 bits (1 flit) and 40 bits (2 flits)
        Mapping m = new Mapping(a.name(), "fc", List.of(new CrossbarBlock(0, "fc", 0, 0, 0, 0, 4, 0, 2, 0, 1, 1)),
                List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0), new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1)),
                List.of(new Placement(0, 1)), List.of(new Route(edge.id(), 0, 1, 8, List.of(0)),
                        new Route(edge.id(), 0, 1, 40, List.of(0))), List.of(), PassFixtures.report());
        MappedNetwork view = MappedNetwork.of(ArchitectureCosts.of(a, PassFixtures.REGISTRY), g, m, OpConvention.INT8);
        EvaluationLedger l = PassFixtures.run(view, new CommunicationPass());
        // link 0 carries 1 + 2 flits, one per 1 ns cycle, plus 1 hop x 1 ns
        assertThat(l.duration(IN, LatencyCause.NETWORK)).isCloseTo(4e-9, withinPercentage(1e-9));
        assertThat(l.duration(FC, LatencyCause.NETWORK)).isZero();
        // 3 flits x 2 routers x 3 pJ
        assertThat(l.energy(ComponentKind.ROUTER)).isCloseTo(18e-12, withinPercentage(1e-9));
    }

    @Test
    void spikesTravelAsOnePacketEachThroughTheSpikeRoutersAndTakeNoNetworkTime() {
        HybridFixture h = HybridFixture.evaluate(new CommunicationPass());
        // 4 inputs x 0.5 rate x 10 steps = 20 spikes, one packet each, through 2 spike routers x 2 pJ
        assertThat(h.ledger().energy(ComponentKind.SPIKE_ROUTER)).isCloseTo(80e-12, withinPercentage(1e-9));
        assertThat(h.ledger().duration(h.index("sensor"), LatencyCause.NETWORK)).isZero();
        // integrate -> fc: 8 values x 2 bits = 1 flit over 2 hops: 3 routers x 3 pJ, 2 links x 1 pJ;
        // 1 flit x 1 ns + 2 hops x 1 ns
        assertThat(h.ledger().energy(ComponentKind.ROUTER)).isCloseTo(9e-12, withinPercentage(1e-9));
        assertThat(h.ledger().energy(ComponentKind.LINK)).isCloseTo(2e-12, withinPercentage(1e-9));
        assertThat(h.ledger().duration(h.index("integrate"), LatencyCause.NETWORK)).isCloseTo(3e-9, withinPercentage(1e-9));
    }

    @Test
    void spikeHopsAlongRowsAndColumnsCostTheirDirectionsFigures() {
        // Loihi's tile hops (Davies et al. 2018 Table 2): 3.0 pJ east-west, 4.0 pJ north-south.
        String yaml = HybridFixture.ARCHITECTURE.replace("packet: 32 bit, energy: 2 pJ, latency: 1 ns, area: 0 um^2, leakage_power: 0 W}\n",
                "packet: 32 bit, energy: 2 pJ, latency: 1 ns, area: 0 um^2, leakage_power: 0 W,\n"
                + "    east_west: {energy: 3.0 pJ, latency: 4.1 ns}, north_south: {energy: 4.0 pJ, latency: 6.5 ns}}\n");
        assertThat(yaml).contains("east_west");
        // 3 x 2 routers: link 0 joins routers 0 and 1 (a row), link 7 routers 1 and 4 (a column)
        List<LinkLoad> loads = List.of(new LinkLoad(0, 0, 1, 1), new LinkLoad(7, 1, 4, 1));
        HybridFixture h = HybridFixture.evaluate(yaml, List.of(0, 7), loads, new CommunicationPass());
        // 20 spikes x (2 pJ at the injecting router + 3.0 pJ + 4.0 pJ)
        assertThat(h.ledger().energy(ComponentKind.SPIKE_ROUTER)).isCloseTo(20 * 9e-12, withinPercentage(1e-9));
        SpikeHops hops = SpikeHops.of(h.view());
        assertThat(hops.directional()).isTrue();
        assertThat(hops.hopLatency(true)).isCloseTo(4.1e-9, withinPercentage(1e-9));
        assertThat(hops.hopLatency(false)).isCloseTo(6.5e-9, withinPercentage(1e-9));
        Route r = h.view().mapping().routes().get(0);
        assertThat(hops.latency(r)).isCloseTo(10.6e-9, withinPercentage(1e-9));
    }

    @Test
    void packetHeadersAddFlitsAndASlowerLinkClockStretchesTheTransfer() {
        String yaml = TinyChip.yaml("tiny", "", "0 W", PassFixtures.ACTIVATION_UNIT)
                .replace("    flit: 32 bit\n", "    flit: 32 bit\n    clock: 500 MHz\n    packet: {header: 16 bit, payload: 16 bit}\n");
        Architecture a = ArchitectureReader.read(SpecSource.ofText("tiny.yaml", yaml));
        NetworkGraph g = PassFixtures.fcNetwork(false);
        TrafficEdge edge = g.edges().get(0);
        // 40 bits in packets of 16 payload + 16 header bits: two full 32-bit packets and 8 + 16 bits, 3 flits
        // (2 without headers)
        Mapping m = new Mapping(a.name(), "fc", List.of(new CrossbarBlock(0, "fc", 0, 0, 0, 0, 4, 0, 2, 0, 1, 1)),
                List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0), new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1)),
                List.of(new Placement(0, 1)), List.of(new Route(edge.id(), 0, 1, 40, List.of(0))), List.of(),
                PassFixtures.report());
        MappedNetwork view = MappedNetwork.of(ArchitectureCosts.of(a, PassFixtures.REGISTRY), g, m, OpConvention.INT8);
        EvaluationLedger l = PassFixtures.run(view, new CommunicationPass());
        // 3 flits x 2 routers x 3 pJ; 3 flits x 2 ns (500 MHz) + 1 hop x 1 ns
        assertThat(l.energy(ComponentKind.ROUTER)).isCloseTo(18e-12, withinPercentage(1e-9));
        assertThat(l.duration(IN, LatencyCause.NETWORK)).isCloseTo(7e-9, withinPercentage(1e-9));
    }
}
