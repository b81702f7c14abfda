package org.memdse.mapping.partition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.Encoding;
import org.memdse.core.network.LearningRule;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Shape;

class SpikeCutTest {
    /** sensor(2) -one-to-one-> a(2) -dense-> b(2): neurons a0 a1 b0 b1 = vertices 0..3. */
    private static NeuronGraph chain() {
        NetworkBuilder b = new NetworkBuilder("chain").precision(4, 8);
        b.add(new Encoder("sensor", Shape.of(2), Encoding.RATE, 20, 0.05));
        b.add(Projection.oneToOne("in", 4), "sensor");
        b.add(new Population("a", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.1), "in");
        b.add(Projection.dense("ab", 2, 4, LearningRule.NONE), "a");
        b.add(new Population("b", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.1), "ab");
        NetworkGraph network = b.build();
        return NeuronGraph.of(network);
    }

    @Test
    void multicastSendsASpikeOncePerRemoteCoreAndUnicastOncePerRemoteTarget() {
        NeuronGraph g = chain();
        assertThat(g.neurons()).isEqualTo(4);
        assertThat(g.pins()).isEqualTo(2 + 4);
        double a0 = g.bits(g.outNet(0));
        double a1 = g.bits(g.outNet(1));
        assertThat(a0).isPositive();
        // a on core 0, b on core 1: each a-neuron's spike crosses once (multicast) or twice (unicast).
        int[] split = {0, 0, 1, 1};
        assertThat(SpikeCut.of(g, split, 2, SpikeDelivery.MULTICAST).coreToCoreBits()).isCloseTo(a0 + a1,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SpikeCut.of(g, split, 2, SpikeDelivery.UNICAST).coreToCoreBits()).isCloseTo(2 * (a0 + a1),
                org.assertj.core.data.Offset.offset(1e-9));
        // a0 b0 on core 0, a1 b1 on core 1: a0 reaches b1 across, a1 reaches b0 across.
        int[] mixed = {0, 1, 0, 1};
        assertThat(SpikeCut.of(g, mixed, 2, SpikeDelivery.MULTICAST).coreToCoreBits()).isCloseTo(a0 + a1,
                org.assertj.core.data.Offset.offset(1e-9));
        // Everything on one core: nothing crosses; the sensor still delivers into the core.
        SpikeCut one = SpikeCut.of(g, new int[4], 1, SpikeDelivery.MULTICAST);
        assertThat(one.coreToCoreBits()).isZero();
        assertThat(one.boundaryBits()).isPositive();
        // Rows: core 0 holds a (one row per sensor neuron), core 1 holds b (one row per a-neuron, shared).
        assertThat(SpikeCut.rows(g, split, 2)).containsExactly(2, 2);
        assertThat(SpikeCut.rows(g, new int[4], 1)).containsExactly(4);
        assertThat(SpikeCut.neurons(mixed, 2)).containsExactly(2, 2);
    }

    @Test
    void thePartitionerKeepsBothCapacitiesAndFindsTheZeroCut() {
        NeuronGraph g = chain();
        // Two neurons a core: {a0,a1} and {b0,b1} is forced (or a mixed split); either cuts a0 + a1.
        ConnectivityPartitioner.Result r = new ConnectivityPartitioner(g, new CoreGeometry(2, 64), 1).partition();
        assertThat(java.util.Arrays.stream(SpikeCut.neurons(r.part(), r.parts())).max().orElse(0)).isLessThanOrEqualTo(2);
        // Four neurons a core: everything fits on one, nothing crosses.
        ConnectivityPartitioner.Result all = new ConnectivityPartitioner(g, new CoreGeometry(4, 64), 1).partition();
        assertThat(all.parts()).isEqualTo(1);
        // Three rows a core: all four neurons would need 4 rows, so two cores.
        ConnectivityPartitioner.Result rows = new ConnectivityPartitioner(g, new CoreGeometry(4, 3), 1).partition();
        assertThat(rows.parts()).isEqualTo(2);
        assertThat(java.util.Arrays.stream(SpikeCut.rows(g, rows.part(), rows.parts())).max().orElse(0)).isLessThanOrEqualTo(3);
    }
}
