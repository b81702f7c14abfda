package org.memdse.mapping.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Board;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Topology;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.partition.CoreGeometry;
import org.memdse.mapping.partition.CrossbarGeometry;

/**
 * A system's on-chip network as the mappers see it: endpoints with their capacities, the routers
 * they attach to, the directed links, and all-pairs hop distances computed once (BFS over the
 * jgrapht router graph) so that {@link #hops(int, int)} is an array lookup in the solver's inner
 * loop. Immutable and safe to share between threads.
 *
 * <p>Router graphs:
 * <ul>
 *   <li><b>mesh / torus</b>: a {@code columns × rows} grid (from the file, or the near-square grid
 *       {@code columns = ⌈√R⌉, rows = ⌈R / columns⌉} for {@code R = ⌈endpoints / concentration⌉}
 *       routers); router {@code r} sits at {@code (r mod columns, r / columns)}; a torus adds the
 *       wrap-around links.</li>
 *   <li><b>H-tree</b>: a balanced binary tree whose leaves are the routers {@code 0..L-1} the
 *       endpoint groups attach to ({@code L = ⌈endpoints / concentration⌉}); internal routers
 *       get ids {@code L..2L-2} in post-order, so the root is {@code 2L-2} (see {@link #parent(int)}).</li>
 *   <li><b>bus</b>: one shared medium, router 0, one link {@code 0 → 0}. Two different endpoints
 *       are <b>1 hop</b> apart (a transfer is one bus transaction whatever the distance; charging
 *       0 would make the bus free and hide its traffic), an endpoint is 0 hops from itself (the
 *       data never leaves the tile).</li>
 * </ul>
 * Elsewhere two endpoints are as many hops apart as links between their routers (0 on the same
 * router: a concentrated router switches between its own ports without using a link).
 */
public final class NetworkTopology {
    private final String architecture;
    private final Topology kind;
    private final List<Endpoint> endpoints;
    private final List<Capacity> capacities;
    private final int[] routerOf;
    private final int routers;
    private final int columns;
    private final int rows;
    private final int[] parent;
    private final int[] depth;
    private final List<Link> links;
    private final Map<Long, Integer> linkIds;
    private final int[] routerHops;
    /** Chips: 1, or the board's; everything below is for a multi-chip system only. */
    private final int chips;
    /** One chip's topology (this one for a single chip). */
    private final NetworkTopology chip;
    private final int[] chipOf;
    /** Per local endpoint of a chip, its hops to the chip's gateway. */
    private final int[] toGateway;
    private final int gateway;
    private final int[] boardHops;
    private final List<BoardLink> boardLinks;
    /** Board link ids from chip a to chip b, row-major {@code [a * chips + b]}. */
    private final List<List<Integer>> boardRoutes;

    private NetworkTopology(String architecture, Topology kind, List<Endpoint> endpoints, List<Capacity> capacities,
                            int routers, int columns, int rows, int[] parent, List<Link> links) {
        this.architecture = architecture;
        this.kind = kind;
        this.endpoints = List.copyOf(endpoints);
        this.capacities = List.copyOf(capacities);
        this.routerOf = endpoints.stream().mapToInt(Endpoint::router).toArray();
        this.routers = routers;
        this.columns = columns;
        this.rows = rows;
        this.parent = parent;
        this.links = List.copyOf(links);
        Map<Long, Integer> ids = new HashMap<>();
        for (Link l : links) {
            ids.put(key(l.from(), l.to()), l.id());
        }
        this.linkIds = Collections.unmodifiableMap(ids);
        this.routerHops = kind == Topology.BUS ? new int[] {0} : bfs(routers, links);
        this.depth = depths(parent);
        this.chips = 1;
        this.chip = this;
        this.chipOf = new int[endpoints.size()];
        this.toGateway = new int[0];
        this.gateway = 0;
        this.boardHops = new int[] {0};
        this.boardLinks = List.of();
        this.boardRoutes = List.of(List.of());
    }

    /** A board of {@code board.chips()} copies of {@code chip}. */
    private NetworkTopology(NetworkTopology chip, Board board) {
        int n = board.chips();
        int e = chip.endpointCount();
        int r = chip.routerCount();
        int l = chip.links().size();
        List<Endpoint> eps = new ArrayList<>(n * e);
        List<Capacity> caps = new ArrayList<>(n * e);
        List<Link> lks = new ArrayList<>(n * l);
        this.chipOf = new int[n * e];
        for (int c = 0; c < n; c++) {
            for (Endpoint x : chip.endpoints()) {
                eps.add(new Endpoint(c * e + x.index(), x.subsystem(), x.instance(), x.resource(), c * r + x.router(), c));
                caps.add(chip.capacity(x.index()));
                chipOf[c * e + x.index()] = c;
            }
            for (Link k : chip.links()) {
                lks.add(new Link(c * l + k.id(), c * r + k.from(), c * r + k.to()));
            }
        }
        this.architecture = chip.architecture;
        this.kind = chip.kind;
        this.endpoints = List.copyOf(eps);
        this.capacities = List.copyOf(caps);
        this.routerOf = eps.stream().mapToInt(Endpoint::router).toArray();
        this.routers = n * r;
        this.columns = chip.columns;
        this.rows = chip.rows;
        this.parent = chip.parent;
        this.depth = chip.depth;
        this.links = List.copyOf(lks);
        Map<Long, Integer> ids = new HashMap<>();
        for (Link k : lks) {
            ids.put(key(k.from(), k.to()), k.id());
        }
        this.linkIds = Collections.unmodifiableMap(ids);
        this.routerHops = chip.routerHops;
        this.chips = n;
        this.chip = chip;
        this.gateway = gatewayOf(chip);
        this.toGateway = new int[e];
        for (int x = 0; x < e; x++) {
            toGateway[x] = chip.hops(x, gateway);
        }
        this.boardHops = board.hops();
        List<BoardLink> bl = new ArrayList<>();
        for (Board.Connection c : board.connections()) {
            bl.add(new BoardLink(bl.size(), c.a(), c.b()));
            bl.add(new BoardLink(bl.size(), c.b(), c.a()));
        }
        this.boardLinks = List.copyOf(bl);
        this.boardRoutes = boardRoutes(n, bl);
    }

    /** A hop across the board counts as this many on-chip hops (more than any path across a chip and back). */
    public static final int BOARD_HOP_WEIGHT = 100;

    /**
     * The endpoint where a chip's board links attach: the one with the least total hops to every
     * endpoint of the chip (its middle; the lowest index on ties).
     */
    private static int gatewayOf(NetworkTopology chip) {
        int best = 0;
        long bestSum = Long.MAX_VALUE;
        for (int a = 0; a < chip.endpointCount(); a++) {
            long sum = 0;
            for (int b = 0; b < chip.endpointCount(); b++) {
                sum += chip.hops(a, b);
            }
            if (sum < bestSum) {
                bestSum = sum;
                best = a;
            }
        }
        return best;
    }

    /** Shortest board paths (breadth first, lower link ids first) between every pair of chips. */
    private static List<List<Integer>> boardRoutes(int n, List<BoardLink> links) {
        List<List<Integer>> out = new ArrayList<>(n * n);
        for (int s = 0; s < n; s++) {
            int[] via = new int[n];
            Arrays.fill(via, -1);
            boolean[] seen = new boolean[n];
            seen[s] = true;
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(s));
            while (!queue.isEmpty()) {
                int v = queue.poll();
                for (BoardLink b : links) {
                    if (b.fromChip() == v && !seen[b.toChip()]) {
                        seen[b.toChip()] = true;
                        via[b.toChip()] = b.id();
                        queue.add(b.toChip());
                    }
                }
            }
            for (int t = 0; t < n; t++) {
                List<Integer> path = new ArrayList<>();
                for (int v = t; v != s && via[v] >= 0; v = links.get(via[v]).fromChip()) {
                    path.add(0, via[v]);
                }
                out.add(List.copyOf(path));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The topology of a system's network: its on-chip network, and for a multi-chip system
     * ({@code board:}) every chip's copy of it, endpoints and routers numbered chip after chip
     * (endpoint {@code c * E + i} is endpoint i of chip c), and the board links between chips.
     */
    public static NetworkTopology of(Architecture architecture) {
        NetworkTopology chip = ofChip(architecture.singleChip());
        return architecture.chips() == 1 ? chip : new NetworkTopology(chip, architecture.board().orElseThrow());
    }

    private static NetworkTopology ofChip(Architecture architecture) {
        List<Endpoint> endpoints = Endpoints.of(architecture);
        List<Capacity> capacities = capacities(architecture, endpoints);
        OnChipNetwork noc = architecture.interconnect().onChip();
        int groups = Math.max(1, (endpoints.size() + noc.concentration() - 1) / noc.concentration());
        List<Link> links = new ArrayList<>();
        switch (noc.topology()) {
            case BUS -> {
                links.add(new Link(0, 0, 0));
                return new NetworkTopology(architecture.name(), Topology.BUS, endpoints, capacities, 1, 0, 0,
                        new int[] {-1}, links);
            }
            case HTREE -> {
                int[] parent = new int[Math.max(1, 2 * groups - 1)];
                Arrays.fill(parent, -1);
                int[] next = {groups};
                buildTree(0, groups, parent, next, links);
                return new NetworkTopology(architecture.name(), Topology.HTREE, endpoints, capacities, parent.length, 0,
                        0, parent, links);
            }
            default -> {
                int cols;
                int rws;
                if (noc.columns().isPresent() && noc.rows().isPresent()) {
                    cols = noc.columns().getAsInt();
                    rws = noc.rows().getAsInt();
                    // The reader reports this with the file's line; a system built in code gets it here.
                    if ((long) cols * rws < groups) {
                        throw new IllegalArgumentException(architecture.name() + ": a " + cols + "x" + rws
                                + " router grid with concentration " + noc.concentration() + " attaches "
                                + (long) cols * rws * noc.concentration() + " endpoints, but the subsystems have "
                                + endpoints.size());
                    }
                } else {
                    cols = (int) Math.ceil(Math.sqrt(groups));
                    rws = (groups + cols - 1) / cols;
                }
                boolean torus = noc.topology() == Topology.TORUS;
                for (int y = 0; y < rws; y++) {
                    for (int x = 0; x < cols; x++) {
                        int r = y * cols + x;
                        if (x + 1 < cols) {
                            both(links, r, r + 1);
                        } else if (torus && cols > 2) {
                            both(links, r, y * cols);
                        }
                        if (y + 1 < rws) {
                            both(links, r, r + cols);
                        } else if (torus && rws > 2) {
                            both(links, r, x);
                        }
                    }
                }
                int[] parent = new int[cols * rws];
                Arrays.fill(parent, -1);
                return new NetworkTopology(architecture.name(), noc.topology(), endpoints, capacities, cols * rws, cols,
                        rws, parent, links);
            }
        }
    }

    private static int buildTree(int lo, int hi, int[] parent, int[] next, List<Link> links) {
        if (hi - lo <= 1) {
            return lo;
        }
        int mid = lo + (hi - lo + 1) / 2;
        int left = buildTree(lo, mid, parent, next, links);
        int right = buildTree(mid, hi, parent, next, links);
        int me = next[0]++;
        parent[left] = me;
        parent[right] = me;
        both(links, left, me);
        both(links, right, me);
        return me;
    }

    private static void both(List<Link> links, int a, int b) {
        links.add(new Link(links.size(), a, b));
        links.add(new Link(links.size(), b, a));
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private static int[] bfs(int routers, List<Link> links) {
        Graph<Integer, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int r = 0; r < routers; r++) {
            g.addVertex(r);
        }
        for (Link l : links) {
            if (l.from() != l.to() && !g.containsEdge(l.from(), l.to())) {
                g.addEdge(l.from(), l.to());
            }
        }
        int[] hops = new int[routers * routers];
        Arrays.fill(hops, Integer.MAX_VALUE);
        for (int s = 0; s < routers; s++) {
            BreadthFirstIterator<Integer, DefaultEdge> it = new BreadthFirstIterator<>(g, s);
            while (it.hasNext()) {
                int v = it.next();
                hops[s * routers + v] = it.getDepth(v);
            }
        }
        return hops;
    }

    private static int[] depths(int[] parent) {
        int[] d = new int[parent.length];
        for (int r = 0; r < parent.length; r++) {
            int n = 0;
            for (int p = parent[r]; p >= 0; p = parent[p]) {
                n++;
            }
            d[r] = n;
        }
        return d;
    }

    private static List<Capacity> capacities(Architecture architecture, List<Endpoint> endpoints) {
        List<Capacity> out = new ArrayList<>(endpoints.size());
        CrossbarGeometry reference = referenceCrossbar(architecture).orElse(null);
        for (Endpoint e : endpoints) {
            Subsystem s = architecture.subsystem(e.subsystem()).orElseThrow();
            if (s instanceof TileArray t && t.template() instanceof CimTileTemplate cim) {
                // Blocks are cut to the first CIM array's crossbars; a tile whose crossbars are
                // smaller cannot hold them, so it offers none.
                boolean fits = reference.fitsIn(CrossbarGeometry.of(cim.macro().crossbars()));
                out.add(Capacity.of(e, fits ? cim.crossbarsPerTile() : 0, 0, 0));
            } else if (s instanceof TileArray t && t.template() instanceof SnnCoreTemplate snn) {
                out.add(Capacity.of(e, 0, Math.min(snn.neurons(), snn.synapses().cols()), snn.synapses().rows()));
            } else if (e.resource() == ResourceKind.ADDA) {
                out.add(Capacity.of(e, 0, 0, 0));
            } else {
                out.add(Capacity.of(e, Capacity.UNLIMITED, Capacity.UNLIMITED, Capacity.UNLIMITED));
            }
        }
        return out;
    }

    /**
     * The crossbar geometry every weight matrix is cut to: that of the <b>first</b> CIM tile array
     * in file order. One geometry keeps a block placeable on any tile; a system mixing templates
     * lists its main (largest) array first. Tiles of other templates hold these blocks if their
     * crossbars are at least as large, and otherwise none.
     */
    public static Optional<CrossbarGeometry> referenceCrossbar(Architecture architecture) {
        for (TileArray t : architecture.tileArrays()) {
            if (t.template() instanceof CimTileTemplate cim) {
                return Optional.of(CrossbarGeometry.of(cim.macro().crossbars()));
            }
        }
        return Optional.empty();
    }

    /** The core geometry every population is cut to: that of the first SNN core array. */
    public static Optional<CoreGeometry> referenceCore(Architecture architecture) {
        for (TileArray t : architecture.tileArrays()) {
            if (t.template() instanceof SnnCoreTemplate snn) {
                return Optional.of(CoreGeometry.of(snn));
            }
        }
        return Optional.empty();
    }

    /**
     * Hops between two endpoints: an array lookup. Between chips: to the gateway, {@link
     * #BOARD_HOP_WEIGHT} per board hop, and from the other chip's gateway.
     */
    public int hops(int endpointA, int endpointB) {
        if (endpointA == endpointB) {
            return 0;
        }
        if (chips > 1) {
            int e = chip.endpointCount();
            int ca = chipOf[endpointA];
            int cb = chipOf[endpointB];
            if (ca == cb) {
                return chip.hops(endpointA - ca * e, endpointB - cb * e);
            }
            return toGateway[endpointA - ca * e] + BOARD_HOP_WEIGHT * boardHops[ca * chips + cb]
                    + toGateway[endpointB - cb * e];
        }
        if (kind == Topology.BUS) {
            return 1;
        }
        return routerHops[routerOf[endpointA] * routers + routerOf[endpointB]];
    }

    /** Hops between two routers (0 on a bus); between chips as {@link #hops(int, int)}. */
    public int routerHops(int routerA, int routerB) {
        if (chips > 1) {
            int r = chip.routerCount();
            int ca = routerA / r;
            int cb = routerB / r;
            if (ca == cb) {
                return chip.routerHops(routerA - ca * r, routerB - cb * r);
            }
            int g = chip.router(gateway);
            return chip.routerHops(routerA - ca * r, g) + BOARD_HOP_WEIGHT * boardHops[ca * chips + cb]
                    + chip.routerHops(g, routerB - cb * r);
        }
        return kind == Topology.BUS ? 0 : routerHops[routerA * routers + routerB];
    }

    public String architecture() {
        return architecture;
    }

    public Topology kind() {
        return kind;
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public Endpoint endpoint(int index) {
        return endpoints.get(index);
    }

    public int endpointCount() {
        return endpoints.size();
    }

    public Capacity capacity(int endpoint) {
        return capacities.get(endpoint);
    }

    public List<Capacity> capacities() {
        return capacities;
    }

    public int router(int endpoint) {
        return routerOf[endpoint];
    }

    public int routerCount() {
        return routers;
    }

    /** Router grid columns (mesh, torus; 0 otherwise). */
    public int columns() {
        return columns;
    }

    /** Router grid rows (mesh, torus; 0 otherwise). */
    public int rows() {
        return rows;
    }

    /** Column of a router in its chip's grid (mesh, torus). */
    public int x(int router) {
        return (router % chip.routers) % columns;
    }

    /** Row of a router in its chip's grid (mesh, torus). */
    public int y(int router) {
        return (router % chip.routers) / columns;
    }

    /** Parent of a router in its chip's H-tree (a router of chip 0); -1 for the root and for other topologies. */
    public int parent(int router) {
        return parent[router % chip.routers];
    }

    /** Depth of a router in its chip's H-tree (root 0); 0 for other topologies. */
    public int depth(int router) {
        return depth[router % chip.routers];
    }

    /** Chips in the system (1 without a board). */
    public int chips() {
        return chips;
    }

    /** The chip an endpoint is on. */
    public int chipOf(int endpoint) {
        return chipOf[endpoint];
    }

    /** One chip's topology, with its own endpoint, router and link numbers (this one for a single chip). */
    public NetworkTopology chipTopology() {
        return chip;
    }

    /** The endpoint of one chip (in {@link #chipTopology()}'s numbers) where its board links attach. */
    public int gatewayEndpoint() {
        return gateway;
    }

    /** The directed board links, two per connection (a to b, then b to a); empty for a single chip. */
    public List<BoardLink> boardLinks() {
        return boardLinks;
    }

    /** Board link ids from chip {@code a} to chip {@code b} along a shortest path (empty for a = b). */
    public List<Integer> boardRoute(int a, int b) {
        return boardRoutes.get(a * chips + b);
    }

    public List<Link> links() {
        return links;
    }

    /** The id of the link {@code from → to}; -1 if there is none. */
    public int link(int from, int to) {
        Integer id = linkIds.get(key(from, to));
        return id == null ? -1 : id;
    }

    /** Endpoint indices that offer {@code kind}, in index order. */
    public List<Integer> endpointsOf(ResourceKind kind) {
        List<Integer> out = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (e.resource() == kind) {
                out.add(e.index());
            }
        }
        return out;
    }

    /** Crossbars per tile of the endpoint's template, summed over all CIM tiles. */
    public long totalCrossbars() {
        long n = 0;
        for (Capacity c : capacities) {
            if (c.resource() == ResourceKind.CIM_TILE) {
                n += c.crossbars();
            }
        }
        return n;
    }

    /** The most endpoints attached to one router. */
    public int endpointsPerRouterMax() {
        int[] per = new int[routers];
        int max = 0;
        for (int r : routerOf) {
            max = Math.max(max, ++per[r]);
        }
        return max;
    }

    @Override
    public String toString() {
        return "NetworkTopology[" + architecture + ", " + kind.key() + ", " + endpoints.size() + " endpoints, "
                + routers + " routers, " + links.size() + " links]";
    }
}
