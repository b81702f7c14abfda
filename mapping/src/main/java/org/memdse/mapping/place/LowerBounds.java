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
 *   <li><b>traffic × hops</b> ≥ Σ over flows {@code A → B} of {@code bits × max(L1, L2)}: each flow
 *       pays at least what its own two layers force on it, whatever the other layers do.</li>
 * </ul>
 *
 * <p>Under the uniform model of {@link org.memdse.mapping.objective.TrafficModel} a flow costs
 * {@code bits × E[hops(a, b)]} with {@code a} and {@code b} drawn from the shares {@code x_g} and
 * {@code y_g} of A's and B's units in each zero-hop group {@code g} (the endpoints under one
 * router; a single endpoint on a bus). Let {@code cA_g} be the most units of A group g can hold
 * on its own (likewise B), and {@code K_g} the capacity two layers of one kind share there
 * (crossbars; neurons, an SNN group taking at least its node's smallest group's neurons).
 *
 * <p><b>L1, what must leave a group.</b> The part that stays inside a group is {@code Σ_g x_g y_g},
 * at most {@code max_g cB_g / N_B} and {@code max_g cA_g / N_A} (one share summed against the
 * largest other). When A and B compete for the same capacity, writing {@code u_g = x_g N_A s_A}
 * and {@code v_g = y_g N_B s_B} for the capacity each takes ({@code s} per unit): {@code x_g y_g
 * = u_g v_g / (N_A s_A N_B s_B) ≤ (u_g + v_g)² / (4 N_A s_A N_B s_B) ≤ K_g (u_g + v_g) / (4 N_A
 * s_A N_B s_B)}, and {@code Σ (u_g + v_g) = N_A s_A + N_B s_B}, so the local part is also at most
 * {@code max_g K_g (N_A s_A + N_B s_B) / (4 N_A s_A N_B s_B)}; two layers of 576 blocks under
 * 384-crossbar routers keep at most a third of their traffic local, not two thirds. Everything
 * else crosses at least one link: {@code L1 = 1 − local}.
 *
 * <p><b>L2, how far it must go.</b> For an A unit in group {@code g} the expected hops to B are
 * at least {@code D_B(g)}: B's shares poured into the groups nearest {@code g}, each up to {@code
 * cB / N_B}. Then {@code E[hops] = Σ_g x_g Σ_h y_h hops(g, h) ≥ Σ_g x_g D_B(g)}, at least A's
 * shares poured into the groups of smallest {@code D_B}, each up to {@code cA / N_A}; and the same
 * with A and B exchanged. This charges the second and further hops of a layer too big for the
 * groups around one router.
 *
 * <p>Summing per-flow bounds is valid because each flow's traffic × hops is bounded separately.
 * What the bound still ignores: every other layer competing for the same routers, so it stays
 * loose where many big layers talk to each other (ResNets); it is exact (0) for flows whose two
 * layers fit under one router together.
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
        Groups groups = Groups.of(problem.topology());
        Map<Integer, long[]> capacityOf = new HashMap<>();
        Map<Integer, double[]> pourCache = new HashMap<>();
        double total = 0;
        for (Flow f : problem.traffic().flows()) {
            NodeUnits a = problem.partition().nodes().get(f.from());
            NodeUnits b = problem.partition().nodes().get(f.to());
            long[] ca = capacityOf.computeIfAbsent(a.index(), i -> groupCapacities(problem, groups, a));
            long[] cb = capacityOf.computeIfAbsent(b.index(), i -> groupCapacities(problem, groups, b));
            double local = Math.min(1.0, Math.min((double) max(ca) / a.count(), (double) max(cb) / b.count()));
            local = Math.min(local, sharedLocal(problem, groups, a, b));
            double leave = 1.0 - local;
            double[] toB = pourCache.computeIfAbsent(b.index(), i -> nearestPour(groups, cb, b.count()));
            double[] toA = pourCache.computeIfAbsent(a.index(), i -> nearestPour(groups, ca, a.count()));
            double far = Math.max(pour(toB, ca, a.count()), pour(toA, cb, b.count()));
            total += f.bits() * Math.max(leave, far);
        }
        return total;
    }

    /**
     * The zero-hop groups: routers, or endpoints on a bus; each endpoint's group and the hops
     * between groups.
     */
    private record Groups(int count, int[] groupOf, int[][] hops, Integer[][] nearest,
                          Map<ResourceKind, long[]> capacity) {
        static Groups of(NetworkTopology topology) {
            boolean bus = topology.kind() == Topology.BUS;
            int n = topology.endpointCount();
            int count = bus ? n : topology.routerCount();
            int[] groupOf = new int[n];
            for (int e = 0; e < n; e++) {
                groupOf[e] = bus ? e : topology.router(e);
            }
            int[][] hops = new int[count][count];
            Integer[][] nearest = new Integer[count][];
            for (int g = 0; g < count; g++) {
                for (int h = 0; h < count; h++) {
                    hops[g][h] = bus ? (g == h ? 0 : 1) : topology.routerHops(g, h);
                }
                Integer[] order = new Integer[count];
                for (int h = 0; h < count; h++) {
                    order[h] = h;
                }
                int[] row = hops[g];
                java.util.Arrays.sort(order, java.util.Comparator.comparingInt(h -> row[h]));
                nearest[g] = order;
            }
            // Per group: crossbars of its CIM tiles, neurons of its SNN cores.
            Map<ResourceKind, long[]> capacity = new java.util.EnumMap<>(ResourceKind.class);
            capacity.put(ResourceKind.CIM_TILE, new long[count]);
            capacity.put(ResourceKind.SNN_CORE, new long[count]);
            for (int e = 0; e < n; e++) {
                Capacity c = topology.capacity(e);
                if (c.resource() == ResourceKind.CIM_TILE) {
                    capacity.get(ResourceKind.CIM_TILE)[groupOf[e]] += c.crossbars();
                } else if (c.resource() == ResourceKind.SNN_CORE) {
                    capacity.get(ResourceKind.SNN_CORE)[groupOf[e]] += c.neurons();
                }
            }
            return new Groups(count, groupOf, hops, nearest, capacity);
        }
    }

    /**
     * {@code D(g)} for every group: the expected hops from {@code g} to the node's units if they
     * filled the groups nearest {@code g} first, each up to its capacity.
     */
    private static double[] nearestPour(Groups groups, long[] capacity, int units) {
        double[] out = new double[groups.count()];
        for (int g = 0; g < groups.count(); g++) {
            int[] hops = groups.hops()[g];
            out[g] = fill(groups.nearest()[g], h -> hops[h], capacity, units);
        }
        return out;
    }

    /** The least {@code Σ x_g cost(g)} over shares {@code x_g ≤ capacity_g / units} summing to 1. */
    private static double pour(double[] cost, long[] capacity, int units) {
        Integer[] order = new Integer[cost.length];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(g -> cost[g]));
        return fill(order, g -> cost[g], capacity, units);
    }

    private static double fill(Integer[] order, java.util.function.IntToDoubleFunction cost, long[] capacity,
                               int units) {
        double left = 1.0;
        double sum = 0;
        for (int g : order) {
            if (left <= 0) {
                break;
            }
            double share = Math.min(left, (double) capacity[g] / units);
            sum += share * cost.applyAsDouble(g);
            left -= share;
        }
        // Capacity short of the node (it cannot happen for a partition that fits): charge nothing more.
        return sum;
    }

    /**
     * The most of a flow between two nodes that can stay inside one group when they compete for
     * the same capacity (see the class comment); 1 when they do not.
     */
    private static double sharedLocal(MappingProblem problem, Groups groups, NodeUnits a, NodeUnits b) {
        if (a.resource() != b.resource()
                || a.resource() != ResourceKind.CIM_TILE && a.resource() != ResourceKind.SNN_CORE) {
            return 1.0;
        }
        long shared = max(groups.capacity().get(a.resource()));
        if (a.resource() == ResourceKind.CIM_TILE) {
            return jointLocal(shared, a.count(), 1, b.count(), 1);
        }
        // Neurons only: synapse rows may be shared by a population's groups on one core.
        return jointLocal(shared, a.count(), smallestGroup(problem, a), b.count(), smallestGroup(problem, b));
    }

    /** {@code K (N_A s_A + N_B s_B) / (4 N_A s_A N_B s_B)}. */
    private static double jointLocal(long shared, long unitsA, long sizeA, long unitsB, long sizeB) {
        double ua = (double) unitsA * sizeA;
        double ub = (double) unitsB * sizeB;
        return ua <= 0 || ub <= 0 ? 1.0 : shared * (ua + ub) / (4 * ua * ub);
    }

    private static long smallestGroup(MappingProblem problem, NodeUnits node) {
        long smallest = Long.MAX_VALUE;
        for (int u = node.firstUnit(); u < node.firstUnit() + node.count(); u++) {
            if (problem.partition().units().get(u) instanceof CoreGroup g) {
                smallest = Math.min(smallest, g.neurons());
            }
        }
        return smallest == Long.MAX_VALUE ? 0 : smallest;
    }

    /** The most units of a node each zero-hop group can hold on its own. */
    private static long[] groupCapacities(MappingProblem problem, Groups groups, NodeUnits node) {
        NetworkTopology topology = problem.topology();
        long[] perGroup = new long[Math.max(1, groups.count())];
        int smallest = Integer.MAX_VALUE;
        int fanIn = Integer.MAX_VALUE;
        for (int u = node.firstUnit(); u < node.firstUnit() + node.count(); u++) {
            if (problem.partition().units().get(u) instanceof CoreGroup g) {
                smallest = Math.min(smallest, g.neurons());
                fanIn = Math.min(fanIn, g.fanIn());
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
                if (fanIn > 0 && fanIn < Integer.MAX_VALUE) {
                    fit = Math.min(fit, c.synapseRows() / fanIn);
                }
            } else {
                fit = node.count();
            }
            int g = groups.groupOf()[e];
            perGroup[g] = Math.min((long) node.count(), perGroup[g] + Math.min(fit, node.count()));
        }
        return perGroup;
    }

    private static long max(long[] values) {
        long best = 0;
        for (long v : values) {
            best = Math.max(best, v);
        }
        return best;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
