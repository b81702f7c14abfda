package org.memdse.mapping.partition;

import java.util.Arrays;

/**
 * Greedy gain refinement of a partition of a {@link HyperLevel} on the multicast objective, in
 * the manner of Fiduccia-Mattheyses (Fiduccia and Mattheyses, DAC 1982) restricted to positive
 * gains: every vertex moves to the core that lowers the core-to-core spike bits most, if that
 * core keeps its neurons and synapse rows within the capacities.
 *
 * <p>The objective: a net costs its bits once per core other than its source's that holds any
 * of its targets ({@code bits × (λ - [source's core holds a target])}, λ the cores it reaches).
 * Each net keeps the short list of the cores it reaches with its pins on each (λ is small: a
 * spike reaches a few cores), so a vertex's gains for all candidate cores come from one sweep
 * over its nets' lists, with neither a scan of every core nor a nets × cores table. After the
 * first pass only vertices on a net that changed (a pin or its source moved) are looked at again.
 */
final class HypergraphRefiner {
    private final HyperLevel h;
    private final int parts;
    private final int maxNeurons;
    private final int maxRows;
    private final int[] part;
    /** Net e's cores: {@code listPart[listStart[e] .. + listSize[e]]}, its pins there in {@code listPins}. */
    private final int[] listStart;
    private final int[] listSize;
    private final int[] listPart;
    private final int[] listPins;
    private final int[] rows;
    private final int[] neurons;

    /** {@code part} (per vertex, cores 0..parts-1) is refined in place. */
    HypergraphRefiner(HyperLevel h, int[] part, int parts, int maxNeurons, int maxRows) {
        this.h = h;
        this.part = part;
        this.parts = parts;
        this.maxNeurons = maxNeurons;
        this.maxRows = maxRows;
        int nets = h.nets();
        this.listStart = new int[nets + 1];
        for (int e = 0; e < nets; e++) {
            listStart[e + 1] = listStart[e] + Math.min(parts, h.netStart[e + 1] - h.netStart[e]);
        }
        this.listSize = new int[nets];
        this.listPart = new int[listStart[nets]];
        this.listPins = new int[listStart[nets]];
        this.rows = new int[parts];
        this.neurons = new int[parts];
        for (int v = 0; v < h.n; v++) {
            neurons[part[v]] += h.weight[v];
            for (int k = h.inStart[v]; k < h.inEnd(v); k++) {
                add(h.inNets[k], part[v]);
            }
        }
    }

    /** Pins of net {@code e} on core {@code p}. */
    private int pins(int e, int p) {
        for (int i = listStart[e], end = i + listSize[e]; i < end; i++) {
            if (listPart[i] == p) {
                return listPins[i];
            }
        }
        return 0;
    }

    private void add(int e, int p) {
        int from = listStart[e];
        int end = from + listSize[e];
        for (int i = from; i < end; i++) {
            if (listPart[i] == p) {
                listPins[i]++;
                return;
            }
        }
        listPart[end] = p;
        listPins[end] = 1;
        listSize[e]++;
        rows[p]++;
    }

    private void remove(int e, int p) {
        int from = listStart[e];
        int last = from + listSize[e] - 1;
        for (int i = from; i <= last; i++) {
            if (listPart[i] == p) {
                if (--listPins[i] == 0) {
                    listPart[i] = listPart[last];
                    listPins[i] = listPins[last];
                    listSize[e]--;
                    rows[p]--;
                }
                return;
            }
        }
    }

    /** Core-to-core spike bits of the current partition. */
    double cost() {
        double c = 0;
        for (int e = 0; e < h.nets(); e++) {
            int s = h.netSource[e];
            if (s >= 0) {
                c += h.netBits[e] * (listSize[e] - (pins(e, part[s]) > 0 ? 1 : 0));
            }
        }
        return c;
    }

    /**
     * Passes over the vertices in index order (network order: neighbours are near in memory), at
     * most {@code passes}, until one gains less than {@code stop} of the cost; returns the bits saved.
     */
    double refine(int passes, double stop) {
        int n = h.n;
        int nets = h.nets();
        double[] join = new double[parts];
        int[] present = new int[parts];
        int[] stamp = new int[parts];
        Arrays.fill(stamp, -1);
        int[] cands = new int[parts];
        int[] selfPin = new int[nets];
        Arrays.fill(selfPin, -1);
        // The pass in which a net last changed (a pin moved or its source did): -1 before the first.
        int[] changed = new int[nets];
        Arrays.fill(changed, -1);
        double total = cost();
        double saved = 0;
        for (int pass = 0; pass < passes; pass++) {
            double gained = 0;
            for (int v = 0; v < n; v++) {
                if (pass > 0 && !touched(v, changed, pass - 1)) {
                    continue;
                }
                int a = part[v];
                int count = 0;
                double leave = 0;
                double inBits = 0;
                int inCount = h.inEnd(v) - h.inStart[v];
                for (int k = h.inStart[v]; k < h.inEnd(v); k++) {
                    int e = h.inNets[k];
                    int s = h.netSource[e];
                    boolean foreign = s >= 0 && s != v;
                    if (s == v) {
                        selfPin[e] = v;
                    }
                    double bits = h.netBits[e];
                    int ps = foreign ? part[s] : -1;
                    boolean sourceThere = false;
                    int onA = 0;
                    for (int i = listStart[e], end = i + listSize[e]; i < end; i++) {
                        int p = listPart[i];
                        if (stamp[p] != v) {
                            stamp[p] = v;
                            join[p] = 0;
                            present[p] = 0;
                            cands[count++] = p;
                        }
                        present[p]++;
                        if (p == a) {
                            onA = listPins[i];
                        }
                        if (foreign) {
                            join[p] += bits;
                            sourceThere |= p == ps;
                        }
                    }
                    if (foreign) {
                        inBits += bits;
                        if (!sourceThere) {
                            if (stamp[ps] != v) {
                                stamp[ps] = v;
                                join[ps] = 0;
                                present[ps] = 0;
                                cands[count++] = ps;
                            }
                            join[ps] += bits;
                        }
                        if (ps != a && onA == 1) {
                            leave += bits;
                        }
                    }
                }
                for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
                    int e = h.outNets[k];
                    for (int i = listStart[e], end = i + listSize[e]; i < end; i++) {
                        int p = listPart[i];
                        if (stamp[p] != v) {
                            stamp[p] = v;
                            join[p] = 0;
                            present[p] = 0;
                            cands[count++] = p;
                        }
                    }
                }
                int best = -1;
                double bestGain = 1e-9 * Math.max(1, total);
                for (int i = 0; i < count; i++) {
                    int b = cands[i];
                    if (b == a || neurons[b] + h.weight[v] > maxNeurons || rows[b] + inCount - present[b] > maxRows) {
                        continue;
                    }
                    double gain = leave - inBits + join[b];
                    for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
                        int e = h.outNets[k];
                        gain += ownNetGain(e, a, b, selfPin[e] == v);
                    }
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = b;
                    }
                }
                if (best >= 0) {
                    for (int k = h.inStart[v]; k < h.inEnd(v); k++) {
                        int e = h.inNets[k];
                        remove(e, a);
                        add(e, best);
                        changed[e] = pass;
                    }
                    for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
                        changed[h.outNets[k]] = pass;
                    }
                    neurons[a] -= h.weight[v];
                    neurons[best] += h.weight[v];
                    part[v] = best;
                    gained += bestGain;
                }
                for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
                    selfPin[h.outNets[k]] = -1;
                }
            }
            saved += gained;
            total -= gained;
            if (gained < stop * Math.max(total, 1e-12)) {
                break;
            }
        }
        return saved;
    }

    /** Whether a net of {@code v} changed in pass {@code since} or later. */
    private boolean touched(int v, int[] changed, int since) {
        for (int k = h.inStart[v]; k < h.inEnd(v); k++) {
            if (changed[h.inNets[k]] >= since) {
                return true;
            }
        }
        for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
            if (changed[h.outNets[k]] >= since) {
                return true;
            }
        }
        return false;
    }

    /** Bits saved on a net whose source is the moving vertex (a pin of it too if {@code pin}). */
    private double ownNetGain(int e, int a, int b, boolean pin) {
        int ta = pins(e, a);
        int tb = pins(e, b);
        int lambda = listSize[e];
        double before = lambda - (ta > 0 ? 1 : 0);
        double after;
        if (pin) {
            after = lambda - (ta == 1 ? 1 : 0) + (tb == 0 ? 1 : 0) - 1;
        } else {
            after = lambda - (tb > 0 ? 1 : 0);
        }
        return h.netBits[e] * (before - after);
    }
}
