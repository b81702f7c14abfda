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

    private HyperLevel(int n, int[] weight, int[] netSource, double[] netBits, int[] netStart, int[] netPins) {
        this.n = n;
        this.weight = weight;
        this.netSource = netSource;
        this.netBits = netBits;
        this.netStart = netStart;
        this.netPins = netPins;
        int nets = netSource.length;
        int[] in = new int[n + 1];
        int[] out = new int[n + 1];
        for (int e = 0; e < nets; e++) {
            if (netSource[e] >= 0) {
                out[netSource[e] + 1]++;
            }
            for (int k = netStart[e]; k < netStart[e + 1]; k++) {
                in[netPins[k] + 1]++;
            }
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
            for (int k = netStart[e]; k < netStart[e + 1]; k++) {
                inNets[in[netPins[k]]++] = e;
            }
        }
    }

    int inEnd(int v) {
        return inStart[v + 1];
    }

    int nets() {
        return netSource.length;
    }

    /** The graph with neuron {@code v} in cluster {@code cluster[v]} (0..clusters-1). */
    static HyperLevel of(NeuronGraph g, int[] cluster, int clusters) {
        int[] weight = new int[clusters];
        for (int c : cluster) {
            weight[c]++;
        }
        int nets = g.nets();
        int[] source = new int[nets];
        double[] bits = new double[nets];
        int[] start = new int[nets + 1];
        int[] pins = new int[g.pins()];
        int[] stamp = new int[clusters];
        Arrays.fill(stamp, -1);
        int size = 0;
        for (int e = 0; e < nets; e++) {
            int s = g.source(e);
            source[e] = s >= 0 ? cluster[s] : -1;
            bits[e] = g.bits(e);
            for (int k = g.pinStart(e); k < g.pinEnd(e); k++) {
                int c = cluster[g.pin(k)];
                if (stamp[c] != e) {
                    stamp[c] = e;
                    pins[size++] = c;
                }
            }
            start[e + 1] = size;
        }
        return new HyperLevel(clusters, weight, source, bits, start, size == pins.length ? pins : Arrays.copyOf(pins, size));
    }
}
