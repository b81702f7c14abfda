package org.memdse.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small reference multilevel graph partitioner (METIS-style), test scope only, to check that
 * the solver's SNN core assignment keeps the spike traffic crossing cores close to what a graph
 * partitioner achieves on the same graph and capacities.
 *
 * <p>Vertices carry neurons and the population they come from; a part (core) holds at most
 * {@code neuronCap} neurons and {@code rowCap} synapse rows, where every population present on
 * the part needs its fan-in once. Three stages:
 * <ol>
 *   <li>coarsening by heavy-edge matching (random visit order, each vertex merged with the
 *       unmatched neighbour of heaviest edge that keeps the merge within a part's capacity),
 *       until the graph stops shrinking;</li>
 *   <li>a greedy initial partition of the coarsest graph (heaviest vertices first, each into the
 *       feasible part it is most connected to);</li>
 *   <li>projection back level by level, with boundary refinement at each: FM-style passes that
 *       move a vertex to the feasible part with the largest positive gain in cut weight.</li>
 * </ol>
 * Dense weight matrices: meant for a few hundred vertices.
 */
final class MultilevelPartitioner {
    private final int parts;
    private final int neuronCap;
    private final int rowCap;
    private final int[] fanIn;
    private final SplittableRandom random;

    /**
     * @param parts     cores available
     * @param neuronCap neurons per core
     * @param rowCap    synapse rows per core
     * @param fanIn     synapse rows one population needs on a core, by population index
     */
    MultilevelPartitioner(int parts, int neuronCap, int rowCap, int[] fanIn, long seed) {
        this.parts = parts;
        this.neuronCap = neuronCap;
        this.rowCap = rowCap;
        this.fanIn = fanIn.clone();
        this.random = new SplittableRandom(seed);
    }

    private record Level(double[][] w, int[] neurons, boolean[][] pops, int[] toCoarse) {
    }

    /** The part of every vertex; w is symmetric (both directions summed). */
    int[] partition(double[][] w, int[] neurons, int[] population) {
        int n = neurons.length;
        boolean[][] pops = new boolean[n][fanIn.length];
        for (int v = 0; v < n; v++) {
            pops[v][population[v]] = true;
        }
        List<Level> levels = new ArrayList<>();
        Level level = new Level(w, neurons, pops, null);
        while (true) {
            int[] toCoarse = new int[level.neurons.length];
            Level coarser = coarsen(level, toCoarse);
            if (coarser == null) {
                break;
            }
            levels.add(new Level(level.w, level.neurons, level.pops, toCoarse));
            level = coarser;
        }
        int[] part = initial(level);
        refine(level, part);
        for (int i = levels.size() - 1; i >= 0; i--) {
            Level fine = levels.get(i);
            int[] finePart = new int[fine.neurons.length];
            for (int v = 0; v < finePart.length; v++) {
                finePart[v] = part[fine.toCoarse[v]];
            }
            part = finePart;
            refine(fine, part);
        }
        return part;
    }

    private int rows(boolean[] pops) {
        int r = 0;
        for (int p = 0; p < pops.length; p++) {
            if (pops[p]) {
                r += fanIn[p];
            }
        }
        return r;
    }

    /** Heavy-edge matching; null when the graph no longer shrinks by 5%. */
    private Level coarsen(Level level, int[] toCoarse) {
        int n = level.neurons.length;
        int[] match = new int[n];
        Arrays.fill(match, -1);
        int[] order = shuffled(n);
        int coarse = 0;
        for (int v : order) {
            if (match[v] >= 0) {
                continue;
            }
            int best = -1;
            for (int u = 0; u < n; u++) {
                if (u == v || match[u] >= 0 || level.w[v][u] <= 0) {
                    continue;
                }
                if (level.neurons[v] + level.neurons[u] > neuronCap || rows(or(level.pops[v], level.pops[u])) > rowCap) {
                    continue;
                }
                if (best < 0 || level.w[v][u] > level.w[v][best]) {
                    best = u;
                }
            }
            match[v] = best >= 0 ? best : v;
            if (best >= 0) {
                match[best] = v;
                toCoarse[best] = coarse;
            }
            toCoarse[v] = coarse++;
        }
        if (coarse > 0.95 * n) {
            return null;
        }
        double[][] cw = new double[coarse][coarse];
        int[] cn = new int[coarse];
        boolean[][] cp = new boolean[coarse][fanIn.length];
        for (int v = 0; v < n; v++) {
            int c = toCoarse[v];
            cn[c] += level.neurons[v];
            cp[c] = or(cp[c], level.pops[v]);
            for (int u = 0; u < n; u++) {
                if (toCoarse[u] != c) {
                    cw[c][toCoarse[u]] += level.w[v][u];
                }
            }
        }
        return new Level(cw, cn, cp, null);
    }

    /** Heaviest vertices first, each into the feasible part it is most connected to. */
    private int[] initial(Level level) {
        int n = level.neurons.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> level.neurons[b] != level.neurons[a]
                ? Integer.compare(level.neurons[b], level.neurons[a]) : Integer.compare(a, b));
        int[] part = new int[n];
        Arrays.fill(part, -1);
        Load load = new Load(level);
        for (int v : order) {
            int best = -1;
            double bestConn = -1;
            for (int p = 0; p < parts; p++) {
                if (!load.fits(v, p)) {
                    continue;
                }
                double conn = 0;
                for (int u = 0; u < n; u++) {
                    if (part[u] == p) {
                        conn += level.w[v][u];
                    }
                }
                // Prefer connected parts, then used parts (fewer cores), then the lowest index.
                double key = conn + (load.neurons[p] > 0 ? 1e-9 : 0);
                if (key > bestConn) {
                    best = p;
                    bestConn = key;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("reference partitioner: no part fits vertex " + v);
            }
            part[v] = best;
            load.add(v, best);
        }
        return part;
    }

    /** FM-style boundary refinement: move vertices to the feasible part of largest positive gain. */
    private void refine(Level level, int[] part) {
        int n = part.length;
        Load load = new Load(level);
        for (int v = 0; v < n; v++) {
            load.add(v, part[v]);
        }
        for (int pass = 0; pass < 20; pass++) {
            boolean moved = false;
            for (int v : shuffled(n)) {
                double[] conn = new double[parts];
                for (int u = 0; u < n; u++) {
                    if (u != v) {
                        conn[part[u]] += level.w[v][u];
                    }
                }
                int from = part[v];
                int best = from;
                double bestGain = 1e-12;
                load.remove(v, from);
                for (int p = 0; p < parts; p++) {
                    if (p != from && conn[p] - conn[from] > bestGain && load.fits(v, p)) {
                        best = p;
                        bestGain = conn[p] - conn[from];
                    }
                }
                load.add(v, best);
                if (best != from) {
                    part[v] = best;
                    moved = true;
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    /** Neurons and population counts per part. */
    private final class Load {
        final Level level;
        final int[] neurons = new int[parts];
        final int[][] popCount = new int[parts][fanIn.length];

        Load(Level level) {
            this.level = level;
        }

        boolean fits(int v, int p) {
            if (neurons[p] + level.neurons[v] > neuronCap) {
                return false;
            }
            int rows = 0;
            for (int q = 0; q < fanIn.length; q++) {
                if (popCount[p][q] > 0 || level.pops[v][q]) {
                    rows += fanIn[q];
                }
            }
            return rows <= rowCap;
        }

        void add(int v, int p) {
            neurons[p] += level.neurons[v];
            for (int q = 0; q < fanIn.length; q++) {
                if (level.pops[v][q]) {
                    popCount[p][q]++;
                }
            }
        }

        void remove(int v, int p) {
            neurons[p] -= level.neurons[v];
            for (int q = 0; q < fanIn.length; q++) {
                if (level.pops[v][q]) {
                    popCount[p][q]--;
                }
            }
        }
    }

    private int[] shuffled(int n) {
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
        return order;
    }

    private static boolean[] or(boolean[] a, boolean[] b) {
        boolean[] out = a.clone();
        for (int i = 0; i < b.length; i++) {
            out[i] |= b[i];
        }
        return out;
    }
}
