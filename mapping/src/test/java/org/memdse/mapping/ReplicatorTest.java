package org.memdse.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.network.ActivationFunction;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.ConvGeometry;
import org.memdse.core.network.Flatten;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.Linear;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Padding;
import org.memdse.core.network.Pool2d;
import org.memdse.core.network.PoolMode;
import org.memdse.core.network.Shape;
import org.memdse.core.network.Size2;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.Partition;
import org.memdse.mapping.partition.PartitionOutcome;
import org.memdse.mapping.partition.Partitioner;
import org.memdse.mapping.partition.Replicator;
import org.memdse.mapping.place.solver.BundledProblems;
import org.memdse.mapping.topology.NetworkTopology;

/** Weight replication: the hand example, and properties over the random cases. */
class ReplicatorTest {

    /**
     * in 16×8×8 → conv a (16→32, 3×3, pad 1: 8×8 = 64 vectors) → max pool 2 → conv b (32→32,
     * 3×3, pad 1: 4×4 = 16 vectors) → flatten (512) → fc (10: 1 vector).
     */
    private static NetworkGraph handNetwork() {
        NetworkBuilder b = new NetworkBuilder("hand").precision(8, 8);
        b.add(new InputNode("in", Shape.of(16, 8, 8)));
        b.add(new Conv2d("a", 0, 32, ConvGeometry.of(3, 1, 1), false, false, ActivationFunction.RELU), "in");
        b.add(new Pool2d("pool", PoolMode.MAX, Size2.square(2), Size2.square(2), Padding.NONE, false), "a");
        b.add(new Conv2d("b", 0, 32, ConvGeometry.of(3, 1, 1), false, false, ActivationFunction.RELU), "pool");
        b.add(new Flatten("flat"), "b");
        b.add(new Linear("fc", 0, 10, false, false, ActivationFunction.IDENTITY), "flat");
        return b.build();
    }

    private static Partition partition(Architecture arch, NetworkGraph net) {
        return ((PartitionOutcome.Partitioned) Partitioner.partition(arch, net, NetworkTopology.of(arch))).partition();
    }

    @Test
    void theSlowestLayerGetsCopiesFirstAndCopyingStopsAtTheFirstThatDoesNotFit() {
        Architecture isaac = BundledProblems.architecture("isaac-ce");
        NetworkGraph net = handNetwork();
        Partition p = partition(isaac, net);
        // ISAAC crossbars: 128×128, 2 bits per cell, differential pairs → 8 columns per 8-bit weight,
        // 16 weights per block. a: 144 rows × 32 → 2 × 2 = 4 blocks; b: 288 × 32 → 3 × 2 = 6;
        // fc: 512 × 10 → 4 × 1 = 4.
        assertThat(p.nodes()).extracting(NodeUnits::count).containsExactly(4, 6, 4);

        // 20 spare crossbars. Vectors per copy a/b/fc: 64/16/1. a is slowest: copies 2 (32), 3
        // (21.3), 4 (16; ties with b, the earlier layer wins), 5 (12.8) use 16 crossbars; now b (16)
        // is slowest and needs 6 > 4 left: stop, although a copy of fc (4) would still fit, because
        // it would not shorten the pipeline interval.
        Replicator.Result r = Replicator.replicate(p, net, 20);
        assertThat(r.copies()).containsExactly(Map.entry("a", 5), Map.entry("b", 1), Map.entry("fc", 1));
        assertThat(r.spareLeft()).isEqualTo(4);
        assertThat(r.partition().unitCount()).isEqualTo(14 + 16);

        Replicator.Result plenty = Replicator.replicate(p, net, 4 * 3 + 4 + 6);
        // a: 2, 3, 4 (12), tie a/b at 16 → a 5 (16), b 2 (22) = 22 crossbars.
        assertThat(plenty.copies()).containsExactly(Map.entry("a", 5), Map.entry("b", 2), Map.entry("fc", 1));
        assertThat(plenty.spareLeft()).isZero();
    }

    @Test
    void noSpareCrossbarsMeansNoCopies() {
        Architecture isaac = BundledProblems.architecture("isaac-ce");
        NetworkGraph net = handNetwork();
        Partition p = partition(isaac, net);
        Replicator.Result r = Replicator.replicate(p, net, 3);
        assertThat(r.partition()).isEqualTo(p);
        assertThat(r.copies().values()).containsOnly(1);
    }

    @Test
    void aLayerNeverGetsMoreCopiesThanVectors() {
        Architecture isaac = BundledProblems.architecture("isaac-ce");
        NetworkGraph net = handNetwork();
        Replicator.Result r = Replicator.replicate(partition(isaac, net), net, 1_000_000);
        // a: 64 vectors, b: 16, fc: 1 — fully spread, every copy handles one vector.
        assertThat(r.copies()).containsExactly(Map.entry("a", 64), Map.entry("b", 16), Map.entry("fc", 1));
    }

    @Test
    void everyCopyRepeatsCopyZerosBlocksWithItsReplicaNumberAndIdsStayDenseAndContiguous() {
        Architecture isaac = BundledProblems.architecture("isaac-ce");
        NetworkGraph net = handNetwork();
        Partition p = partition(isaac, net);
        Partition q = Replicator.replicate(p, net, 20).partition();
        assertCopiesOf(p, q);
    }

    @Test
    void overTheRandomCasesEveryCopyHoldsTheLayerExactlyOnceWithinTheChipsCrossbars() {
        int replicated = 0;
        for (long seed : LongStream.range(0, 60).toArray()) {
            Architecture arch = RandomCases.architecture(seed);
            NetworkGraph net = RandomCases.network(seed);
            if (!(MappingProblem.prepare(arch, net) instanceof MappingProblem.Ready plain)) {
                continue;
            }
            MappingProblem rep = ((MappingProblem.Ready) MappingProblem.prepare(arch, net,
                    MapperOptions.DEFAULT.withReplication(MapperOptions.Replication.BALANCE))).problem();
            Partition p = plain.problem().partition();
            Partition q = rep.partition();
            assertCopiesOf(p, q);
            long blocks = q.units().stream().filter(CrossbarBlock.class::isInstance).count();
            assertThat(blocks).as("seed %d: blocks within the chip", seed)
                    .isLessThanOrEqualTo(rep.topology().totalCrossbars());
            if (q.unitCount() > p.unitCount()) {
                replicated++;
            }
            // SNN populations and boundary units are never copied.
            for (NodeUnits n : p.nodes()) {
                if (n.resource() != org.memdse.core.mapping.ResourceKind.CIM_TILE) {
                    assertThat(q.nodes().get(n.index()).count()).as("seed %d: %s", seed, n.node()).isEqualTo(n.count());
                }
            }
        }
        assertThat(replicated).as("cases with copies").isGreaterThan(10);
    }

    /** q is p with whole copies of some nodes: same node order, dense ids, contiguous nodes, copy k = copy 0. */
    static void assertCopiesOf(Partition p, Partition q) {
        assertThat(q.nodes()).hasSameSizeAs(p.nodes());
        int next = 0;
        for (int i = 0; i < p.nodes().size(); i++) {
            NodeUnits a = p.nodes().get(i);
            NodeUnits b = q.nodes().get(i);
            assertThat(b.node()).isEqualTo(a.node());
            assertThat(b.index()).isEqualTo(i);
            assertThat(b.firstUnit()).as("%s contiguous after the previous node", b.node()).isEqualTo(next);
            assertThat(b.count() % a.count()).as("%s: whole copies", b.node()).isZero();
            next += b.count();
            List<MappingUnit> original = p.units().subList(a.firstUnit(), a.firstUnit() + a.count());
            for (int u = b.firstUnit(); u < b.firstUnit() + b.count(); u++) {
                MappingUnit unit = q.units().get(u);
                assertThat(unit.id()).isEqualTo(u);
                assertThat(unit.node()).isEqualTo(a.node());
                assertThat(q.unitNode().get(u)).isEqualTo(i);
                int k = (u - b.firstUnit()) / a.count();
                MappingUnit orig = original.get((u - b.firstUnit()) % a.count());
                if (unit instanceof CrossbarBlock cb) {
                    CrossbarBlock ob = (CrossbarBlock) orig;
                    assertThat(cb.replica()).isEqualTo(k);
                    assertThat(cb).isEqualTo(new CrossbarBlock(u, ob.node(), k, ob.rowBlock(), ob.colBlock(),
                            ob.firstRow(), ob.rows(), ob.firstCol(), ob.cols(), ob.firstGroup(), ob.groups(),
                            ob.columnsPerWeight()));
                } else {
                    assertThat(k).isZero();
                }
            }
        }
        assertThat(next).isEqualTo(q.unitCount());
        // Within every copy, the blocks hold the layer's weights exactly once: the same as copy 0.
        Map<String, Long> weightsPerCopy = new java.util.HashMap<>();
        for (MappingUnit u : q.units()) {
            if (u instanceof CrossbarBlock cb) {
                weightsPerCopy.merge(cb.node() + "#" + cb.replica(), cb.weights(), Long::sum);
            }
        }
        Map<String, Long> original = p.units().stream().filter(CrossbarBlock.class::isInstance)
                .map(CrossbarBlock.class::cast)
                .collect(Collectors.groupingBy(CrossbarBlock::node, Collectors.summingLong(CrossbarBlock::weights)));
        for (var e : weightsPerCopy.entrySet()) {
            String node = e.getKey().substring(0, e.getKey().lastIndexOf('#'));
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(original.get(node));
        }
    }
}
