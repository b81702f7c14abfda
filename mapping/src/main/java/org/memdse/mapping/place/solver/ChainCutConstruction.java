package org.memdse.mapping.place.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.objective.Flow;
import org.memdse.mapping.objective.TrafficModel;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.Partition;
import org.memdse.mapping.place.solver.domain.HopZone;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * A starting placement that cuts the chain of crossbar layers where little traffic crosses:
 * blocks in topological order fill the router zones along a path through the chip (each zone
 * next to the one before), and the cut points between zones come from a dynamic program, so a
 * zone may stop short of full when the next layer boundary is a cheap place to cut.
 *
 * <p>Why: the sequential baseline cuts wherever a tile runs full. On MobileNetV2 / ISAAC-CE its
 * first cut fell inside an expanded depthwise layer (0.9 Mbit each way) instead of at the
 * bottleneck before it (0.15 Mbit); no sequence of swaps repairs that, because every later layer
 * would have to shift along the chain together.
 *
 * <p>The cost along the path is the line metric: a zone {@code k} and a zone {@code l} are taken
 * {@code |k − l|} hops apart (each step of the path is one hop; the chip may offer shortcuts, so
 * this is an upper bound the search later improves on). Under that metric traffic × hops is a sum
 * over cuts: a flow A → B pays {@code bits × (F_A(1 − F_B) + F_B(1 − F_A))} at a cut, where
 * {@code F_X} is the share of X's blocks before it; each zone costs the tiles its blocks need
 * times the tile weight. The program is exact for that cost, at a resolution of
 * {@code granularity} blocks. Only crossbar blocks move; every other unit keeps its place in the
 * base placement. Deterministic; O(zones × positions × zone capacity / granularity).
 */
final class ChainCutConstruction {
    private ChainCutConstruction() {
    }

    /**
     * @param zones          the hop zone of every endpoint, by endpoint index
     * @param base           a complete placement the other units keep
     * @param tileWeightBits bit-hops one more tile costs
     * @param granularity    cut points fall on multiples of this many blocks (and at the end)
     * @return unit id → endpoint, or empty if there are no crossbar blocks or they do not fit
     */
    static Optional<int[]> place(NetworkTopology topology, TrafficModel traffic, List<HopZone> zones, int[] base,
                                 double tileWeightBits, int granularity) {
        Partition partition = traffic.partition();
        List<MappingUnit> units = partition.units();
        int[] blocks = units.stream().filter(CrossbarBlock.class::isInstance).mapToInt(MappingUnit::id).toArray();
        int n = blocks.length;
        if (n == 0) {
            return Optional.empty();
        }
        // Each crossbar node's blocks occupy positions [first, end) of the block order.
        int nodeCount = partition.nodes().size();
        int[] first = new int[nodeCount];
        int[] end = new int[nodeCount];
        Arrays.fill(first, -1);
        int[] position = new int[units.size()];
        for (int p = 0; p < n; p++) {
            position[blocks[p]] = p;
        }
        for (NodeUnits node : partition.nodes()) {
            if (node.resource() == ResourceKind.CIM_TILE) {
                first[node.index()] = position[node.firstUnit()];
                end[node.index()] = position[node.firstUnit() + node.count() - 1] + 1;
            }
        }
        // Bits the crossbar layers exchange with units that stay put, by the endpoint they sit on:
        // the path starts next to them (e.g. at the integration interface of a hybrid system).
        double[] anchored = new double[topology.endpointCount()];
        for (Flow f : traffic.flows()) {
            boolean fromFixed = first[f.from()] < 0;
            if (fromFixed != (first[f.to()] < 0)) {
                NodeUnits fixed = partition.nodes().get(fromFixed ? f.from() : f.to());
                for (int u = fixed.firstUnit(); u < fixed.firstUnit() + fixed.count(); u++) {
                    anchored[base[u]] += f.bits() / fixed.count();
                }
            }
        }
        List<int[]> path = zonePath(topology, zones, anchored);
        int[] positions = positions(n, Math.max(1, granularity));
        double[] cut = new double[positions.length];
        for (Flow f : traffic.flows()) {
            if (first[f.from()] < 0 || first[f.to()] < 0) {
                continue;
            }
            for (int i = 0; i < positions.length; i++) {
                double a = share(positions[i], first[f.from()], end[f.from()]);
                double b = share(positions[i], first[f.to()], end[f.to()]);
                cut[i] += f.bits() * (a * (1 - b) + b * (1 - a));
            }
        }
        // best[k][i]: blocks 0..positions[i] in the first k zones of the path, every zone used.
        int zonesOnPath = path.size();
        double[][] best = new double[zonesOnPath + 1][positions.length];
        int[][] from = new int[zonesOnPath + 1][positions.length];
        for (double[] row : best) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        best[0][0] = 0;
        int bestZones = -1;
        for (int k = 1; k <= zonesOnPath; k++) {
            int[] tiles = path.get(k - 1);
            int capacity = Arrays.stream(tiles).map(t -> topology.capacity(t).crossbars()).sum();
            for (int i = 1; i < positions.length; i++) {
                double cutCost = positions[i] < n ? cut[i] : 0;
                for (int j = i - 1; j >= 0 && positions[i] - positions[j] <= capacity; j--) {
                    if (best[k - 1][j] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    double cost = best[k - 1][j] + cutCost
                            + tileWeightBits * tilesNeeded(topology, tiles, positions[i] - positions[j]);
                    if (cost < best[k][i]) {
                        best[k][i] = cost;
                        from[k][i] = j;
                    }
                }
            }
            int last = positions.length - 1;
            if (best[k][last] < Double.POSITIVE_INFINITY
                    && (bestZones < 0 || best[k][last] < best[bestZones][last])) {
                bestZones = k;
            }
        }
        if (bestZones < 0) {
            return Optional.empty();
        }
        int[] placement = base.clone();
        int i = positions.length - 1;
        for (int k = bestZones; k >= 1; k--) {
            int j = from[k][i];
            int[] tiles = path.get(k - 1);
            int tile = 0;
            int used = 0;
            for (int p = positions[j]; p < positions[i]; p++) {
                while (used >= topology.capacity(tiles[tile]).crossbars()) {
                    tile++;
                    used = 0;
                }
                placement[blocks[p]] = tiles[tile];
                used++;
            }
            i = j;
        }
        return Optional.of(placement);
    }

    /** Share of a node's blocks (positions {@code [first, end)}) before position {@code p}. */
    private static double share(int p, int first, int end) {
        return Math.min(1.0, Math.max(0.0, (double) (p - first) / (end - first)));
    }

    /** 0, g, 2g, …, and n. */
    private static int[] positions(int n, int granularity) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < n; p += granularity) {
            out.add(p);
        }
        out.add(n);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Fewest tiles (largest first) that hold {@code blocks}. */
    private static int tilesNeeded(NetworkTopology topology, int[] tilesLargestFirst, int blocks) {
        int count = 0;
        int room = 0;
        while (room < blocks && count < tilesLargestFirst.length) {
            room += topology.capacity(tilesLargestFirst[count++]).crossbars();
        }
        return count;
    }

    /**
     * The zones holding CIM tiles, in the order of a nearest-neighbour walk (on a mesh: along a
     * row, then back along the next, and so on), each with its tiles, largest first (then by
     * index). The walk starts at the zone closest, in bits × hops, to the anchored traffic, or at
     * the first zone without any.
     *
     * @param anchored bits exchanged with fixed units, by the endpoint they sit on
     */
    static List<int[]> zonePath(NetworkTopology topology, List<HopZone> zones, double[] anchored) {
        List<HopZone> zoneList = new ArrayList<>();
        List<List<Integer>> tilesOf = new ArrayList<>();
        for (int e = 0; e < topology.endpointCount(); e++) {
            if (topology.endpoint(e).resource() != ResourceKind.CIM_TILE || topology.capacity(e).crossbars() < 1) {
                continue;
            }
            HopZone z = zones.get(e);
            int at = zoneList.indexOf(z);
            if (at < 0) {
                zoneList.add(z);
                tilesOf.add(new ArrayList<>());
                at = zoneList.size() - 1;
            }
            tilesOf.get(at).add(e);
        }
        List<int[]> path = new ArrayList<>();
        boolean[] visited = new boolean[zoneList.size()];
        int current = 0;
        double nearest = Double.POSITIVE_INFINITY;
        for (int z = 0; z < zoneList.size(); z++) {
            double cost = 0;
            for (int e = 0; e < anchored.length; e++) {
                cost += anchored[e] * zoneList.get(z).hopsTo(zones.get(e));
            }
            if (cost < nearest) {
                nearest = cost;
                current = z;
            }
        }
        for (int step = 0; step < zoneList.size(); step++) {
            visited[current] = true;
            List<Integer> tiles = new ArrayList<>(tilesOf.get(current));
            tiles.sort((a, b) -> topology.capacity(a).crossbars() != topology.capacity(b).crossbars()
                    ? Integer.compare(topology.capacity(b).crossbars(), topology.capacity(a).crossbars())
                    : Integer.compare(a, b));
            path.add(tiles.stream().mapToInt(Integer::intValue).toArray());
            int next = -1;
            for (int z = 0; z < zoneList.size(); z++) {
                if (!visited[z] && (next < 0
                        || zoneList.get(current).hopsTo(zoneList.get(z)) < zoneList.get(current).hopsTo(zoneList.get(next)))) {
                    next = z;
                }
            }
            if (next < 0) {
                break;
            }
            current = next;
        }
        return path;
    }
}
