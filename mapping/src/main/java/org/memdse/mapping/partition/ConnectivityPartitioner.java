package org.memdse.mapping.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts an SNN's neurons into cores so that few spikes cross between them, with hard capacities:
 * at most {@link CoreGeometry#neurons()} neurons and {@link CoreGeometry#synapseRows()} synapse
 * rows per core, where a row is one presynaptic axon shared by every neuron of the core it
 * reaches (so neurons with common inputs are cheap to put together).
 *
 * <p>Multilevel, in the manner of METIS (Karypis and Kumar, SIAM J. Sci. Comput. 20(1), 1998):
 * <ol>
 *   <li><b>coarsening</b>: the hypergraph's nets become edges from each presynaptic neuron to
 *       its targets, of weight {@code bits / targets}; heavy-edge matching (vertices in a seeded
 *       random order, each matched with its unmatched neighbour of heaviest edge) merges pairs
 *       level after level, up to an eighth of a core per cluster, until the graph stops
 *       shrinking by a tenth or is small;</li>
 *   <li><b>initial partition</b> of the coarsest graph by greedy growing: a core takes the
 *       unplaced cluster most connected to it that still fits (neurons, and rows counted exactly
 *       at neuron level, an axon once per core), or else the next cluster in network order; a
 *       full core is closed;</li>
 *   <li><b>uncoarsening</b>: the cores are projected back to neurons, then refined with
 *       Fiduccia-Mattheyses gains on the true objective: a neuron's gain for moving to another
 *       core is the spike bits no longer sent (a net whose last target leaves a core stops going
 *       there; a moved sender stops paying for the core it joins) minus the bits newly sent;
 *       moves with the best positive gain that keep both capacities are applied, pass after pass
 *       over the neurons, until a pass gains less than 0.01 %.</li>
 * </ol>
 * Deterministic for a seed.
 */
public final class ConnectivityPartitioner {
    /** Passes over the neurons in refinement at most. */
    private static final int PASSES = 12;

    private final NeuronGraph g;
    private final CoreGeometry core;
    private final long seed;

    /**
     * @param parts cores used (0..parts-1)
     * @param part  core of each neuron
     */
    public record Result(int parts, int[] part) {
    }

    public ConnectivityPartitioner(NeuronGraph g, CoreGeometry core, long seed) {
        this.g = g;
        this.core = core;
        this.seed = seed;
    }

    /**
     * One level of the coarsening: a weighted undirected graph in CSR form; {@code vw} neurons per
     * vertex, {@code rw} the sum of their fan-ins (an upper bound on the rows the cluster needs).
     */
    private record Level(int n, int[] xadj, int[] adj, float[] ew, int[] vw, int[] rw, int[] cmap) {
    }

    public Result partition() {
        if (g.neurons() == 0) {
            return new Result(0, new int[0]);
        }
        List<Level> levels = new ArrayList<>();
        Level level = fineGraph();
        levels.add(level);
        int target = Math.max(64, 4 * (g.neurons() + core.neurons() - 1) / core.neurons());
        int maxWeight = Math.max(1, core.neurons() / 8);
        SplittableRandom random = new SplittableRandom(seed);
        while (level.n() > target) {
            int[] cmap = new int[level.n()];
            int coarse = match(level, maxWeight, core.synapseRows(), random, cmap);
            if (coarse > 0.9 * level.n()) {
                break;
            }
            levels.set(levels.size() - 1, new Level(level.n(), level.xadj(), level.adj(), level.ew(), level.vw(), level.rw(),
                    cmap));
            level = contract(level, cmap, coarse);
            levels.add(level);
        }
        // Neuron -> coarsest vertex.
        int[] top = new int[g.neurons()];
        for (int v = 0; v < top.length; v++) {
            int c = v;
            for (int l = 0; l < levels.size() - 1; l++) {
                c = levels.get(l).cmap()[c];
            }
            top[v] = c;
        }
        int[] part = new int[g.neurons()];
        int parts = grow(level, top, part);
        parts = refine(part, parts);
        return compact(part, parts);
    }

    private Level fineGraph() {
        int n = g.neurons();
        int[] degree = new int[n + 1];
        for (int net = 0; net < g.nets(); net++) {
            int s = g.source(net);
            if (s < 0) {
                continue;
            }
            degree[s + 1] += g.pinEnd(net) - g.pinStart(net);
            for (int k = g.pinStart(net); k < g.pinEnd(net); k++) {
                degree[g.pin(k) + 1]++;
            }
        }
        for (int v = 0; v < n; v++) {
            degree[v + 1] += degree[v];
        }
        int[] xadj = degree.clone();
        int[] at = degree;
        int[] adj = new int[xadj[n]];
        float[] ew = new float[xadj[n]];
        for (int net = 0; net < g.nets(); net++) {
            int s = g.source(net);
            if (s < 0) {
                continue;
            }
            int size = g.pinEnd(net) - g.pinStart(net);
            float w = (float) (g.bits(net) / size);
            for (int k = g.pinStart(net); k < g.pinEnd(net); k++) {
                int t = g.pin(k);
                adj[at[s]] = t;
                ew[at[s]++] = w;
                adj[at[t]] = s;
                ew[at[t]++] = w;
            }
        }
        int[] vw = new int[n];
        Arrays.fill(vw, 1);
        int[] rw = new int[n];
        for (int v = 0; v < n; v++) {
            rw[v] = g.inEnd(v) - g.inStart(v);
        }
        return new Level(n, xadj, adj, ew, vw, rw, null);
    }

    /**
     * Heavy-edge matching; fills {@code cmap} and returns the coarse vertex count. A pair is merged
     * only if its neurons stay within {@code maxWeight} and the sum of its fan-ins within a core's
     * rows, so that every cluster fits an empty core.
     */
    private static int match(Level l, int maxWeight, int maxRows, SplittableRandom random, int[] cmap) {
        int n = l.n();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        Arrays.fill(cmap, -1);
        int coarse = 0;
        for (int v : order) {
            if (cmap[v] >= 0) {
                continue;
            }
            int best = -1;
            float bestW = -1;
            for (int k = l.xadj()[v]; k < l.xadj()[v + 1]; k++) {
                int u = l.adj()[k];
                if (u != v && cmap[u] < 0 && l.vw()[u] + l.vw()[v] <= maxWeight
                        && (long) l.rw()[u] + l.rw()[v] <= maxRows && l.ew()[k] > bestW) {
                    bestW = l.ew()[k];
                    best = u;
                }
            }
            cmap[v] = coarse;
            if (best >= 0) {
                cmap[best] = coarse;
            }
            coarse++;
        }
        return coarse;
    }

    private static Level contract(Level l, int[] cmap, int coarse) {
        int n = l.n();
        int[] vw = new int[coarse];
        int[] rw = new int[coarse];
        int[] memberStart = new int[coarse + 1];
        for (int v = 0; v < n; v++) {
            vw[cmap[v]] += l.vw()[v];
            rw[cmap[v]] += l.rw()[v];
            memberStart[cmap[v] + 1]++;
        }
        for (int c = 0; c < coarse; c++) {
            memberStart[c + 1] += memberStart[c];
        }
        int[] members = new int[n];
        int[] fill = memberStart.clone();
        for (int v = 0; v < n; v++) {
            members[fill[cmap[v]]++] = v;
        }
        int[] xadj = new int[coarse + 1];
        int[] adj = new int[Math.max(16, l.adj().length / 2)];
        float[] ew = new float[adj.length];
        float[] acc = new float[coarse];
        int[] seen = new int[coarse];
        Arrays.fill(seen, -1);
        int[] touched = new int[coarse];
        int size = 0;
        for (int c = 0; c < coarse; c++) {
            int count = 0;
            for (int m = memberStart[c]; m < memberStart[c + 1]; m++) {
                int v = members[m];
                for (int k = l.xadj()[v]; k < l.xadj()[v + 1]; k++) {
                    int d = cmap[l.adj()[k]];
                    if (d == c) {
                        continue;
                    }
                    if (seen[d] != c) {
                        seen[d] = c;
                        acc[d] = 0;
                        touched[count++] = d;
                    }
                    acc[d] += l.ew()[k];
                }
            }
            if (size + count > adj.length) {
                adj = Arrays.copyOf(adj, Math.max(adj.length * 2, size + count));
                ew = Arrays.copyOf(ew, adj.length);
            }
            for (int i = 0; i < count; i++) {
                adj[size] = touched[i];
                ew[size++] = acc[touched[i]];
            }
            xadj[c + 1] = size;
        }
        return new Level(coarse, xadj, Arrays.copyOf(adj, size), Arrays.copyOf(ew, size), vw, rw, null);
    }

    /** Greedy growing on the coarsest level; fills {@code part} (per neuron) and returns the cores used. */
    private int grow(Level l, int[] top, int[] part) {
        int n = l.n();
        int[] memberStart = new int[n + 1];
        for (int t : top) {
            memberStart[t + 1]++;
        }
        for (int c = 0; c < n; c++) {
            memberStart[c + 1] += memberStart[c];
        }
        int[] members = new int[top.length];
        int[] fill = memberStart.clone();
        for (int v = 0; v < top.length; v++) {
            members[fill[top[v]]++] = v;
        }
        boolean[] placed = new boolean[n];
        int[] rowStamp = new int[g.nets()];
        Arrays.fill(rowStamp, -1);
        int[] trialStamp = new int[g.nets()];
        Arrays.fill(trialStamp, -1);
        double[] conn = new double[n];
        int[] connStamp = new int[n];
        Arrays.fill(connStamp, -1);
        boolean[] rejected = new boolean[n];
        List<Integer> rejectedList = new ArrayList<>();
        int[] candidates = new int[n];
        int parts = 0;
        int left = n;
        int nextInOrder = 0;
        int trial = 0;
        int p = 0;
        int neurons = 0;
        int rows = 0;
        int candidateCount = 0;
        while (left > 0) {
            // The most connected fitting cluster, else the next in network order that fits.
            int pick = -1;
            double bestConn = 0;
            int keep = 0;
            for (int i = 0; i < candidateCount; i++) {
                int c = candidates[i];
                if (placed[c] || rejected[c]) {
                    continue;
                }
                candidates[keep++] = c;
                if (conn[c] > bestConn) {
                    bestConn = conn[c];
                    pick = c;
                }
            }
            candidateCount = keep;
            int extra = -1;
            while (pick >= 0) {
                extra = newRows(pick, memberStart, members, rowStamp, trialStamp, p, trial++);
                if (neurons + l.vw()[pick] <= core.neurons() && rows + extra <= core.synapseRows()) {
                    break;
                }
                rejected[pick] = true;
                rejectedList.add(pick);
                pick = -1;
                bestConn = 0;
                for (int i = 0; i < candidateCount; i++) {
                    int c = candidates[i];
                    if (!placed[c] && !rejected[c] && conn[c] > bestConn) {
                        bestConn = conn[c];
                        pick = c;
                    }
                }
            }
            if (pick < 0) {
                while (nextInOrder < n && placed[nextInOrder]) {
                    nextInOrder++;
                }
                for (int c = nextInOrder; c < n && pick < 0; c++) {
                    if (placed[c] || rejected[c]) {
                        continue;
                    }
                    extra = newRows(c, memberStart, members, rowStamp, trialStamp, p, trial++);
                    if (neurons + l.vw()[c] <= core.neurons() && rows + extra <= core.synapseRows()) {
                        pick = c;
                    } else if (neurons > 0) {
                        break; // keep the network order: the next core starts here
                    }
                }
            }
            if (pick < 0) {
                if (neurons == 0) {
                    throw new IllegalArgumentException("a cluster of " + l.vw()[nextInOrder] + " neurons needs more than "
                            + core.synapseRows() + " synapse rows on an empty core");
                }
                p++;
                neurons = 0;
                rows = 0;
                candidateCount = 0;
                for (int c : rejectedList) {
                    rejected[c] = false;
                }
                rejectedList.clear();
                continue;
            }
            placed[pick] = true;
            left--;
            neurons += l.vw()[pick];
            rows += extra;
            parts = p + 1;
            for (int m = memberStart[pick]; m < memberStart[pick + 1]; m++) {
                int v = members[m];
                part[v] = p;
                for (int k = g.inStart(v); k < g.inEnd(v); k++) {
                    rowStamp[g.inNet(k)] = p;
                }
            }
            for (int k = l.xadj()[pick]; k < l.xadj()[pick + 1]; k++) {
                int d = l.adj()[k];
                if (placed[d]) {
                    continue;
                }
                if (connStamp[d] != p) {
                    connStamp[d] = p;
                    conn[d] = 0;
                    candidates[candidateCount++] = d;
                }
                conn[d] += l.ew()[k];
            }
        }
        return parts;
    }

    /** Rows a cluster adds to core {@code p}: its neurons' input nets not yet on the core, each once. */
    private int newRows(int c, int[] memberStart, int[] members, int[] rowStamp, int[] trialStamp, int p, int trial) {
        int extra = 0;
        for (int m = memberStart[c]; m < memberStart[c + 1]; m++) {
            int v = members[m];
            for (int k = g.inStart(v); k < g.inEnd(v); k++) {
                int net = g.inNet(k);
                if (rowStamp[net] != p && trialStamp[net] != trial) {
                    trialStamp[net] = trial;
                    extra++;
                }
            }
        }
        return extra;
    }

    /** Gain-driven refinement on the neuron-level hypergraph; returns the cores used. */
    private int refine(int[] part, int parts) {
        long cells = (long) g.nets() * parts;
        if (cells > 60_000_000L || core.neurons() > Character.MAX_VALUE) {
            return parts; // the count table would not fit comfortably: keep the grown cores
        }
        char[] tc = new char[(int) cells];
        int[] rows = new int[parts];
        int[] neurons = new int[parts];
        for (int v = 0; v < part.length; v++) {
            neurons[part[v]]++;
            for (int k = g.inStart(v); k < g.inEnd(v); k++) {
                int idx = g.inNet(k) * parts + part[v];
                if (tc[idx]++ == 0) {
                    rows[part[v]]++;
                }
            }
        }
        int[] candStamp = new int[parts];
        Arrays.fill(candStamp, -1);
        int[] cands = new int[parts];
        double total = SpikeCut.of(g, part, parts, org.memdse.core.arch.SpikeDelivery.MULTICAST).coreToCoreBits();
        for (int pass = 0; pass < PASSES; pass++) {
            double gained = 0;
            for (int v = 0; v < part.length; v++) {
                int a = part[v];
                int count = 0;
                int out = g.outNet(v);
                if (out >= 0) {
                    int base = out * parts;
                    for (int p = 0; p < parts; p++) {
                        if (p != a && tc[base + p] > 0 && candStamp[p] != v) {
                            candStamp[p] = v;
                            cands[count++] = p;
                        }
                    }
                }
                for (int k = g.inStart(v); k < g.inEnd(v); k++) {
                    int s = g.source(g.inNet(k));
                    if (s >= 0) {
                        int p = part[s];
                        if (p != a && candStamp[p] != v) {
                            candStamp[p] = v;
                            cands[count++] = p;
                        }
                    }
                }
                int best = -1;
                double bestGain = 1e-12;
                for (int i = 0; i < count; i++) {
                    int b = cands[i];
                    if (neurons[b] >= core.neurons()) {
                        continue;
                    }
                    double gain = 0;
                    int addRows = 0;
                    for (int k = g.inStart(v); k < g.inEnd(v); k++) {
                        int net = g.inNet(k);
                        int base = net * parts;
                        int cb = tc[base + b];
                        if (cb == 0) {
                            addRows++;
                        }
                        int s = g.source(net);
                        if (s < 0) {
                            continue;
                        }
                        int ps = part[s];
                        double bits = g.bits(net);
                        if (ps != a && tc[base + a] == 1) {
                            gain += bits;
                        }
                        if (ps != b && cb == 0) {
                            gain -= bits;
                        }
                    }
                    if (out >= 0) {
                        int base = out * parts;
                        gain += g.bits(out) * ((tc[base + b] > 0 ? 1 : 0) - (tc[base + a] > 0 ? 1 : 0));
                    }
                    if (gain > bestGain && rows[b] + addRows <= core.synapseRows()) {
                        bestGain = gain;
                        best = b;
                    }
                }
                if (best >= 0) {
                    for (int k = g.inStart(v); k < g.inEnd(v); k++) {
                        int base = g.inNet(k) * parts;
                        if (--tc[base + a] == 0) {
                            rows[a]--;
                        }
                        if (tc[base + best]++ == 0) {
                            rows[best]++;
                        }
                    }
                    neurons[a]--;
                    neurons[best]++;
                    part[v] = best;
                    gained += bestGain;
                }
            }
            if (gained <= 1e-4 * Math.max(total, 1e-12)) {
                break;
            }
            total -= gained;
        }
        return parts;
    }

    private static Result compact(int[] part, int parts) {
        int[] id = new int[parts];
        Arrays.fill(id, -1);
        int next = 0;
        for (int v = 0; v < part.length; v++) {
            if (id[part[v]] < 0) {
                id[part[v]] = next++;
            }
            part[v] = id[part[v]];
        }
        return new Result(next, part);
    }
}
