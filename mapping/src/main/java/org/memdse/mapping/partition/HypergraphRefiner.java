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
 * over its nets' lists, with neither a scan of every core nor a nets × cores table; the own
 * nets' part that depends on the target core is gathered once too, not per candidate (on the
 * coarse levels of dvs-gesture-csnn a cluster sends ~19 nets that reach ~13 cores each). A
 * vertex is evaluated only if a cheap upper bound of its gain passes the threshold, and after the
 * first pass only if a move crossed one of the pin counts its gains depend on (the vertices that
 * {@link #collectAffected} names, as in the FM passes).
 */
final class HypergraphRefiner {
    /** Affected vertices at most whose gains an FM move updates at once. */
    private static final int EAGER = 64;
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
    // evaluate()'s scratch: per core, the bits of v's foreign in-nets there, its in-nets there, a stamp.
    private final double[] join;
    /** evaluate()'s scratch: per core, the bits of v's own nets that reach it. */
    private final double[] own;
    private final int[] present;
    private final int[] stamp;
    private final int[] cands;
    private final int[] selfPin;
    /**
     * For each in-net entry {@code k} of {@link HyperLevel#inNets}, where its vertex's core was
     * found last in the net's list: {@link #mayGain} looks there first, and the list changes only
     * where a core comes or goes, so most look-ups take one step rather than a scan (dvs-gesture-
     * csnn's nets reach ~20 cores; the scans were a third of its refinement).
     */
    private final int[] onCore;
    private int stampNow;
    /** Cores listed in {@code cands} so far by the {@link #evaluate} under way. */
    private int candCount;
    /** Gain of the move {@link #evaluate} found last. */
    private double bestGain;

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
        this.join = new double[parts];
        this.own = new double[parts];
        this.present = new int[parts];
        this.stamp = new int[parts];
        Arrays.fill(stamp, -1);
        this.cands = new int[parts];
        this.selfPin = new int[nets];
        Arrays.fill(selfPin, -1);
        this.onCore = new int[h.inNets.length];
        list();
    }

    /**
     * Lists each net's cores with its pins there, in the order of their first vertex (the order in
     * which {@link #add}ing the vertices' in-nets one vertex after another lists them), and sets
     * {@link #onCore}. The vertices are first taken core by core, so that a net's pins on one
     * core come together and each (net, core) entry is found without a search of the net's list;
     * then in index order, which puts each entry in its place in the net's list when its first
     * vertex comes.
     */
    private void list() {
        int n = h.n;
        int[] coreStart = new int[parts + 1];
        for (int v = 0; v < n; v++) {
            neurons[part[v]] += h.weight[v];
            coreStart[part[v] + 1]++;
        }
        for (int p = 0; p < parts; p++) {
            coreStart[p + 1] += coreStart[p];
        }
        int[] byCore = new int[n];
        for (int v = 0; v < n; v++) {
            byCore[coreStart[part[v]]++] = v; // coreStart[p] ends at core p + 1's start
        }
        int nets = h.nets();
        int[] lastCore = new int[nets];
        Arrays.fill(lastCore, -1);
        int[] lastEntry = new int[nets];
        int[] first = new int[listPart.length];
        int[] entryPart = new int[listPart.length];
        int[] entryPins = new int[listPart.length];
        // Per vertex in methods of their own, which the JIT compiles after a few hundred calls,
        // rather than in loops here that wait for on-stack replacement (the coarsest level's
        // listing otherwise ran interpreted in a fresh JVM).
        for (int i = 0; i < n; i++) {
            listVertex(byCore[i], lastCore, lastEntry, first, entryPart, entryPins);
        }
        int[] filled = lastEntry; // now per net: its entries placed so far
        Arrays.fill(filled, 0);
        for (int v = 0; v < n; v++) {
            placeVertex(v, first, entryPart, entryPins, filled);
        }
    }

    /**
     * Counts vertex {@code v} on its core in its in-nets' entries (the vertices come core by core;
     * an entry's slot, in its net's range of the lists, is for now in order of cores), and notes
     * each in-net entry's slot in {@code onCore}.
     */
    private void listVertex(int v, int[] lastCore, int[] lastEntry, int[] first, int[] entryPart, int[] entryPins) {
        int p = part[v];
        int[] inNets = h.inNets;
        for (int k = h.inStart[v], end = h.inEnd(v); k < end; k++) {
            int e = inNets[k];
            if (lastCore[e] == p) {
                entryPins[lastEntry[e]]++;
            } else {
                int at = listStart[e] + listSize[e]++;
                entryPart[at] = p;
                entryPins[at] = 1;
                first[at] = v;
                lastCore[e] = p;
                lastEntry[e] = at;
                rows[p] += h.netRows[e];
            }
            onCore[k] = lastEntry[e];
        }
    }

    /**
     * Moves the entries whose first vertex is {@code v} to the next place of their net's list
     * ({@code filled} per net) and points {@code v}'s in-net entries at their places, which a
     * slot keeps in {@code entryPins} once moved (its first vertex comes before any other of its
     * vertices).
     */
    private void placeVertex(int v, int[] first, int[] entryPart, int[] entryPins, int[] filled) {
        int[] inNets = h.inNets;
        for (int k = h.inStart[v], end = h.inEnd(v); k < end; k++) {
            int slot = onCore[k];
            if (first[slot] == v) {
                int e = inNets[k];
                int place = filled[e]++;
                int at = listStart[e] + place;
                listPart[at] = entryPart[slot];
                listPins[at] = entryPins[slot];
                entryPins[slot] = place;
            }
            onCore[k] = entryPins[slot];
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
        rows[p] += h.netRows[e];
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
                    rows[p] -= h.netRows[e];
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
        // The pass in which a vertex's gains last may have changed (a move on one of its nets
        // crossed a pin count that its gains depend on): -1 before the first. A pass after the
        // first looks only at the vertices marked in the pass before or this one.
        int[] changed = new int[n];
        Arrays.fill(changed, -1);
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] affected = new int[n];
        int tick = 0;
        double total = cost();
        double saved = 0;
        for (int pass = 0; pass < passes; pass++) {
            double gained = 0;
            for (int v = 0; v < n; v++) {
                if (pass > 0 && changed[v] < pass - 1) {
                    continue;
                }
                double threshold = 1e-9 * Math.max(1, total);
                if (!mayGain(v, threshold)) {
                    continue;
                }
                int best = evaluate(v);
                if (best >= 0 && bestGain > threshold) {
                    int count = collectAffected(v, part[v], best, mark, tick++, affected);
                    for (int i = 0; i < count; i++) {
                        changed[affected[i]] = pass;
                    }
                    move(v, best);
                    gained += bestGain;
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

    /**
     * Fiduccia-Mattheyses passes with negative moves and rollback (Fiduccia and Mattheyses, DAC
     * 1982, k-way as in Sanchis, IEEE Trans. Comput. 38(1), 1989): each pass moves, one at a
     * time, the unlocked vertex whose best feasible move gains most (even if it loses bits), locks
     * it, and updates the gains of the vertices whose nets crossed a threshold (a core's pins of a
     * net going 0, 1 or 2); it stops after {@code patience} moves without a new best and takes
     * back the moves after the best prefix. Passes repeat while one gains; returns the bits saved.
     */
    double fm(int passes, int patience) {
        int n = h.n;
        IndexedMaxHeap heap = IndexedMaxHeap.byItem(n);
        boolean[] locked = new boolean[n];
        int[] movedVertex = new int[n];
        int[] movedFrom = new int[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] affected = new int[n];
        boolean[] dirty = new boolean[n];
        int tick = 0;
        double saved = 0;
        double eps = 1e-9 * Math.max(1, cost());
        for (int pass = 0; pass < passes; pass++) {
            Arrays.fill(locked, false);
            for (int v = 0; v < n; v++) {
                int b = evaluate(v);
                if (b >= 0) {
                    heap.set(v, bestGain);
                }
            }
            double current = 0;
            double best = 0;
            int bestPrefix = 0;
            int moves = 0;
            while (!heap.isEmpty() && moves - bestPrefix < patience) {
                int v = heap.top();
                double key = heap.key(v);
                int b = evaluate(v);
                dirty[v] = false;
                if (b < 0) {
                    heap.remove(v);
                    continue;
                }
                if (bestGain < key - eps) {
                    heap.set(v, bestGain); // a capacity filled or its nets changed since: look again at its place
                    continue;
                }
                heap.remove(v);
                int a = part[v];
                int count = collectAffected(v, a, b, mark, tick++, affected);
                move(v, b);
                locked[v] = true;
                movedVertex[moves] = v;
                movedFrom[moves] = a;
                moves++;
                current += bestGain;
                if (current > best + eps) {
                    best = current;
                    bestPrefix = moves;
                }
                // Few vertices: their gains now; many (dense coarse levels): those in the heap are
                // looked at again when they reach its top, the others (new to the boundary) now.
                boolean eager = count <= EAGER;
                for (int i = 0; i < count; i++) {
                    int u = affected[i];
                    if (locked[u]) {
                        continue;
                    }
                    if (!eager && heap.contains(u)) {
                        dirty[u] = true;
                        continue;
                    }
                    int t = evaluate(u);
                    if (t >= 0) {
                        heap.set(u, bestGain);
                    } else {
                        heap.remove(u);
                    }
                }
            }
            for (int m = moves - 1; m >= bestPrefix; m--) {
                move(movedVertex[m], movedFrom[m]);
            }
            heap.clear();
            saved += best;
            if (best <= eps) {
                break;
            }
        }
        return saved;
    }

    /**
     * The vertices whose gains may change when {@code v} moves from {@code a} to {@code b}, on the
     * nets whose source is a neuron (a vertex's gain on a net depends on which cores the net
     * reaches and on whether its own core holds 1 or more of the net's pins): where the net's
     * cores change (its last pin on {@code a} leaves or its first on {@code b} comes), every pin
     * and the source; where {@code a} keeps one pin, that pin and the source; where {@code b} had
     * one, that pin and the source; on {@code v}'s own nets, every pin. Fills {@code out}, returns
     * the count.
     */
    private int collectAffected(int v, int a, int b, int[] mark, int stamp, int[] out) {
        int count = 0;
        for (int k = h.inStart[v]; k < h.inEnd(v); k++) {
            int e = h.inNets[k];
            int s = h.netSource[e];
            if (s < 0) {
                continue;
            }
            int ta = pins(e, a);
            int tb = pins(e, b);
            if (ta == 1 || tb == 0 || s == v) {
                count = collectNet(e, mark, stamp, out, count, -1);
            } else if (ta == 2 || tb == 1) {
                if (mark[s] != stamp) {
                    mark[s] = stamp;
                    out[count++] = s;
                }
                if (ta == 2) {
                    count = collectNet(e, mark, stamp, out, count, a);
                }
                if (tb == 1) {
                    count = collectNet(e, mark, stamp, out, count, b);
                }
            }
        }
        for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
            count = collectNet(h.outNets[k], mark, stamp, out, count, -1);
        }
        return count;
    }

    /** Adds net {@code e}'s source and its pins (those on core {@code only} if it is not -1) to {@code out}. */
    private int collectNet(int e, int[] mark, int stamp, int[] out, int count, int only) {
        int s = h.netSource[e];
        if (only < 0 && s >= 0 && mark[s] != stamp) {
            mark[s] = stamp;
            out[count++] = s;
        }
        for (int k = h.netStart[e]; k < h.netStart[e + 1]; k++) {
            int u = h.netPins[k];
            if (mark[u] != stamp && (only < 0 || part[u] == only)) {
                mark[u] = stamp;
                out[count++] = u;
            }
        }
        return count;
    }

    /** Moves {@code v} to core {@code b}, keeping the nets' core lists, rows and neurons. */
    private void move(int v, int b) {
        int a = part[v];
        for (int k = h.inStart[v]; k < h.inEnd(v); k++) {
            int e = h.inNets[k];
            remove(e, a);
            add(e, b);
        }
        neurons[a] -= h.weight[v];
        neurons[b] += h.weight[v];
        part[v] = b;
    }

    /**
     * Whether some move of {@code v} may save more than {@code threshold} bits, by an upper bound
     * of {@link #evaluate}'s gain for each core b: a foreign in-net (source on another core than
     * v's core a) adds its bits to the gain only if v is its only pin on a and it reaches b (a pin
     * or its source there), and otherwise adds 0 or takes its bits, so the bound keeps the first
     * kind per core, drops the rest, and adds v's own nets' part exactly (they are few). Returns
     * as soon as one core's bound passes. A bound summed over all cores (the earlier one) passes
     * for nearly every cluster of a coarse level, which is often the only pin on its core of many
     * in-nets that each reach other cores; per core it stops more: dvs-gesture-csnn's refined
     * levels (1,758 / 6,801 / 17,537 / 33,291 vertices) call evaluate 4,443 / 10,487 / 14,438 /
     * 8,584 times in their three passes instead of 5,141 / 16,290 / 23,878 / 8,589. Only cores
     * with room for v's neurons count (evaluate takes no other): on those levels a third of the
     * vertices evaluated had their only gaining cores full, and the calls drop to 2,704 / 7,821 /
     * 11,888 / 7,199. Skipping a vertex whose bound fails changes nothing: evaluate would find no
     * move that passes either.
     */
    private boolean mayGain(int v, double threshold) {
        int a = part[v];
        int w = h.weight[v];
        // The bound sums in another order than evaluate: a hair of slack against rounding.
        double limit = threshold * (1 - 1e-9);
        int st = stampNow++;
        int count = 0;
        int inEnd = h.inEnd(v);
        for (int k = h.inStart[v]; k < inEnd; k++) {
            int e = h.inNets[k];
            if (h.netSource[e] == v) {
                selfPin[e] = v;
            }
        }
        double ownBase = 0;
        for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
            int e = h.outNets[k];
            double bits = h.netBits[e];
            int ta = 0;
            for (int i = listStart[e], end = i + listSize[e]; i < end; i++) {
                int p = listPart[i];
                if (p == a) {
                    ta = listPins[i];
                    continue;
                }
                if (stamp[p] != st) {
                    stamp[p] = st;
                    join[p] = 0;
                    cands[count++] = p;
                }
                join[p] += bits;
            }
            if (selfPin[e] == v) {
                ownBase += ta == 1 ? 0 : -bits;
            } else if (ta > 0) {
                ownBase -= bits;
            }
            selfPin[e] = -1;
        }
        for (int i = 0; i < count; i++) {
            if (ownBase + join[cands[i]] > limit && neurons[cands[i]] + w <= maxNeurons) {
                return true;
            }
        }
        for (int k = h.inStart[v]; k < inEnd; k++) {
            int e = h.inNets[k];
            int s = h.netSource[e];
            if (s < 0 || s == v) {
                continue;
            }
            int ps = part[s];
            if (ps == a) {
                continue;
            }
            int from = listStart[e];
            int end = from + listSize[e];
            int at = from + onCore[k];
            if (at >= end || listPart[at] != a) {
                at = from;
                while (listPart[at] != a) {
                    at++; // v is on a: a is listed
                }
                onCore[k] = at - from;
            }
            if (listPins[at] != 1) {
                continue;
            }
            double bits = h.netBits[e];
            boolean sourceThere = false;
            for (int i = from; i < end; i++) {
                int p = listPart[i];
                if (p == a) {
                    continue;
                }
                sourceThere |= p == ps;
                if (stamp[p] != st) {
                    stamp[p] = st;
                    join[p] = 0;
                }
                join[p] += bits;
                if (ownBase + join[p] > limit && neurons[p] + w <= maxNeurons) {
                    return true;
                }
            }
            if (!sourceThere) {
                if (stamp[ps] != st) {
                    stamp[ps] = st;
                    join[ps] = 0;
                }
                join[ps] += bits;
                if (ownBase + join[ps] > limit && neurons[ps] + w <= maxNeurons) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The best feasible move of {@code v}: returns its core (and sets {@link #bestGain}, bits
     * saved, negative if it costs), or -1 if no core that its nets reach has room.
     */
    private int evaluate(int v) {
        int a = part[v];
        candCount = 0;
        double leave = 0;
        double inBits = 0;
        int inCount = h.inRows[v];
        int[] inNets = h.inNets;
        int[] netSource = h.netSource;
        for (int k = h.inStart[v], inEnd = h.inEnd(v); k < inEnd; k++) {
            int e = inNets[k];
            int s = netSource[e];
            if (s == v) {
                selfPin[e] = v;
            }
            if (s < 0 || s == v) {
                tally(e, h.netRows[e], 0, -1);
                continue;
            }
            double bits = h.netBits[e];
            int ps = part[s];
            boolean sourceThere = tally(e, h.netRows[e], bits, ps);
            inBits += bits;
            if (!sourceThere) {
                if (stamp[ps] != stampNow) {
                    stamp[ps] = stampNow;
                    join[ps] = 0;
                    own[ps] = 0;
                    present[ps] = 0;
                    cands[candCount++] = ps;
                }
                join[ps] += bits;
            }
            if (ps != a && pinsOnCore(k, e, a) == 1) {
                leave += bits;
            }
        }
        // v's own nets (v is their source): moving v to b saves a net's bits where b holds one of
        // its pins (no longer a foreign core) and costs them where a keeps or, for a net v is a
        // pin of too, loses its pins. The part that depends on b is the bits of the nets reaching
        // b, gathered once over the nets' core lists; the rest is the same for every b.
        double ownBase = 0;
        for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
            int e = h.outNets[k];
            double bits = h.netBits[e];
            int ta = tallyOwn(e, bits, a);
            if (selfPin[e] == v) {
                ownBase += ta == 1 ? 0 : -bits;
            } else if (ta > 0) {
                ownBase -= bits;
            }
        }
        int best = -1;
        bestGain = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < candCount; i++) {
            int b = cands[i];
            if (b == a || neurons[b] + h.weight[v] > maxNeurons || rows[b] + inCount - present[b] > maxRows) {
                continue;
            }
            double gain = leave - inBits + join[b] + ownBase + own[b];
            if (gain > bestGain) {
                bestGain = gain;
                best = b;
            }
        }
        for (int k = h.outStart[v]; k < h.outStart[v + 1]; k++) {
            selfPin[h.outNets[k]] = -1;
        }
        stampNow++;
        return best;
    }

    /**
     * {@link #evaluate}'s sweep over in-net {@code e}'s cores: each gets the net's rows in
     * {@code present} and {@code bits} in {@code join} (0 for a net v sends or a boundary net),
     * new ones listed in {@code cands}; returns whether core {@code ps} is among them. A method
     * per net (as {@link #tallyOwn}), so that the JIT compiles this inner loop after a few hundred
     * nets, while evaluate itself, large, still waits for its optimized compile in a fresh JVM.
     */
    private boolean tally(int e, int netRows, double bits, int ps) {
        int st = stampNow;
        int count = candCount;
        boolean sourceThere = false;
        for (int i = listStart[e], end = i + listSize[e]; i < end; i++) {
            int p = listPart[i];
            if (stamp[p] != st) {
                stamp[p] = st;
                join[p] = 0;
                own[p] = 0;
                present[p] = 0;
                cands[count++] = p;
            }
            present[p] += netRows;
            join[p] += bits; // never -0.0 plus 0: the same as leaving it
            sourceThere |= p == ps;
        }
        candCount = count;
        return sourceThere;
    }

    /** {@link #evaluate}'s sweep over own net {@code e}'s cores ({@code bits} in {@code own}); returns its pins on {@code a}. */
    private int tallyOwn(int e, double bits, int a) {
        int st = stampNow;
        int count = candCount;
        int ta = 0;
        for (int i = listStart[e], end = i + listSize[e]; i < end; i++) {
            int p = listPart[i];
            if (stamp[p] != st) {
                stamp[p] = st;
                join[p] = 0;
                own[p] = 0;
                present[p] = 0;
                cands[count++] = p;
            }
            own[p] += bits;
            if (p == a) {
                ta = listPins[i];
            }
        }
        candCount = count;
        return ta;
    }

    /** Pins of in-net {@code e} (entry {@code k} of {@link HyperLevel#inNets}, of a vertex on {@code a}) on core {@code a}. */
    private int pinsOnCore(int k, int e, int a) {
        int from = listStart[e];
        int at = from + onCore[k];
        if (at >= from + listSize[e] || listPart[at] != a) {
            at = from;
            while (listPart[at] != a) {
                at++; // a vertex on a is a pin: a is listed
            }
            onCore[k] = at - from;
        }
        return listPins[at];
    }
}
