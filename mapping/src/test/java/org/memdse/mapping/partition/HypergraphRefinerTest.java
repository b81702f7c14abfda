package org.memdse.mapping.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.Encoding;
import org.memdse.core.network.LearningRule;
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

    /**
     * sensor(1) -one-to-one-> a(1) -dense-> b(2); sensor -dense-> c(1). Vertices a0 = 0, b0 = 1,
     * b1 = 2, c0 = 3.
     */
    private static NeuronGraph fanOut() {
        NetworkBuilder b = new NetworkBuilder("fan-out").precision(4, 8);
        b.add(new Encoder("sensor", Shape.of(1), Encoding.RATE, 20, 0.05));
        b.add(Projection.oneToOne("in", 4), "sensor");
        b.add(new Population("a", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.1), "in");
        b.add(Projection.dense("ab", 2, 4, LearningRule.NONE), "a");
        b.add(new Population("b", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.1), "ab");
        b.add(Projection.dense("sc", 1, 4, LearningRule.NONE), "sensor");
        b.add(new Population("c", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.1), "sc");
        return NeuronGraph.of(b.build());
    }

    @Test
    void fiducciaMattheysesTakesAMoveThatSavesNothingToReachOneThatSaves() {
        NeuronGraph g = fanOut();
        HyperLevel h = HyperLevel.of(g, identity(4), 4);
        // Cores of 3 neurons: a0 alone on core 0; b0, b1 and c0 fill core 1, so a0 cannot join its
        // targets, and one target moving alone saves nothing (a0's spike still reaches core 1).
        int[] greedy = {0, 1, 1, 1};
        double before = SpikeCut.of(g, greedy, 2, SpikeDelivery.MULTICAST).coreToCoreBits();
        assertThat(before).isPositive();
        assertThat(new HypergraphRefiner(h, greedy, 2, 3, 64).refine(3, 1e-3)).isZero();
        assertThat(greedy).containsExactly(0, 1, 1, 1);
        // FM moves b0 (saving nothing), then b1 (saving the spike).
        int[] fm = {0, 1, 1, 1};
        HypergraphRefiner r = new HypergraphRefiner(h, fm, 2, 3, 64);
        assertThat(r.fm(4, 10)).isCloseTo(before, within(1e-9));
        assertThat(fm).containsExactly(0, 0, 0, 1);
        assertThat(r.cost()).isZero();
        // Cores of 2: b0 fits beside a0, b1 no longer; the move of b0 is taken back.
        int[] tight = {0, 1, 1, 2};
        assertThat(new HypergraphRefiner(h, tight, 3, 2, 64).fm(4, 10)).isZero();
        assertThat(tight).containsExactly(0, 1, 1, 2);
    }

    /** sensor(40) -> p0 (60, random) -> p1 (50, random, with a random recurrent projection onto itself). */
    private static NeuronGraph random(long seed) {
        NetworkBuilder b = new NetworkBuilder("random").precision(4, 8);
        b.add(new Encoder("sensor", Shape.of(40), Encoding.RATE, 20, 0.05));
        b.add(Projection.random("in", 60, 0.15, seed, 4, LearningRule.NONE), "sensor");
        b.add(new Population("p0", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.1), "in");
        b.add(Projection.random("mid", 50, 0.1, seed + 1, 4, LearningRule.NONE), "p0");
        b.add(Projection.random("rec", 50, 0.08, seed + 2, 4, LearningRule.NONE).asFeedback(), "p1");
        b.add(new Population("p1", 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.05), "mid", "rec");
        return NeuronGraph.of(b.build());
    }

    /**
     * Greedy passes skip the vertices whose gains no move touched and those whose gain bound
     * says no move can save bits: run to the end without capacities, the result must still be a
     * local optimum, checked by pricing every single move from scratch. On the neurons and on a
     * level of pairs (where a cluster is often a pin of its own net).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void greedyPassesEndWhereNoSingleMoveSavesBits(long seed) {
        NeuronGraph g = random(seed);
        int n = g.neurons();
        for (int size : new int[] {1, 2}) {
            int[] cluster = new int[n];
            for (int v = 0; v < n; v++) {
                cluster[v] = v / size;
            }
            int clusters = (n + size - 1) / size;
            HyperLevel h = HyperLevel.of(g, cluster, clusters);
            int parts = 5;
            int[] part = new SplittableRandom(seed).ints(clusters, 0, parts).toArray();
            HypergraphRefiner r = new HypergraphRefiner(h, part, parts, Integer.MAX_VALUE, Integer.MAX_VALUE);
            double before = r.cost();
            double saved = r.refine(1_000, 0);
            double after = new HypergraphRefiner(h, part.clone(), parts, Integer.MAX_VALUE, Integer.MAX_VALUE).cost();
            assertThat(saved).isPositive();
            assertThat(after).isCloseTo(before - saved, within(1e-6 * before));
            for (int v = 0; v < clusters; v++) {
                for (int b = 0; b < parts; b++) {
                    int[] moved = part.clone();
                    moved[v] = b;
                    double cost = new HypergraphRefiner(h, moved, parts, Integer.MAX_VALUE, Integer.MAX_VALUE).cost();
                    assertThat(cost).as("cluster size %d, vertex %d to core %d", size, v, b)
                            .isGreaterThanOrEqualTo(after - 1e-9 * after);
                }
            }
        }
    }
    /**
     * Nets with the same source cluster and target clusters are one net of the level: pairs()
     * clustered {a0, a1}, {a2, a3}, {b0, b1}, {b2, b3} has a0->b0 and a1->b1 as one net of two
     * rows, and the sensor nets into a cluster as one of two. Costs and rows stay those of the
     * neurons: on random SNNs clustered by 1, 3 and 8, every cluster's rows are the neuron-level
     * nets into it, and the level's cost of random partitions is SpikeCut's.
     */
    @Test
    void mergedNetsKeepTheNeuronLevelBitsAndRows() {
        NeuronGraph pairs = pairs();
        HyperLevel p = HyperLevel.of(pairs, new int[] {0, 0, 1, 1, 2, 2, 3, 3}, 4);
        assertThat(p.nets()).isEqualTo(pairs.nets() / 2);
        assertThat(p.netRows).containsOnly(2);
        assertThat(p.inRows).containsExactly(2, 2, 2, 2);
        assertThat(p.listedPins).isEqualTo(8);
        for (long seed = 1; seed <= 3; seed++) {
            NeuronGraph g = random(seed);
            int n = g.neurons();
            for (int size : new int[] {1, 3, 8}) {
                int[] cluster = new int[n];
                for (int v = 0; v < n; v++) {
                    cluster[v] = v / size;
                }
                int clusters = (n + size - 1) / size;
                HyperLevel h = HyperLevel.of(g, cluster, clusters);
                assertThat(h.inRows).as("seed %d, size %d", seed, size).containsExactly(SpikeCut.rows(g, cluster, clusters));
                SplittableRandom random = new SplittableRandom(seed * 31 + size);
                for (int trial = 0; trial < 5; trial++) {
                    int[] part = random.ints(clusters, 0, 4).toArray();
                    int[] neuronPart = new int[n];
                    for (int v = 0; v < n; v++) {
                        neuronPart[v] = part[cluster[v]];
                    }
                    double expected = SpikeCut.of(g, neuronPart, 4, SpikeDelivery.MULTICAST).coreToCoreBits();
                    assertThat(new HypergraphRefiner(h, part, 4, Integer.MAX_VALUE, Integer.MAX_VALUE).cost())
                            .isCloseTo(expected, within(1e-9 * expected));
                }
            }
        }
    }
}
