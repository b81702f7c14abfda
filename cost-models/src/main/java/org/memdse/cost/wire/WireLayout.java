package org.memdse.cost.wire;

import java.util.Arrays;
import org.memdse.core.arch.OnChipNetwork;

/**
 * Where the wires of a network of {@code leaves} endpoints run over a square region, in units of
 * the region's side: how much wire one bit needs in all ({@link #totalLength()}), how many links
 * that wire is cut into, and how far a transfer of {@code h} hops travels. The layouts
 * (docs/reference/wires.md §4):
 *
 * <ul>
 *   <li><b>mesh</b>: a columns × rows grid of routers, one per cell of the region; a link joins two
 *       neighbouring cells (1/columns or 1/rows of the side); a transfer of h hops crosses h links.
 *       A <b>torus</b> is laid out folded (Dally &amp; Towles 2004, §5.2), each link spanning two cells.</li>
 *   <li><b>H-tree</b>: the binary tree of the leaves (the mapping's tree: a node splits its leaves
 *       into a larger and a smaller half), laid out as an H: the links below the root span a quarter
 *       of the side, and every second level halves them, so a link at depth k spans
 *       1 / 2^(⌈k/2⌉ + 1). A transfer between two leaves h hops apart climbs ⌈h/2⌉ levels and
 *       descends ⌊h/2⌋ from the deepest level.</li>
 *   <li><b>bus</b>: one wire passing every leaf, laid out as a comb over an r × r grid of the
 *       leaves (r = ⌈√leaves⌉): r rows and a spine, (r² − 1)/r sides in all. A transfer drives the
 *       part of the bus between its two ends, on average a third of it between two random leaves
 *       ({@link #BETWEEN_ANY_TWO}), or half of it from one end to a random leaf ({@link #FROM_ONE_END}).</li>
 * </ul>
 *
 * @param kind              the layout
 * @param links             links the wire is cut into (1 for a bus)
 * @param totalLength       wire per bit, in sides
 * @param hopLength         the length one TRANSFER action of a link stands for, in sides (a mean link; a bus
 *                          transfer)
 * @param transferByHops    length travelled by a transfer of {@code h} hops (index h), in sides
 */
public record WireLayout(Kind kind, long links, double totalLength, double hopLength, double[] transferByHops) {
    /** A bus transfer between two random leaves drives a third of the bus on average. */
    public static final double BETWEEN_ANY_TWO = 1.0 / 3;
    /** A bus transfer from one end to a random leaf drives half of it on average. */
    public static final double FROM_ONE_END = 0.5;

    /** The layouts memdse knows. */
    public enum Kind { MESH, TORUS, HTREE, BUS }

    public WireLayout {
        transferByHops = transferByHops.clone();
    }

    /**
     * The on-chip network's layout over the chip, with the router grid and tree the mapping builds
     * (NetworkTopology): mesh and torus on the given grid or the near-square one for
     * ⌈endpoints / concentration⌉ routers, an H-tree over those router groups, a bus past every endpoint.
     */
    public static WireLayout of(OnChipNetwork network, int endpoints) {
        int groups = Math.max(1, (endpoints + network.concentration() - 1) / network.concentration());
        return switch (network.topology()) {
            case BUS -> bus(endpoints, BETWEEN_ANY_TWO);
            case HTREE -> htree(groups);
            case MESH, TORUS -> {
                int columns;
                int rows;
                if (network.columns().isPresent() && network.rows().isPresent()) {
                    columns = network.columns().getAsInt();
                    rows = network.rows().getAsInt();
                } else {
                    columns = (int) Math.ceil(Math.sqrt(groups));
                    rows = (groups + columns - 1) / columns;
                }
                yield grid(columns, rows, network.topology() == org.memdse.core.arch.Topology.TORUS);
            }
        };
    }

    /** A columns × rows mesh (or folded torus). */
    public static WireLayout grid(int columns, int rows, boolean torus) {
        int c = Math.max(1, columns);
        int r = Math.max(1, rows);
        double span = torus ? 2 : 1;
        long horizontal = (long) r * (torus && c > 2 ? c : c - 1);
        long vertical = (long) c * (torus && r > 2 ? r : r - 1);
        double total = span * (horizontal / (double) c + vertical / (double) r);
        long links = horizontal + vertical;
        double hop = links == 0 ? span / Math.max(c, r) : total / links;
        return new WireLayout(torus ? Kind.TORUS : Kind.MESH, links, total, hop, new double[] {0, hop});
    }

    /** An H-tree over {@code leaves} leaves, shaped as the mapping's tree. */
    public static WireLayout htree(int leaves) {
        int n = Math.max(1, leaves);
        long[] perDepth = new long[64];
        int deepest = count(0, n, 0, perDepth);
        double total = 0;
        long links = 0;
        for (int k = 1; k <= deepest; k++) {
            total += perDepth[k] * linkAtDepth(k);
            links += perDepth[k];
        }
        double[] byHops = new double[2 * deepest + 1];
        for (int h = 1; h < byHops.length; h++) {
            byHops[h] = climb(deepest, (h + 1) / 2) + climb(deepest, h / 2);
        }
        double hop = links == 0 ? 0 : total / links;
        return new WireLayout(Kind.HTREE, links, total, hop, byHops);
    }

    /** A bus past {@code leaves} leaves; a transfer drives {@code driven} of it on average. */
    public static WireLayout bus(int leaves, double driven) {
        int r = (int) Math.ceil(Math.sqrt(Math.max(1, leaves)));
        double total = (r * (double) r - 1) / r;
        double transfer = driven * total;
        return new WireLayout(Kind.BUS, 1, total, transfer, new double[] {0, transfer});
    }

    /** Length of a link from depth k - 1 to depth k of an H-tree, in sides. */
    static double linkAtDepth(int k) {
        return 1.0 / (1L << ((k + 1) / 2 + 1));
    }

    private static double climb(int from, int levels) {
        double length = 0;
        for (int i = 0; i < levels && from - i >= 1; i++) {
            length += linkAtDepth(from - i);
        }
        return length;
    }

    /** Counts the nodes of the mapping's tree over [lo, hi) per depth; returns the deepest depth. */
    private static int count(int lo, int hi, int depth, long[] perDepth) {
        perDepth[depth]++;
        if (hi - lo <= 1) {
            return depth;
        }
        int mid = lo + (hi - lo + 1) / 2;
        return Math.max(count(lo, mid, depth + 1, perDepth), count(mid, hi, depth + 1, perDepth));
    }

    /** The length a transfer of {@code hops} hops travels, in sides (beyond the table: the last entry's per-hop length). */
    public double transfer(int hops) {
        if (hops <= 0) {
            return 0;
        }
        if (hops < transferByHops.length) {
            return transferByHops[hops];
        }
        int last = transferByHops.length - 1;
        return last == 0 ? 0 : transferByHops[last] / last * hops;
    }

    /**
     * The length from the root of an H-tree to a leaf (half the longest leaf-to-leaf transfer), or
     * a bus transfer's, in sides: what a word travels from a tile's buffer at the root to one macro.
     */
    public double fromRoot() {
        return kind == Kind.HTREE ? transferByHops[transferByHops.length - 1] / 2 : hopLength;
    }

    /** How many TRANSFER actions of a link a transfer of {@code hops} hops is worth: its length over {@link #hopLength()}. */
    public double transfersFor(int hops) {
        if (hopLength <= 0) {
            return hops;
        }
        return kind == Kind.MESH || kind == Kind.TORUS ? hops : transfer(hops) / hopLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireLayout w && kind == w.kind && links == w.links && totalLength == w.totalLength
                && hopLength == w.hopLength && Arrays.equals(transferByHops, w.transferByHops);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(transferByHops) + Double.hashCode(totalLength);
    }

    @Override
    public String toString() {
        return kind + " layout: " + links + " links, " + totalLength + " sides of wire";
    }
}
