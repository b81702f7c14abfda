package org.memdse.cost.evaluator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.TrafficEdge;
import org.memdse.cost.evaluator.MappedNetwork.RoutedTraffic;
import org.memdse.cost.evaluator.MappedNetwork.TileShare;

/**
 * The part of a {@link MappedNetwork} that depends on the network and the mapping only, never on
 * the architecture's circuits: which units run each node, the edges into and out of it, its
 * statistics, the geometry of a crossbar layer's blocks (cells, rows and columns used, replicas,
 * the tiles they occupy and each tile's share of the inputs and outputs), the tiles each
 * subsystem uses and the routes grouped by sender.
 *
 * <p>Why it is separate: a sweep reuses one mapping for every point with the same mapping problem
 * (999 of the 1,000 points of {@code memdse bench sweep}), and this part, the tile shares above
 * all, was about half of each point's evaluation. Built once per (network, mapping) and shared by
 * threads; immutable once built.
 */
public final class MappingLayout {
    /**
     * How a crossbar layer's blocks sit, before any circuit is known.
     *
     * @param blocks       crossbar blocks
     * @param cellsUsed    cells the blocks use (rows x columns, summed)
     * @param columnCycles columns used, summed over the blocks
     * @param rowCycles    rows used, summed over the blocks
     * @param replicas     copies of the layer
     * @param rowBlocks    blocks a column of the weight matrix is split over
     * @param maxRows      most rows a block uses
     * @param tiles        distinct tiles the blocks sit on
     * @param tileShares   per tile, its share of the layer's inputs and outputs
     */
    record BlockGeometry(int blocks, double cellsUsed, double columnCycles, double rowCycles, int replicas,
                         int rowBlocks, int maxRows, long tiles, List<TileShare> tileShares) {
    }

    private final NetworkGraph network;
    private final Mapping mapping;
    private final List<NetworkNode> nodes;
    private final Map<String, Integer> index;
    private final List<List<MappingUnit>> units;
    private final List<List<TrafficEdge>> ins;
    private final List<List<TrafficEdge>> outs;
    private final NodeStats[] stats;
    private final long macs;
    private final String[] subsystemOf;
    private final BlockGeometry[] geometry;
    private final Map<String, Long> usedTiles;
    private final List<RoutedTraffic> routes;
    private final List<List<RoutedTraffic>> routesBySource;
    private final long crossbarBlocks;
    private final long coresUsed;

    private MappingLayout(NetworkGraph network, Mapping mapping) {
        this.network = Objects.requireNonNull(network, "network");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.nodes = network.nodes();
        int n = nodes.size();
        Map<String, Integer> byName = new HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            byName.put(nodes.get(i).name(), i);
        }
        this.index = Collections.unmodifiableMap(byName);
        List<List<MappingUnit>> unitsOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            unitsOf.add(new ArrayList<>());
        }
        long blocks = 0;
        for (MappingUnit u : mapping.units()) {
            if (u instanceof CoreGroup g) {
                // A core's part may hold neurons of several populations: each runs there.
                for (CoreGroup.Share share : g.shares()) {
                    Integer i = index.get(share.population());
                    if (i != null) {
                        unitsOf.get(i).add(u);
                    }
                }
                continue;
            }
            if (u instanceof CrossbarBlock) {
                blocks++;
            }
            Integer i = index.get(u.node());
            if (i != null) {
                unitsOf.get(i).add(u);
            }
        }
        this.crossbarBlocks = blocks;
        this.coresUsed = mapping.units().stream().filter(CoreGroup.class::isInstance)
                .map(u -> mapping.endpointOf(u.id()).index()).distinct().count();
        this.units = frozen(unitsOf);
        List<List<TrafficEdge>> into = new ArrayList<>(n);
        List<List<TrafficEdge>> outOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            into.add(new ArrayList<>(2));
            outOf.add(new ArrayList<>(2));
        }
        Map<Integer, TrafficEdge> edges = new HashMap<>();
        for (TrafficEdge e : network.edges()) {
            edges.put(e.id(), e);
            Integer s = index.get(e.source());
            Integer t = index.get(e.target());
            if (s != null) {
                outOf.get(s).add(e);
            }
            if (t != null) {
                into.get(t).add(e);
            }
        }
        this.ins = frozen(into);
        this.outs = frozen(outOf);
        this.stats = new NodeStats[n];
        this.subsystemOf = new String[n];
        this.geometry = new BlockGeometry[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            stats[i] = network.stats(nodes.get(i));
            sum += stats[i].macs();
            List<MappingUnit> u = units.get(i);
            if (!u.isEmpty()) {
                subsystemOf[i] = mapping.endpointOf(u.get(0).id()).subsystem();
                if (u.get(0) instanceof CrossbarBlock) {
                    geometry[i] = geometry(u);
                }
            }
        }
        this.macs = sum;
        this.usedTiles = Collections.unmodifiableMap(usedTiles(mapping));
        List<RoutedTraffic> routed = new ArrayList<>(mapping.routes().size());
        List<List<RoutedTraffic>> bySource = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bySource.add(new ArrayList<>(2));
        }
        for (Route r : mapping.routes()) {
            TrafficEdge e = edges.get(r.edge());
            Integer s = e == null ? null : index.get(e.source());
            RoutedTraffic t = new RoutedTraffic(r, e, s == null ? -1 : s);
            routed.add(t);
            if (s != null) {
                bySource.get(s).add(t);
            }
        }
        this.routes = List.copyOf(routed);
        this.routesBySource = frozen(bySource);
    }

    /** The layout of {@code mapping} of {@code network}. */
    public static MappingLayout of(NetworkGraph network, Mapping mapping) {
        return new MappingLayout(network, mapping);
    }

    private static <T> List<List<T>> frozen(List<List<T>> lists) {
        List<List<T>> out = new ArrayList<>(lists.size());
        for (List<T> l : lists) {
            out.add(List.copyOf(l));
        }
        return List.copyOf(out);
    }

    /** Per subsystem, the tiles or cores that hold at least one mapping unit. */
    private static Map<String, Long> usedTiles(Mapping mapping) {
        boolean[] used = new boolean[mapping.endpoints().size()];
        for (MappingUnit u : mapping.units()) {
            used[mapping.placements().get(u.id()).endpoint()] = true;
        }
        Map<String, Long> out = new HashMap<>();
        for (int e = 0; e < used.length; e++) {
            if (used[e]) {
                out.merge(mapping.endpoints().get(e).subsystem(), 1L, Long::sum);
            }
        }
        return out;
    }

    private BlockGeometry geometry(List<MappingUnit> units) {
        double cells = 0;
        double columnCycles = 0;
        double rowCycles = 0;
        int replicas = 1;
        int rowBlocks = 1;
        int maxRows = 1;
        // Tiles by first use: each block's tile as an index 0 .. tileCount - 1 (endpoint indices
        // are dense, so no hash lookups).
        int[] tileOfEndpoint = new int[mapping.endpoints().size()];
        Arrays.fill(tileOfEndpoint, -1);
        int[] tileOfBlock = new int[units.size()];
        int tileCount = 0;
        List<CrossbarBlock> blocks = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            CrossbarBlock b = (CrossbarBlock) units.get(i);
            blocks.add(b);
            cells += (double) b.crossbarRows() * b.crossbarCols();
            columnCycles += b.crossbarCols();
            rowCycles += b.crossbarRows();
            replicas = Math.max(replicas, b.replica() + 1);
            rowBlocks = Math.max(rowBlocks, b.rowBlock() + 1);
            maxRows = Math.max(maxRows, b.crossbarRows());
            int e = mapping.placements().get(b.id()).endpoint();
            if (tileOfEndpoint[e] < 0) {
                tileOfEndpoint[e] = tileCount++;
            }
            tileOfBlock[i] = tileOfEndpoint[e];
        }
        List<TileShare> shares = List.copyOf(TileShares.of(blocks, tileOfBlock, tileCount, replicas));
        return new BlockGeometry(units.size(), cells, columnCycles, rowCycles, replicas, rowBlocks, maxRows,
                tileCount, shares);
    }

    public NetworkGraph network() {
        return network;
    }

    public Mapping mapping() {
        return mapping;
    }

    List<NetworkNode> nodes() {
        return nodes;
    }

    /** A node's index in network order, or null when the network has no node of that name. */
    Integer indexOf(String node) {
        return index.get(node);
    }

    /** The mapping units that run node {@code i}. */
    List<MappingUnit> units(int i) {
        return units.get(i);
    }

    List<TrafficEdge> ins(int i) {
        return ins.get(i);
    }

    List<TrafficEdge> outs(int i) {
        return outs.get(i);
    }

    NodeStats stats(int i) {
        return stats[i];
    }

    long macs() {
        return macs;
    }

    /** The subsystem of node {@code i}'s first unit, or null when no unit runs it. */
    String subsystemOf(int i) {
        return subsystemOf[i];
    }

    /** Node {@code i}'s block geometry, or null when crossbar blocks do not run it. */
    BlockGeometry geometry(int i) {
        return geometry[i];
    }

    Map<String, Long> usedTiles() {
        return usedTiles;
    }

    List<RoutedTraffic> routes() {
        return routes;
    }

    List<List<RoutedTraffic>> routesBySource() {
        return routesBySource;
    }

    long crossbarBlocks() {
        return crossbarBlocks;
    }

    long coresUsed() {
        return coresUsed;
    }
}
