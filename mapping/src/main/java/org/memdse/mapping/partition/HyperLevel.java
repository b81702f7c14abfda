package org.memdse.mapping.partition;

import java.util.Arrays;

/**
 * The neuron-level hypergraph seen through a clustering (one level of the multilevel scheme):
 * vertex {@code v} is a cluster of {@code weight(v)} neurons; a net keeps its source's cluster
 * and the distinct clusters of its targets. At the finest level the clusters are the neurons.
 * Refinement at a coarse level moves whole clusters with the same exact objective and
 * capacities as at the finest (a row per net per core, whatever the number of pins there).
 */
final class HyperLevel {
    final int n;
    final int[] weight;
    final int[] netSource;
    final double[] netBits;
    final int[] netStart;
    final int[] netPins;
    final int[] inStart;
    final int[] inNets;
    final int[] outStart;
    final int[] outNets;
    /** Synapse rows of each net on a core it reaches: the neuron-level nets merged into it. */
    final int[] netRows;
    /** Rows of each vertex's in-nets, {@code netRows} summed over them (its rows on an empty core). */
    final int[] inRows;
    /** Pins of the level before nets were merged (one per neuron-level net and target cluster). */
    final int listedPins;
    /** The net of this level each neuron-level net was merged into. */
    private final int[] netOf;

    private HyperLevel(int n, int[] weight, int[] netSource, double[] netBits, int[] netRows, int[] netStart,
                       int[] netPins, int listedPins, int[] netOf) {
        this.n = n;
        this.netOf = netOf;
        this.netRows = netRows;
        this.listedPins = listedPins;
        this.weight = weight;
        this.netSource = netSource;
        this.netBits = netBits;
        this.netStart = netStart;
        this.netPins = netPins;
        int nets = netSource.length;
        int[] in = new int[n + 1];
        int[] out = new int[n + 1];
        // Each loop over pins in a method of its own, called per net or vertex, so that the JIT
        // compiles it early (see listClusters).
        for (int e = 0; e < nets; e++) {
            if (netSource[e] >= 0) {
                out[netSource[e] + 1]++;
            }
            count(netPins, netStart[e], netStart[e + 1], in);
        }
        for (int v = 0; v < n; v++) {
            in[v + 1] += in[v];
            out[v + 1] += out[v];
        }
        this.inStart = in.clone();
        this.outStart = out.clone();
        this.inNets = new int[netPins.length];
        this.outNets = new int[out[n]];
        for (int e = 0; e < nets; e++) {
            if (netSource[e] >= 0) {
                outNets[out[netSource[e]]++] = e;
            }
            place(netPins, netStart[e], netStart[e + 1], in, inNets, e);
        }
        this.inRows = new int[n];
        for (int v = 0; v < n; v++) {
            inRows[v] = sum(netRows, inNets, inStart[v], inStart[v + 1]);
        }
    }

    /** Counts each pin {@code pins[lo..hi)} in {@code count[pin + 1]}. */
    static void count(int[] pins, int lo, int hi, int[] count) {
        for (int k = lo; k < hi; k++) {
            count[pins[k] + 1]++;
        }
    }

    /** Lists {@code e} among the nets of each pin {@code pins[lo..hi)}, at {@code at[pin]} (advanced). */
    static void place(int[] pins, int lo, int hi, int[] at, int[] nets, int e) {
        for (int k = lo; k < hi; k++) {
            nets[at[pins[k]]++] = e;
        }
    }

    private static int sum(int[] values, int[] index, int lo, int hi) {
        int sum = 0;
        for (int k = lo; k < hi; k++) {
            sum += values[index[k]];
        }
        return sum;
    }

    int inEnd(int v) {
        return inStart[v + 1];
    }

    int nets() {
        return netSource.length;
    }

    /**
     * The graph with neuron {@code v} in cluster {@code cluster[v]} (0..clusters-1). Nets with
     * the same source cluster and the same clusters of targets become one net of their summed
     * bits and rows: the objective ({@code bits × cores reached}) and the capacities (a row per
     * net per core) are sums over such nets, so the level prices every move as before, while on
     * coarse levels a cluster's ~900 in-nets shrink to the distinct ones (neighbouring neurons of
     * a convolution reach the same clusters).
     */
    static HyperLevel of(NeuronGraph g, int[] cluster, int clusters) {
        int[] weight = new int[clusters];
        for (int c : cluster) {
            weight[c]++;
        }
        int nets = g.nets();
        int[] source = new int[nets];
        double[] bits = new double[nets];
        int[] rows = new int[nets];
        long[] hash = new long[nets];
        int[] start = new int[nets + 1];
        int[] pins = new int[g.pins()];
        int[] stamp = new int[clusters];
        Arrays.fill(stamp, -1);
        int slots = Integer.highestOneBit(Math.max(2, 2 * nets - 1)) << 1;
        int[] table = new int[slots];
        Arrays.fill(table, -1);
        long[] sum = new long[1];
        int[] netOf = new int[nets];
        int size = 0;
        int merged = 0;
        int listed = 0;
        int[] gPins = g.pinArray();
        for (int e = 0; e < nets; e++) {
            int s = g.source(e);
            int sc = s >= 0 ? cluster[s] : -1;
            int from = size;
            size = listClusters(gPins, g.pinStart(e), g.pinEnd(e), cluster, stamp, e, pins, size, sum);
            long key = mix(sc) + sum[0];
            listed += size - from;
            int slot = (int) (key ^ key >>> 29) & (slots - 1);
            int same = -1;
            for (int m; (m = table[slot]) >= 0; slot = (slot + 1) & (slots - 1)) {
                if (hash[m] == key && source[m] == sc && start[m + 1] - start[m] == size - from
                        && sameClusters(pins, start[m], start[m + 1], stamp, e)) {
                    same = m;
                    break;
                }
            }
            if (same >= 0) {
                bits[same] += g.bits(e);
                rows[same]++;
                netOf[e] = same;
                size = from;
                continue;
            }
            table[slot] = merged;
            source[merged] = sc;
            bits[merged] = g.bits(e);
            rows[merged] = 1;
            hash[merged] = key;
            start[merged + 1] = size;
            netOf[e] = merged;
            merged++;
        }
        return new HyperLevel(clusters, weight, Arrays.copyOf(source, merged), Arrays.copyOf(bits, merged),
                Arrays.copyOf(rows, merged), Arrays.copyOf(start, merged + 1), Arrays.copyOf(pins, size), listed,
                netOf);
    }

    /**
     * The level with this level's vertex {@code v} in cluster {@code cmap[v]} (0..clusters-1):
     * the same as {@link #of} with the neurons' clusters composed, built from this level's nets
     * rather than the neurons' (dvs-gesture-csnn's coarse levels list 0.5-2.1 M pins, the
     * neurons 2.95 M). Nets merged here stay merged there, and they come in the order of their
     * first neuron-level net, so the merged nets, their order and their clusters' order are those
     * {@link #of} gives; the bits are summed over the neuron-level nets in their order, as there.
     */
    HyperLevel coarsen(NeuronGraph g, int[] cmap, int clusters) {
        int[] weight = new int[clusters];
        for (int v = 0; v < n; v++) {
            weight[cmap[v]] += this.weight[v];
        }
        int nets = nets();
        int[] source = new int[nets];
        int[] rows = new int[nets];
        long[] hash = new long[nets];
        int[] start = new int[nets + 1];
        int[] pins = new int[netPins.length];
        int[] stamp = new int[clusters];
        Arrays.fill(stamp, -1);
        int slots = Integer.highestOneBit(Math.max(2, 2 * nets - 1)) << 1;
        int[] table = new int[slots];
        Arrays.fill(table, -1);
        long[] sum = new long[1];
        int[] into = new int[nets];
        int size = 0;
        int merged = 0;
        int listed = 0;
        for (int e = 0; e < nets; e++) {
            int s = netSource[e];
            int sc = s >= 0 ? cmap[s] : -1;
            int from = size;
            size = listClusters(netPins, netStart[e], netStart[e + 1], cmap, stamp, e, pins, size, sum);
            long key = mix(sc) + sum[0];
            listed += (size - from) * netRows[e];
            int slot = (int) (key ^ key >>> 29) & (slots - 1);
            int same = -1;
            for (int m; (m = table[slot]) >= 0; slot = (slot + 1) & (slots - 1)) {
                if (hash[m] == key && source[m] == sc && start[m + 1] - start[m] == size - from
                        && sameClusters(pins, start[m], start[m + 1], stamp, e)) {
                    same = m;
                    break;
                }
            }
            if (same >= 0) {
                rows[same] += netRows[e];
                into[e] = same;
                size = from;
                continue;
            }
            table[slot] = merged;
            source[merged] = sc;
            rows[merged] = netRows[e];
            hash[merged] = key;
            start[merged + 1] = size;
            into[e] = merged;
            merged++;
        }
        double[] bits = new double[merged];
        int[] netOfCoarse = new int[netOf.length];
        for (int e = 0; e < netOf.length; e++) {
            int m = into[netOf[e]];
            netOfCoarse[e] = m;
            bits[m] += g.bits(e);
        }
        return new HyperLevel(clusters, weight, Arrays.copyOf(source, merged), bits, Arrays.copyOf(rows, merged),
                Arrays.copyOf(start, merged + 1), Arrays.copyOf(pins, size), listed, netOfCoarse);
    }

    /**
     * Lists the distinct clusters ({@code cluster[]} of {@code from[k]}, k in [lo, hi)) of net
     * {@code e} into {@code pins} after {@code size}, in order of first pin; returns the new size
     * and sets {@code sum[0]} to their hash, a sum of {@link #mix}es (the same for any order of
     * the clusters). A method per net so that the JIT compiles it after a few hundred nets rather
     * than the whole level's loop by on-stack replacement (this ran interpreted for a tenth of a
     * second in a fresh JVM on dvs-gesture-csnn's 2.95 M pins).
     */
    private static int listClusters(int[] from, int lo, int hi, int[] cluster, int[] stamp, int e, int[] pins, int size,
                                    long[] sum) {
        long key = 0;
        for (int k = lo; k < hi; k++) {
            int c = cluster[from[k]];
            if (stamp[c] != e) {
                stamp[c] = e;
                pins[size++] = c;
                key += mix((c + 1L) << 32);
            }
        }
        sum[0] = key;
        return size;
    }

    /** Whether every cluster in {@code pins[from..to)} is stamped {@code e} (the net just listed, of as many clusters). */
    private static boolean sameClusters(int[] pins, int from, int to, int[] stamp, int e) {
        for (int k = from; k < to; k++) {
            if (stamp[pins[k]] != e) {
                return false;
            }
        }
        return true;
    }

    /** SplitMix64's finalizer (Steele et al., OOPSLA 2014): spreads a cluster id over 64 bits. */
    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
        x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
        return x ^ (x >>> 31);
    }
}
