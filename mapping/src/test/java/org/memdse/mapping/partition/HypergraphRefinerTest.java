package org.memdse.mapping.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.Encoding;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Shape;

class HypergraphRefinerTest {
    /** sensor(4) -one-to-one-> a(4) -one-to-one-> b(4): a0..a3 = vertices 0..3, b0..b3 = 4..7. */
    private static NeuronGraph pairs() {
        NetworkBuilder b = new NetworkBuilder("pairs").precision(4, 8);
        b.add(new Encoder("sensor", Shape.of(4), Encoding.RATE, 20, 0.05));
        b.add(Projection.oneToOne("in", 4), "sensor");
        b.add(new Population("a", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.1), "in");
        b.add(Projection.oneToOne("ab", 4), "a");
        b.add(new Population("b", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.1), "ab");
        return NeuronGraph.of(b.build());
    }

    private static int[] identity(int n) {
        int[] map = new int[n];
        for (int v = 0; v < n; v++) {
            map[v] = v;
        }
        return map;
    }

    @Test
    void movesTheTargetsToTheirSourcesCoreWhenThereIsRoom() {
        NeuronGraph g = pairs();
        HyperLevel h = HyperLevel.of(g, identity(8), 8);
        int[] part = {0, 0, 0, 0, 1, 1, 1, 1};
        double before = SpikeCut.of(g, part, 2, SpikeDelivery.MULTICAST).coreToCoreBits();
        assertThat(before).isPositive();
        HypergraphRefiner r = new HypergraphRefiner(h, part, 2, 8, 64);
        assertThat(r.cost()).isCloseTo(before, within(1e-9));
        double saved = r.refine(3, 1e-3);
        assertThat(saved).isCloseTo(before, within(1e-9));
        assertThat(SpikeCut.of(g, part, 2, SpikeDelivery.MULTICAST).coreToCoreBits()).isZero();
    }

    @Test
    void keepsTheNeuronAndRowCapacities() {
        NeuronGraph g = pairs();
        HyperLevel h = HyperLevel.of(g, identity(8), 8);
        // Full cores (4 neurons each): no single move fits, nothing changes.
        int[] full = {0, 0, 0, 0, 1, 1, 1, 1};
        assertThat(new HypergraphRefiner(h, full, 2, 4, 64).refine(3, 1e-3)).isZero();
        assertThat(full).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
        // Room for neurons but 5 rows a core: core 0 holds the 4 sensor rows, so one b-neuron
        // (one row, from its a-neuron) may join it, no more.
        int[] rows = {0, 0, 0, 0, 1, 1, 1, 1};
        new HypergraphRefiner(h, rows, 2, 8, 5).refine(3, 1e-3);
        assertThat(SpikeCut.rows(g, rows, 2)[0]).isEqualTo(5);
        assertThat(SpikeCut.neurons(rows, 2)).containsExactly(5, 3);
    }

    @Test
    void aClusteredLevelCountsARowOncePerCore() {
        NeuronGraph g = pairs();
        // Clusters {a_i, b_i}: each cluster's nets are its sensor input and its own a->b net.
        int[] cluster = {0, 1, 2, 3, 0, 1, 2, 3};
        HyperLevel h = HyperLevel.of(g, cluster, 4);
        assertThat(h.weight).containsExactly(2, 2, 2, 2);
        int[] part = {0, 0, 1, 1};
        HypergraphRefiner r = new HypergraphRefiner(h, part, 2, 8, 64);
        assertThat(r.cost()).isZero();
        assertThat(r.refine(3, 1e-3)).isZero();
    }
}
