package org.memdse.mapping.place;

import java.util.HashMap;
import java.util.Map;
import org.memdse.core.arch.Topology;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingObjectives;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.objective.Flow;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.topology.Capacity;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Values no placement of the partition can beat, each bounded on its own.
 *
 * <ul>
 *   <li><b>tiles used</b> ≥ ⌈blocks / most crossbars on one tile⌉; <b>crossbars used</b> = blocks
 *       (every placement uses exactly one crossbar per block); <b>cores used</b> ≥ max(⌈Σ
 *       neurons / most neurons per core⌉, ⌈Σ fan-in / most synapse rows per core⌉);
 *       <b>imbalance</b> ≥ 1.</li>
 *   <li><b>traffic × hops</b> ≥ Σ over flows {@code A → B} of
 *       {@code bits × (1 − min(1, C_A / N_A, C_B / N_B))}, where {@code N_X} is the number of units
 *       of node X and {@code C_X} the most units of X that fit in one <i>zero-hop group</i> (the
 *       endpoints under one router; a single endpoint on a bus).</li>
 * </ul>
 *
 * <p>Proof sketch of the traffic bound, under the uniform model of
 * {@link org.memdse.mapping.objective.TrafficModel}: let {@code x_g} and {@code y_g} be the
 * fractions of A's and B's units in zero-hop group {@code g} (Σ x_g = Σ y_g = 1). The part of
 * the flow that stays inside a group, at 0 hops, is {@code bits × Σ_g x_g y_g ≤ bits × max_g y_g
 * × Σ_g x_g = bits × max_g y_g ≤ bits × C_B / N_B}, and symmetrically {@code ≤ bits × C_A / N_A}.
 * Every other bit crosses at least one link, i.e. costs at least 1 hop. Summing per-flow bounds
 * is valid because each flow's traffic × hops is bounded separately. The bound ignores that a
 * group cannot hold all of A and all of B at once, and that leaving traffic usually travels more
 * than one hop, so it is loose for big layers; it is exact (0) for flows whose two nodes fit
 * under one router together.
 */
public final class LowerBounds {
    private LowerBounds() {
    }

    public static MappingObjectives of(MappingProblem problem) {
        NetworkTopology topology = problem.topology();
        int blocks = 0;
        long neurons = 0;
        long fanIn = 0;
        for (MappingUnit u : problem.partition().units()) {
            if (u instanceof CrossbarBlock) {
                blocks++;
            } else if (u instanceof CoreGroup g) {
                neurons += g.neurons();
                fanIn += g.fanIn();
            }
        }
        int maxCrossbars = 0;
        int maxNeurons = 0;
        int maxRows = 0;
        for (Capacity c : topology.capacities()) {
            if (c.resource() == ResourceKind.CIM_TILE) {
                maxCrossbars = Math.max(maxCrossbars, c.crossbars());
            } else if (c.resource() == ResourceKind.SNN_CORE) {
                maxNeurons = Math.max(maxNeurons, c.neurons());
                maxRows = Math.max(maxRows, c.synapseRows());
            }
        }
        int tiles = blocks == 0 ? 0 : (int) ceilDiv(blocks, Math.max(1, maxCrossbars));
        int cores = 0;
        if (neurons > 0) {
            cores = (int) Math.max(ceilDiv(neurons, Math.max(1, maxNeurons)),
                    maxRows == 0 ? 0 : ceilDiv(fanIn, maxRows));
        }
        return new MappingObjectives(tiles, blocks, cores, trafficHops(problem), 1.0);
    }

    /** The traffic × hops bound alone (see the class comment). */
    public static double trafficHops(MappingProblem problem) {
        Map<Integer, Long> capacityOf = new HashMap<>();
        double total = 0;
        for (Flow f : problem.traffic().flows()) {
            NodeUnits a = problem.partition().nodes().get(f.from());
            NodeUnits b = problem.partition().nodes().get(f.to());
            long ca = capacityOf.computeIfAbsent(a.index(), i -> groupCapacity(problem, a));
            long cb = capacityOf.computeIfAbsent(b.index(), i -> groupCapacity(problem, b));
            double local = Math.min(1.0, Math.min((double) ca / a.count(), (double) cb / b.count()));
            total += f.bits() * (1.0 - local);
        }
        return total;
    }

    /** The most units of a node that fit in one zero-hop group (router, or endpoint on a bus). */
    static long groupCapacity(MappingProblem problem, NodeUnits node) {
        NetworkTopology topology = problem.topology();
        boolean bus = topology.kind() == Topology.BUS;
        int groups = bus ? topology.endpointCount() : topology.routerCount();
        long[] perGroup = new long[Math.max(1, groups)];
        int smallest = Integer.MAX_VALUE;
        int fanIn = 0;
        for (int u = node.firstUnit(); u < node.firstUnit() + node.count(); u++) {
            if (problem.partition().units().get(u) instanceof CoreGroup g) {
                smallest = Math.min(smallest, g.neurons());
                fanIn = g.fanIn();
            }
        }
        for (int e = 0; e < topology.endpointCount(); e++) {
            Capacity c = topology.capacity(e);
            if (c.resource() != node.resource()) {
                continue;
            }
            long fit;
            if (node.resource() == ResourceKind.CIM_TILE) {
                fit = c.crossbars();
            } else if (node.resource() == ResourceKind.SNN_CORE) {
                fit = c.neurons() / smallest;
                if (fanIn > 0) {
                    fit = Math.min(fit, c.synapseRows() / fanIn);
                }
            } else {
                fit = node.count();
            }
            int g = bus ? e : topology.router(e);
            perGroup[g] = Math.min((long) node.count(), perGroup[g] + Math.min(fit, node.count()));
        }
        long best = 0;
        for (long v : perGroup) {
            best = Math.max(best, v);
        }
        return best;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
