package org.memdse.mapping.partition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.memdse.core.mapping.BoundaryUnit;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NodeKind;

/**
 * Weight replication to balance a pipeline, as ISAAC and PUMA do it: whole copies of a layer's
 * crossbar blocks on crossbars the network leaves free, each copy taking an equal share of the
 * layer's input vectors.
 *
 * <p>All blocks of a layer work in parallel, so a crossbar layer takes time in proportion to its
 * input vectors per inference ({@link org.memdse.core.network.WeightMatrix#vmmsPerInference()}:
 * output positions of a convolution), and {@code c} copies take {@code vectors / c}. The pipeline
 * interval is the slowest layer. Greedy: while the slowest layer (most vectors per copy; the
 * earlier layer on a tie) has fewer copies than vectors and one more whole copy of it fits in the
 * spare crossbars, add the copy; stop at the first slowest layer that cannot be copied, since
 * copying any other layer would not shorten the interval. Only feed-forward crossbar layers
 * (convolution, linear) are copied: the vectors of a recurrent layer and the time steps of an SNN
 * population depend on the previous ones, so copies could not share them within an inference.
 * A network without such layers is returned unchanged.
 *
 * <p>Copy {@code k} of a layer repeats copy 0's blocks (same matrix ranges) with
 * {@code replica = k}. Units are renumbered so that ids stay dense and each node's units stay
 * contiguous (copy 0's blocks, then copy 1's …), and everything that works on a partition (the
 * traffic model, objectives, placers, the solver's chunks, bounds) sees just a bigger node. The
 * uniform traffic model stays right: a copy handles 1/copies of the vectors, so it receives and
 * sends 1/copies of the layer's traffic, the share its blocks get when the traffic is spread over
 * all of the layer's units.
 */
public final class Replicator {
    private Replicator() {
    }

    /**
     * The copies chosen and the partition with them.
     *
     * @param partition  the partition, units renumbered
     * @param copies     copies per node that has crossbar blocks, in the partition's node order (1 = not copied)
     * @param spareLeft  crossbars still free after copying
     */
    public record Result(Partition partition, Map<String, Integer> copies, long spareLeft) {
        public Result {
            copies = Collections.unmodifiableMap(new LinkedHashMap<>(copies));
        }
    }

    /**
     * Copies layers of {@code partition} into {@code spareCrossbars} free crossbars (the system's
     * crossbars minus the partition's blocks).
     */
    public static Result replicate(Partition partition, NetworkGraph network, long spareCrossbars) {
        int n = partition.nodes().size();
        long[] vectors = new long[n];
        int[] copies = new int[n];
        boolean[] copyable = new boolean[n];
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (NodeUnits node : partition.nodes()) {
            int i = node.index();
            copies[i] = 1;
            if (node.resource() != ResourceKind.CIM_TILE) {
                continue;
            }
            NetworkNode nn = network.node(node.node()).orElseThrow();
            vectors[i] = org.memdse.core.network.RewrittenOperand.crossbarMatrix(network, nn)
                    .map(w -> w.vmmsPerInference()).orElse(1L);
            copyable[i] = nn.kind() == NodeKind.CONV2D || nn.kind() == NodeKind.LINEAR;
        }
        // Slowest first: most vectors per copy (compared exactly), then the earlier node.
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> {
            int c = Long.compare(vectors[b] * copies[a], vectors[a] * copies[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (NodeUnits node : partition.nodes()) {
            if (node.resource() == ResourceKind.CIM_TILE) {
                queue.add(node.index());
            }
        }
        long spare = Math.max(0, spareCrossbars);
        while (!queue.isEmpty()) {
            int slowest = queue.poll();
            int blocks = partition.nodes().get(slowest).count();
            if (!copyable[slowest] || copies[slowest] >= vectors[slowest] || blocks > spare) {
                break;
            }
            copies[slowest]++;
            spare -= blocks;
            queue.add(slowest);
        }
        for (NodeUnits node : partition.nodes()) {
            if (node.resource() == ResourceKind.CIM_TILE) {
                chosen.put(node.node(), copies[node.index()]);
            }
        }
        return new Result(withCopies(partition, copies), chosen, spare);
    }

    /** The partition with {@code copies[node index]} copies of every node's blocks, ids renumbered. */
    static Partition withCopies(Partition partition, int[] copies) {
        List<MappingUnit> units = new ArrayList<>();
        List<NodeUnits> nodes = new ArrayList<>();
        List<Integer> unitNode = new ArrayList<>();
        for (NodeUnits node : partition.nodes()) {
            int first = units.size();
            int k = copies[node.index()];
            for (int replica = 0; replica < k; replica++) {
                for (int u = node.firstUnit(); u < node.firstUnit() + node.count(); u++) {
                    units.add(renumber(partition.units().get(u), units.size(), replica));
                    unitNode.add(node.index());
                }
            }
            nodes.add(new NodeUnits(node.index(), node.node(), node.resource(), first, units.size() - first));
        }
        return new Partition(units, nodes, partition.crossbars(), partition.cores(), unitNode, partition.snn());
    }

    private static MappingUnit renumber(MappingUnit u, int id, int replica) {
        if (u instanceof CrossbarBlock b) {
            return new CrossbarBlock(id, b.node(), replica, b.rowBlock(), b.colBlock(), b.firstRow(), b.rows(),
                    b.firstCol(), b.cols(), b.firstGroup(), b.groups(), b.columnsPerWeight());
        }
        if (replica != 0) {
            throw new IllegalArgumentException("only crossbar blocks are copied, not " + u);
        }
        if (u instanceof CoreGroup g) {
            return g.withId(id);
        }
        BoundaryUnit b = (BoundaryUnit) u;
        return new BoundaryUnit(id, b.node(), b.resource());
    }
}
