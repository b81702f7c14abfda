package org.memdse.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.TrafficEdge;
import org.memdse.mapping.objective.Flow;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.SnnParts;
import org.memdse.mapping.partition.SpikeCut;
import org.memdse.mapping.place.SequentialPlacer;

/**
 * SNN populations are placed as the parts of the connectivity-aware cut (one unit per core-sized
 * part), and their spike traffic follows the neuron-level connections: per part, from the
 * neuron-level graph, not spread uniformly over groups.
 */
class SnnPartsMappingTest {
    private static MappingProblem problem(Architecture a, NetworkGraph n) {
        return ((MappingProblem.Ready) MappingProblem.prepare(a, n)).problem();
    }

    private static Architecture routed(Architecture a, SpikeDelivery routing) {
        Interconnect i = a.interconnect();
        return new Architecture(a.name(), a.description(), a.technology(), a.devices(), a.templates(), a.subsystems(),
                new Interconnect(i.onChip(), i.spikes(), i.chipToChip(), routing));
    }

    /** {@code bigCores(cores)} on a router grid laid out for its endpoints (fig4-hybrid's 8 x 7 holds 56). */
    private static Architecture bigCoresGrid(int cores) {
        Architecture a = SnnPartitionComparisonTest.bigCores(cores);
        Interconnect i = a.interconnect();
        OnChipNetwork o = i.onChip();
        OnChipNetwork grid = new OnChipNetwork(o.topology(), o.concentration(), OptionalInt.empty(), OptionalInt.empty(),
                o.flitBits(), o.linkLengthM(), o.router(), o.link(), o.clockHz(), o.packet());
        return new Architecture(a.name(), a.description(), a.technology(), a.devices(), a.templates(), a.subsystems(),
                new Interconnect(grid, i.spikes(), i.chipToChip(), i.spikeRouting()));
    }

    private static boolean isPart(SnnParts snn, int node) {
        return node >= snn.firstNode() && node < snn.firstNode() + snn.parts();
    }

    @Test
    void partsAreTheNeuronLevelCutWithExactRowsWithinACore() {
        MappingProblem p = problem(SnnPartitionComparisonTest.bigCores(8), Bundled.network("diehl-cook-stdp"));
        SnnParts snn = p.partition().snn().orElseThrow();
        assertThat(snn.sliced()).isFalse();
        int[] rows = SpikeCut.rows(snn.graph(), snn.part(), snn.parts());
        int neurons = 0;
        int k = 0;
        for (MappingUnit u : p.partition().units()) {
            if (u instanceof CoreGroup g) {
                assertThat(g.fanIn()).isEqualTo(rows[k]).isLessThanOrEqualTo(2048);
                assertThat(g.neurons()).isLessThanOrEqualTo(256)
                        .isEqualTo(g.shares().stream().mapToInt(CoreGroup.Share::neurons).sum());
                NodeUnits node = p.partition().nodes().get(snn.firstNode() + k);
                assertThat(node.count()).isEqualTo(1);
                assertThat(node.firstUnit()).isEqualTo(u.id());
                neurons += g.neurons();
                k++;
            }
        }
        assertThat(k).isEqualTo(snn.parts());
        assertThat(neurons).isEqualTo(800);
        // Diehl & Cook: each excitatory neuron excites its own inhibitory neuron; the cut keeps such pairs together.
        assertThat(p.partition().units().stream().filter(CoreGroup.class::isInstance).map(CoreGroup.class::cast)
                .allMatch(g -> g.shares().size() == 2)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SpikeDelivery.class)
    void spikeFlowsBetweenPartsAreTheNeuronLevelCut(SpikeDelivery routing) {
        for (String network : List.of("diehl-cook-stdp", "fig4-hybrid")) {
            MappingProblem p = problem(routed(SnnPartitionComparisonTest.bigCores(16), routing), Bundled.network(network));
            SnnParts snn = p.partition().snn().orElseThrow();
            SpikeCut cut = SpikeCut.of(snn.graph(), snn.part(), snn.parts(), routing);
            int encoder = p.partition().node(snn.graph().owners().get(0)).orElseThrow().index();
            double between = 0;
            double boundary = 0;
            for (Flow f : p.traffic().flows()) {
                if (isPart(snn, f.from()) && isPart(snn, f.to())) {
                    between += f.bits();
                    assertThat(f.pairWeight()).isEqualTo(f.bits());
                } else if (f.from() == encoder && isPart(snn, f.to())) {
                    boundary += f.bits();
                }
            }
            assertThat(between).as(network).isCloseTo(cut.coreToCoreBits(), within(1e-9 * cut.coreToCoreBits() + 1e-9));
            assertThat(boundary).as(network).isCloseTo(cut.boundaryBits(), within(1e-9 * cut.boundaryBits()));
            assertThat(cut.coreToCoreBits()).as(network).isPositive();
        }
    }

    /** Trend: multicast sends a spike once per destination core; Diehl & Cook's inhibition reaches 399 neurons. */
    @Test
    void multicastCutsSpikeTrafficAgainstUnicastOnAHighFanOutSnn() {
        NetworkGraph diehl = Bundled.network("diehl-cook-stdp");
        Architecture multicast = routed(SnnPartitionComparisonTest.bigCores(8), SpikeDelivery.MULTICAST);
        Architecture unicast = routed(SnnPartitionComparisonTest.bigCores(8), SpikeDelivery.UNICAST);
        MappingProblem m = problem(multicast, diehl);
        MappingProblem u = problem(unicast, diehl);
        int[] seqM = SequentialPlacer.place(m).orElseThrow();
        int[] seqU = SequentialPlacer.place(u).orElseThrow();
        assertThat(seqU).isEqualTo(seqM); // the same parts on the same cores: only the routing differs
        double hopsM = m.objectives().trafficHops(seqM);
        double hopsU = u.objectives().trafficHops(seqU);
        assertThat(hopsM).isLessThan(hopsU);
        SnnParts snn = m.partition().snn().orElseThrow();
        double bitsM = SpikeCut.of(snn.graph(), snn.part(), snn.parts(), SpikeDelivery.MULTICAST).coreToCoreBits();
        double bitsU = SpikeCut.of(snn.graph(), snn.part(), snn.parts(), SpikeDelivery.UNICAST).coreToCoreBits();
        // Each inhibitory spike reaches the 300 or so excitatory neurons on the other 3 cores: 100x fewer packets.
        assertThat(bitsM / bitsU).isLessThan(0.05);
    }

    @Test
    void aPopulationsOutputsLeaveEachPartInProportionToItsNeurons() {
        NetworkGraph net = Bundled.network("fig4-hybrid");
        MappingProblem p = problem(SnnPartitionComparisonTest.bigCores(16), net);
        SnnParts snn = p.partition().snn().orElseThrow();
        int pops = snn.graph().populations().size();
        String last = snn.graph().populations().get(pops - 1);
        TrafficEdge out = net.outputs(net.node(last).orElseThrow()).get(0);
        int size = snn.graph().populationOffset(pops) - snn.graph().populationOffset(pops - 1);
        double total = 0;
        for (Flow f : p.traffic().flows()) {
            if (f.edge() != out.id()) {
                continue;
            }
            int part = f.from() - snn.firstNode();
            int mine = 0;
            for (int v = snn.graph().populationOffset(pops - 1); v < snn.graph().populationOffset(pops); v++) {
                mine += snn.part()[v] == part ? 1 : 0;
            }
            assertThat(f.bits()).isCloseTo(out.bitsPerInference() * mine / size, within(1e-9 * out.bitsPerInference()));
            total += f.bits();
        }
        assertThat(total).isCloseTo(out.bitsPerInference(), within(1e-9 * out.bitsPerInference()));
    }

    /** Issue 13: the sequential and random mappers said "does not fit" where the solver mapped. */
    @ParameterizedTest
    @ValueSource(ints = {25, 26})
    void everyMapperMapsASixteenPopulationRandomSnn(int cores) {
        MapperOptions options = MapperOptions.DEFAULT.withSeed(3).withStepLimit(2000);
        for (long seed = 1; seed <= 3; seed++) {
            NetworkGraph net = SnnPartitionComparisonTest.randomSnn(seed, 16);
            for (Mapper mapper : List.of(new SequentialMapper(), new RandomMapper(), new SolverMapper())) {
                MappingOutcome o = mapper.map(bigCoresGrid(cores), net, options);
                assertThat(o).as(mapper.name() + " seed " + seed + " on " + cores + " cores")
                        .isInstanceOf(MappingOutcome.Mapped.class);
                assertThat(((MappingOutcome.Mapped) o).mapping().report().feasible()).isTrue();
            }
        }
    }

    /** fig4-hybrid's 256-row cores cannot take its SNN cut neuron by neuron on 16 cores: population slices instead. */
    @Test
    void theDefaultSystemTakesPopulationSlicesWhenTheCutNeedsMoreCores() {
        MappingProblem p = problem(Bundled.architecture("fig4-hybrid"), Bundled.network("fig4-hybrid"));
        SnnParts snn = p.partition().snn().orElseThrow();
        assertThat(snn.sliced()).isTrue();
        assertThat(snn.parts()).isLessThanOrEqualTo(16);
        assertThat(p.objectives().capacityViolations(SequentialPlacer.place(p).orElseThrow())).isEmpty();
    }
}
