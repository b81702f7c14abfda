package org.memdse.mapping.objective;

import java.util.ArrayList;
import java.util.List;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingObjectives;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.Partition;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * The reference value of every structural objective for a placement (an array: unit id →
 * endpoint index). The solver's soft score for traffic × hops must equal
 * {@link #trafficHops(int[])} for the same placement.
 *
 * <ul>
 *   <li>traffic × hops: {@link TrafficModel}, with {@link NetworkTopology#hops(int, int)};</li>
 *   <li>tiles used: CIM tiles holding at least one block; crossbars used: blocks (one block
 *       per crossbar); cores used: SNN cores holding at least one group;</li>
 *   <li>imbalance: among used CIM tiles, the most blocks on one tile over the mean (1 =
 *       balanced); for a system whose network uses no CIM tile, the same over used cores by
 *       neurons.</li>
 * </ul>
 */
public final class ObjectiveCalculator {
    private final NetworkTopology topology;
    private final Partition partition;
    private final TrafficModel traffic;

    public ObjectiveCalculator(NetworkTopology topology, TrafficModel traffic) {
        this.topology = topology;
        this.partition = traffic.partition();
        this.traffic = traffic;
    }

    public NetworkTopology topology() {
        return topology;
    }

    public TrafficModel traffic() {
        return traffic;
    }

    public MappingObjectives evaluate(int[] endpointOfUnit) {
        int e = topology.endpointCount();
        int[] blocks = new int[e];
        int[] neurons = new int[e];
        int crossbars = 0;
        for (MappingUnit u : partition.units()) {
            int at = endpointOfUnit[u.id()];
            if (u instanceof CrossbarBlock) {
                blocks[at]++;
                crossbars++;
            } else if (u instanceof CoreGroup g) {
                neurons[at] += g.neurons();
            }
        }
        int tiles = 0;
        int cores = 0;
        int maxBlocks = 0;
        int maxNeurons = 0;
        long sumNeurons = 0;
        for (int i = 0; i < e; i++) {
            if (blocks[i] > 0) {
                tiles++;
                maxBlocks = Math.max(maxBlocks, blocks[i]);
            }
            if (neurons[i] > 0) {
                cores++;
                maxNeurons = Math.max(maxNeurons, neurons[i]);
                sumNeurons += neurons[i];
            }
        }
        double imbalance = 1.0;
        if (tiles > 0) {
            imbalance = maxBlocks / ((double) crossbars / tiles);
        } else if (cores > 0) {
            imbalance = maxNeurons / ((double) sumNeurons / cores);
        }
        return new MappingObjectives(tiles, crossbars, cores, trafficHops(endpointOfUnit), imbalance);
    }

    /** Σ over flows and endpoint pairs of bits × hops. */
    public double trafficHops(int[] endpointOfUnit) {
        double total = 0;
        for (EndpointTraffic t : endpointTraffic(endpointOfUnit)) {
            total += t.bits() * topology.hops(t.from(), t.to());
        }
        return total;
    }

    /**
     * Every flow split over the endpoint pairs its units sit on (pairs on the same endpoint
     * included, with their bits), in flow order, then sending and receiving endpoint order.
     */
    public List<EndpointTraffic> endpointTraffic(int[] endpointOfUnit) {
        int n = traffic.nodeCount();
        int[][] eps = new int[n][];
        int[][] counts = new int[n][];
        int[] scratch = new int[topology.endpointCount()];
        for (NodeUnits node : partition.nodes()) {
            List<Integer> used = new ArrayList<>();
            for (int u = node.firstUnit(); u < node.firstUnit() + node.count(); u++) {
                int at = endpointOfUnit[u];
                if (scratch[at]++ == 0) {
                    used.add(at);
                }
            }
            used.sort(null);
            eps[node.index()] = used.stream().mapToInt(Integer::intValue).toArray();
            counts[node.index()] = new int[used.size()];
            for (int k = 0; k < used.size(); k++) {
                counts[node.index()][k] = scratch[used.get(k)];
                scratch[used.get(k)] = 0;
            }
        }
        List<EndpointTraffic> out = new ArrayList<>();
        for (Flow f : traffic.flows()) {
            int[] ea = eps[f.from()];
            int[] ca = counts[f.from()];
            int[] eb = eps[f.to()];
            int[] cb = counts[f.to()];
            for (int i = 0; i < ea.length; i++) {
                for (int j = 0; j < eb.length; j++) {
                    out.add(new EndpointTraffic(f.edge(), ea[i], eb[j], f.pairWeight() * ca[i] * cb[j]));
                }
            }
        }
        return out;
    }

    /** Whether every unit sits on an endpoint of its kind and no endpoint holds more than it can. */
    public List<String> capacityViolations(int[] endpointOfUnit) {
        int e = topology.endpointCount();
        int[] blocks = new int[e];
        int[] neurons = new int[e];
        int[] rows = new int[e];
        List<String> out = new ArrayList<>();
        for (MappingUnit u : partition.units()) {
            int at = endpointOfUnit[u.id()];
            if (at < 0 || at >= e) {
                out.add("unit " + u.id() + " of " + u.node() + " is not placed");
                continue;
            }
            ResourceKind kind = topology.endpoint(at).resource();
            if (kind != u.resource()) {
                out.add("unit " + u.id() + " of " + u.node() + " (" + u.resource().key() + ") sits on "
                        + topology.endpoint(at) + " (" + kind.key() + ")");
            }
            if (u instanceof CrossbarBlock) {
                blocks[at]++;
            } else if (u instanceof CoreGroup g) {
                neurons[at] += g.neurons();
                rows[at] += g.fanIn();
            }
        }
        for (int i = 0; i < e; i++) {
            var c = topology.capacity(i);
            if (blocks[i] > c.crossbars()) {
                out.add(topology.endpoint(i) + " holds " + blocks[i] + " crossbar blocks, has " + c.crossbars());
            }
            if (neurons[i] > c.neurons()) {
                out.add(topology.endpoint(i) + " holds " + neurons[i] + " neurons, has " + c.neurons());
            }
            if (rows[i] > c.synapseRows()) {
                out.add(topology.endpoint(i) + " needs " + rows[i] + " synapse rows, has " + c.synapseRows());
            }
        }
        return out;
    }
}
