package org.memdse.mapping.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.network.NetworkGraph;

/**
 * An SNN's neurons cut into core-sized parts by {@link ConnectivityPartitioner}; every part is
 * one {@link CoreGroup} (one unit to place) and one node of the {@link Partition}, so the placers
 * place parts and the traffic model follows the neuron-level connectivity between them.
 *
 * @param graph     the neuron-level graph
 * @param part      part of every neuron (vertex of {@code graph})
 * @param parts     number of parts
 * @param firstNode index in the partition's nodes of part 0; part {@code k} is node {@code firstNode + k}
 * @param routing   how a spike reaches targets on other cores (traffic per destination core or neuron)
 * @param sliced    the parts are population slices with shared convolution kernels ({@link #slices}),
 *                  the connectivity cut needing more cores than the system has
 */
public record SnnParts(NeuronGraph graph, int[] part, int parts, int firstNode, SpikeDelivery routing,
                       boolean sliced) {
    /** The seed of every SNN partition: the same network on the same cores gives the same parts. */
    public static final long SEED = 1;

    public SnnParts {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(routing, "routing");
    }

    /** A cut of {@code g} into at most {@code cores} parts if one can be found, else the smallest found. */
    public static ConnectivityPartitioner.Result cut(NeuronGraph g, CoreGeometry core, int cores) {
        ConnectivityPartitioner.Result r = cached(g, core);
        if (r.parts() <= cores) {
            return r;
        }
        // No core to spare: fill every core (the default leaves 3 % for refinement), then merge
        // parts that fit a core together.
        ConnectivityPartitioner.Result full = new ConnectivityPartitioner(g, core, SEED, 1.0).partition();
        if (full.parts() < r.parts()) {
            r = full;
        }
        return r.parts() <= cores ? r : merge(g, core, r, cores);
    }

    /**
     * The fallback when the connectivity cut needs more cores than the system has: each
     * population in consecutive core-sized slices whose every neuron takes the population's whole
     * fan-in in rows (a convolution's kernel taps, the core applying its shared kernel position
     * by position: {@link PopulationGrouper#fanIn}), the last, smaller slices of the populations
     * packed together first-fit by decreasing neurons where their neurons and rows fit one core.
     *
     * @param fanIn   rows per population (in {@code g}'s order); each at most a core's rows
     * @param rowsOut filled with each part's rows
     */
    public static ConnectivityPartitioner.Result slices(NeuronGraph g, CoreGeometry core, int[] fanIn, int[][] rowsOut) {
        int pops = g.populations().size();
        int[] part = new int[g.neurons()];
        List<Integer> rows = new ArrayList<>();
        List<Integer> binNeurons = new ArrayList<>();
        List<int[]> leftovers = new ArrayList<>(); // population, first vertex, neurons
        for (int pop = 0; pop < pops; pop++) {
            int first = g.populationOffset(pop);
            int end = g.populationOffset(pop + 1);
            for (int v = first; v < end; v += core.neurons()) {
                int n = Math.min(core.neurons(), end - v);
                if (n == core.neurons()) {
                    for (int k = v; k < v + n; k++) {
                        part[k] = rows.size();
                    }
                    rows.add(fanIn[pop]);
                    binNeurons.add(n);
                } else {
                    leftovers.add(new int[] {pop, v, n});
                }
            }
        }
        leftovers.sort((a, b) -> a[2] != b[2] ? Integer.compare(b[2], a[2]) : Integer.compare(a[0], b[0]));
        int firstShared = rows.size();
        for (int[] l : leftovers) {
            int bin = -1;
            for (int b = firstShared; b < rows.size() && bin < 0; b++) {
                if (binNeurons.get(b) + l[2] <= core.neurons() && rows.get(b) + fanIn[l[0]] <= core.synapseRows()) {
                    bin = b;
                }
            }
            if (bin < 0) {
                bin = rows.size();
                rows.add(0);
                binNeurons.add(0);
            }
            rows.set(bin, rows.get(bin) + fanIn[l[0]]);
            binNeurons.set(bin, binNeurons.get(bin) + l[2]);
            for (int k = l[1]; k < l[1] + l[2]; k++) {
                part[k] = bin;
            }
        }
        // Parts numbered by their first neuron (network order), as the connectivity cut numbers them.
        int parts = rows.size();
        int[] id = new int[parts];
        Arrays.fill(id, -1);
        int[] renumbered = new int[parts];
        int next = 0;
        for (int v = 0; v < part.length; v++) {
            if (id[part[v]] < 0) {
                renumbered[next] = rows.get(part[v]);
                id[part[v]] = next++;
            }
            part[v] = id[part[v]];
        }
        rowsOut[0] = Arrays.copyOf(renumbered, next);
        return new ConnectivityPartitioner.Result(next, part);
    }

    private record Key(NeuronGraph g, CoreGeometry core) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.g == g && k.core.equals(core);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(g) * 31 + core.hashCode();
        }
    }

    private record NetworkKey(NetworkGraph network) {
        @Override
        public boolean equals(Object o) {
            return o instanceof NetworkKey k && k.network == network;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(network);
        }
    }

    /** The last few partitions and graphs: a sweep maps one network onto many systems with the same cores. */
    private static final Map<Key, ConnectivityPartitioner.Result> PARTS = lru();
    private static final Map<NetworkKey, NeuronGraph> GRAPHS = lru();

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > 2;
            }
        };
    }

    /** The neuron-level graph of {@code network} (the last two built are kept). */
    public static NeuronGraph graph(NetworkGraph network) {
        synchronized (GRAPHS) {
            NeuronGraph g = GRAPHS.get(new NetworkKey(network));
            if (g != null) {
                return g;
            }
        }
        NeuronGraph g = NeuronGraph.of(network);
        synchronized (GRAPHS) {
            GRAPHS.put(new NetworkKey(network), g);
        }
        return g;
    }

    private static ConnectivityPartitioner.Result cached(NeuronGraph g, CoreGeometry core) {
        Key key = new Key(g, core);
        synchronized (PARTS) {
            ConnectivityPartitioner.Result r = PARTS.get(key);
            if (r != null) {
                return r;
            }
        }
        ConnectivityPartitioner.Result r = new ConnectivityPartitioner(g, core, SEED).partition();
        synchronized (PARTS) {
            PARTS.put(key, r);
        }
        return r;
    }

    /**
     * Merges parts, fewest neurons first, each into the part of most shared input nets that
     * takes it within a core's neurons and rows (an axon counted once), until at most
     * {@code cores} remain or no pair fits.
     */
    static ConnectivityPartitioner.Result merge(NeuronGraph g, CoreGeometry core, ConnectivityPartitioner.Result r,
                                                int cores) {
        int parts = r.parts();
        int[] part = r.part().clone();
        int[] neurons = SpikeCut.neurons(part, parts);
        int[][] inNets = netsInto(g, part, parts);
        int[] target = new int[parts];
        for (int p = 0; p < parts; p++) {
            target[p] = p;
        }
        int live = parts;
        int[] stamp = new int[g.nets()];
        Arrays.fill(stamp, -1);
        Integer[] order = new Integer[parts];
        for (int p = 0; p < parts; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> neurons[a] != neurons[b] ? Integer.compare(neurons[a], neurons[b])
                : Integer.compare(a, b));
        for (int p : order) {
            if (live <= cores) {
                break;
            }
            if (target[p] != p) {
                continue;
            }
            for (int n : inNets[p]) {
                stamp[n] = p;
            }
            int best = -1;
            int bestShared = -1;
            for (int q = 0; q < parts; q++) {
                if (q == p || target[q] != q || neurons[p] + neurons[q] > core.neurons()) {
                    continue;
                }
                int shared = 0;
                for (int n : inNets[q]) {
                    if (stamp[n] == p) {
                        shared++;
                    }
                }
                if (inNets[p].length + inNets[q].length - shared <= core.synapseRows() && shared > bestShared) {
                    best = q;
                    bestShared = shared;
                }
            }
            for (int n : inNets[p]) {
                stamp[n] = -1;
            }
            if (best < 0) {
                continue;
            }
            target[p] = best;
            neurons[best] += neurons[p];
            neurons[p] = 0;
            int[] union = Arrays.copyOf(inNets[best], inNets[best].length + inNets[p].length);
            int size = inNets[best].length;
            for (int n : inNets[best]) {
                stamp[n] = best;
            }
            for (int n : inNets[p]) {
                if (stamp[n] != best) {
                    union[size++] = n;
                }
            }
            for (int n : inNets[best]) {
                stamp[n] = -1;
            }
            inNets[best] = Arrays.copyOf(union, size);
            inNets[p] = new int[0];
            live--;
        }
        for (int v = 0; v < part.length; v++) {
            part[v] = target[part[v]];
        }
        return ConnectivityPartitioner.compact(part, parts);
    }

    private static int[][] netsInto(NeuronGraph g, int[] part, int parts) {
        int[] rows = SpikeCut.rows(g, part, parts);
        int[][] out = new int[parts][];
        int[] fill = new int[parts];
        for (int p = 0; p < parts; p++) {
            out[p] = new int[rows[p]];
        }
        int[] stamp = new int[parts];
        Arrays.fill(stamp, -1);
        for (int n = 0; n < g.nets(); n++) {
            for (int k = g.pinStart(n); k < g.pinEnd(n); k++) {
                int p = part[g.pin(k)];
                if (stamp[p] != n) {
                    stamp[p] = n;
                    out[p][fill[p]++] = n;
                }
            }
        }
        return out;
    }

    /**
     * The units of the parts, ids from {@code firstId}: per part its neurons, exact synapse rows
     * ({@link SpikeCut#rows}), synapses (distinct presynaptic neurons of each neuron) and the
     * populations it holds.
     */
    public static List<CoreGroup> units(NeuronGraph g, int[] part, int parts, int firstId) {
        return units(g, part, parts, SpikeCut.rows(g, part, parts), firstId);
    }

    /** The units of the parts with the synapse rows each needs given. */
    public static List<CoreGroup> units(NeuronGraph g, int[] part, int parts, int[] rows, int firstId) {
        int pops = g.populations().size();
        int[][] count = new int[parts][pops];
        long[][] synapses = new long[parts][pops];
        int[][] first = new int[parts][pops];
        for (int[] f : first) {
            Arrays.fill(f, -1);
        }
        for (int v = 0; v < g.neurons(); v++) {
            int p = part[v];
            int pop = g.populationOf(v);
            count[p][pop]++;
            synapses[p][pop] += g.inEnd(v) - g.inStart(v);
            if (first[p][pop] < 0) {
                first[p][pop] = v - g.populationOffset(pop);
            }
        }
        List<CoreGroup> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            List<CoreGroup.Share> shares = new ArrayList<>();
            int main = -1;
            int neurons = 0;
            long syn = 0;
            for (int pop = 0; pop < pops; pop++) {
                if (count[p][pop] == 0) {
                    continue;
                }
                shares.add(new CoreGroup.Share(g.populations().get(pop), count[p][pop], synapses[p][pop]));
                if (main < 0 || count[p][pop] > count[p][main]) {
                    main = pop;
                }
                neurons += count[p][pop];
                syn += synapses[p][pop];
            }
            out.add(new CoreGroup(firstId + p, g.populations().get(main), first[p][main], neurons, rows[p], syn, shares));
        }
        return out;
    }
}
