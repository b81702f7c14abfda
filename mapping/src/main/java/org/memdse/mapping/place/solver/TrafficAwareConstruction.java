package org.memdse.mapping.place.solver;

import java.util.List;
import java.util.Optional;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.mapping.objective.Flow;
import org.memdse.mapping.objective.TrafficModel;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.Partition;
import org.memdse.mapping.place.solver.domain.HopZone;
import org.memdse.mapping.topology.Capacity;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * A greedy, traffic-aware starting placement for the local search: nodes in topological order,
 * each unit on the endpoint with room that adds the least traffic × hops towards the nodes placed
 * so far, where opening an empty tile or core costs the tile weight. Ties go to the most central
 * zone, so the placement grows as a compact blob from the middle of the mesh instead of a line
 * that wraps around it (what the sequential baseline does).
 *
 * <p>Under the uniform-split model a unit's added traffic does not depend on where the other
 * units of its own node go (flows join different nodes), so filling the cheapest endpoint first
 * is optimal for each node given the ones before it. It is myopic about the nodes after it, so
 * {@link #REFINE_PASSES} passes then re-place every node against all the others; the local
 * search repairs the rest. Deterministic; O(passes × units × endpoints).
 */
final class TrafficAwareConstruction {
    /**
     * Rip-up-and-replace passes after the first greedy pass: each node is taken out and placed
     * again against all the others (its successors included), which the first pass cannot see.
     */
    static final int REFINE_PASSES = 3;

    private TrafficAwareConstruction() {
    }

    /**
     * @param zones      the hop zone of every endpoint, by endpoint index
     * @param tileWeight soft units (milli-bit-hops) one more tile or core costs
     * @return unit id → endpoint, or empty if some unit found no room
     */
    static Optional<int[]> place(NetworkTopology topology, TrafficModel traffic, List<HopZone> zones,
                                 long tileWeight) {
        Partition partition = traffic.partition();
        int endpoints = topology.endpointCount();
        int zoneCount = zones.stream().mapToInt(HopZone::index).max().orElse(-1) + 1;
        long[] centrality = new long[zoneCount];
        for (HopZone z : zones) {
            long sum = 0;
            for (int h : z.hops()) {
                sum += h;
            }
            centrality[z.index()] = sum;
        }
        int[] crossbarsLeft = new int[endpoints];
        int[] neuronsLeft = new int[endpoints];
        int[] rowsLeft = new int[endpoints];
        for (int e = 0; e < endpoints; e++) {
            Capacity c = topology.capacity(e);
            crossbarsLeft[e] = c.crossbars();
            neuronsLeft[e] = c.neurons();
            rowsLeft[e] = c.synapseRows();
        }
        int nodeCount = partition.nodes().size();
        int[][] unitsInZone = new int[nodeCount][zoneCount];
        boolean[] placed = new boolean[nodeCount];
        int[] unitsOn = new int[endpoints];
        int[] placement = new int[partition.unitCount()];
        HopZone[] zoneByIndex = distinct(zones, zoneCount);
        for (int pass = 0; pass <= REFINE_PASSES; pass++) {
            for (NodeUnits node : partition.nodes()) {
                boolean[] vacated = new boolean[endpoints];
                if (placed[node.index()]) {
                    // Rip the node up: its units go back to the ledger and it is placed again
                    // against every other node, successors included.
                    for (int id = node.firstUnit(); id < node.firstUnit() + node.count(); id++) {
                        release(partition.units().get(id), placement[id], crossbarsLeft, neuronsLeft, rowsLeft);
                        unitsOn[placement[id]]--;
                        vacated[placement[id]] = true;
                    }
                    java.util.Arrays.fill(unitsInZone[node.index()], 0);
                    placed[node.index()] = false;
                }
                double[] zoneCost = zoneCosts(node, traffic, placed, unitsInZone, zoneByIndex);
                for (int id = node.firstUnit(); id < node.firstUnit() + node.count(); id++) {
                    MappingUnit u = partition.units().get(id);
                    int best = -1;
                    double bestCost = Double.POSITIVE_INFINITY;
                    for (int e = 0; e < endpoints; e++) {
                        if (topology.endpoint(e).resource() != u.resource()
                                || !fits(u, e, crossbarsLeft, neuronsLeft, rowsLeft)) {
                            continue;
                        }
                        int z = zones.get(e).index();
                        // A tile the node just left is still open: charging for it again would
                        // push the node into far-away holes instead.
                        double cost = zoneCost[z] * 1000.0 + (unitsOn[e] > 0 || vacated[e] ? 0 : tileWeight);
                        if (cost < bestCost
                                || cost == bestCost && centrality[z] < centrality[zones.get(best).index()]) {
                            best = e;
                            bestCost = cost;
                        }
                    }
                    if (best < 0) {
                        return Optional.empty();
                    }
                    placement[id] = best;
                    unitsOn[best]++;
                    unitsInZone[node.index()][zones.get(best).index()]++;
                    take(u, best, crossbarsLeft, neuronsLeft, rowsLeft);
                }
                placed[node.index()] = true;
            }
        }
        return Optional.of(placement);
    }

    /** Per-unit bit-hops of putting a unit of this node in each zone, towards the placed nodes. */
    private static double[] zoneCosts(NodeUnits node, TrafficModel traffic, boolean[] placed, int[][] unitsInZone,
                                      HopZone[] zones) {
        double[] zoneCost = new double[zones.length];
        for (Flow f : traffic.flows()) {
            int other = f.from() == node.index() ? f.to() : f.to() == node.index() ? f.from() : -1;
            if (other < 0 || !placed[other]) {
                continue;
            }
            for (HopZone z : zones) {
                double sum = 0;
                for (int y = 0; y < zones.length; y++) {
                    sum += (double) unitsInZone[other][y] * z.hops()[y];
                }
                zoneCost[z.index()] += f.pairWeight() * sum;
            }
        }
        return zoneCost;
    }

    private static void take(MappingUnit u, int e, int[] crossbarsLeft, int[] neuronsLeft, int[] rowsLeft) {
        if (u instanceof CrossbarBlock) {
            crossbarsLeft[e]--;
        } else if (u instanceof CoreGroup g) {
            neuronsLeft[e] -= g.neurons();
            rowsLeft[e] -= g.fanIn();
        }
    }

    private static void release(MappingUnit u, int e, int[] crossbarsLeft, int[] neuronsLeft, int[] rowsLeft) {
        if (u instanceof CrossbarBlock) {
            crossbarsLeft[e]++;
        } else if (u instanceof CoreGroup g) {
            neuronsLeft[e] += g.neurons();
            rowsLeft[e] += g.fanIn();
        }
    }

    private static boolean fits(MappingUnit u, int e, int[] crossbarsLeft, int[] neuronsLeft, int[] rowsLeft) {
        if (u instanceof CrossbarBlock) {
            return crossbarsLeft[e] >= 1;
        }
        if (u instanceof CoreGroup g) {
            return neuronsLeft[e] >= g.neurons() && rowsLeft[e] >= g.fanIn();
        }
        return true;
    }

    private static HopZone[] distinct(List<HopZone> zones, int zoneCount) {
        HopZone[] out = new HopZone[zoneCount];
        for (HopZone z : zones) {
            out[z.index()] = z;
        }
        return out;
    }
}
