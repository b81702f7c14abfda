package org.memdse.mapping.partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.network.Connections;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.TrafficEdge;

/**
 * An SNN at the level of neurons, as a hypergraph: the vertices are the neurons of every
 * population (population after population, in network order, row-major within each); a net is
 * one presynaptic neuron with every postsynaptic neuron it reaches, through any projection (a
 * spike is sent once and reaches all of them). Nets of population neurons carry core-to-core
 * traffic; nets of boundary sources (an encoder, a voltage-to-spike integration interface) carry
 * interface traffic, and every net takes a synapse row (axon) on each core that holds one of its
 * targets.
 *
 * <p>{@link #bits(int)} is the net's spike bits per inference: the source's spikes per neuron
 * per inference × the address bits of one spike, as {@link TrafficEdge} counts them.
 */
public final class NeuronGraph {
    private final List<String> populations;
    private final int[] populationOffset;
    private final int neurons;
    private final int[] netSource;
    private final double[] netBits;
    private final int[] netStart;
    private final int[] netPins;
    private final int[] inStart;
    private final int[] inNets;
    private final int[] outNet;
    private final List<String> owners;
    private final int[] netOwner;

    private NeuronGraph(List<String> populations, int[] populationOffset, int neurons, int[] netSource,
                        double[] netBits, int[] netStart, int[] netPins, List<String> owners, int[] netOwner) {
        this.owners = List.copyOf(owners);
        this.netOwner = netOwner;
        this.populations = List.copyOf(populations);
        this.populationOffset = populationOffset;
        this.neurons = neurons;
        this.netSource = netSource;
        this.netBits = netBits;
        this.netStart = netStart;
        this.netPins = netPins;
        int nets = netSource.length;
        this.outNet = new int[neurons];
        Arrays.fill(outNet, -1);
        int[] count = new int[neurons + 1];
        for (int n = 0; n < nets; n++) {
            if (netSource[n] >= 0) {
                outNet[netSource[n]] = n;
            }
            HyperLevel.count(netPins, netStart[n], netStart[n + 1], count);
        }
        for (int v = 0; v < neurons; v++) {
            count[v + 1] += count[v];
        }
        this.inStart = count.clone();
        this.inNets = new int[netPins.length];
        int[] at = count;
        for (int n = 0; n < nets; n++) {
            HyperLevel.place(netPins, netStart[n], netStart[n + 1], at, inNets, n);
        }
    }

    /** The neuron-level graph of a network's populations and the projections into them. */
    public static NeuronGraph of(NetworkGraph network) {
        List<String> pops = new ArrayList<>();
        Map<String, Integer> offset = new HashMap<>();
        int total = 0;
        for (NetworkNode node : network.nodes()) {
            if (node instanceof Population) {
                pops.add(node.name());
                offset.put(node.name(), total);
                total = Math.addExact(total, (int) network.stats(node).outputActivations());
            }
        }
        int[] popOffset = new int[pops.size() + 1];
        for (int i = 0; i < pops.size(); i++) {
            popOffset[i] = offset.get(pops.get(i));
        }
        popOffset[pops.size()] = total;

        // Nets: one block per presynaptic node, one net per neuron of it.
        Map<String, Integer> netBase = new HashMap<>();
        List<Integer> sources = new ArrayList<>();
        List<Double> bits = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        long[] pairs = new long[1 << 16];
        int[] size = {0};
        for (NetworkNode node : network.nodes()) {
            if (!(node instanceof Population target)) {
                continue;
            }
            int targetBase = offset.get(target.name());
            for (TrafficEdge into : network.inputs(target)) {
                NetworkNode p = network.node(into.source()).orElseThrow();
                if (!(p instanceof Projection projection)) {
                    continue;
                }
                TrafficEdge from = network.inputs(projection).get(0);
                NetworkNode source = network.node(from.source()).orElseThrow();
                int sourceNeurons = (int) network.stats(source).outputShape().elements();
                Integer base = netBase.get(source.name());
                if (base == null) {
                    base = sources.size();
                    netBase.put(source.name(), base);
                    Integer sourceBase = offset.get(source.name());
                    double perNeuron = from.elements() == 0 ? 0
                            : from.spikesPerInference() / from.elements() * from.bitsPerElement();
                    owners.add(source.name());
                    for (int i = 0; i < sourceNeurons; i++) {
                        sources.add(sourceBase == null ? -1 : sourceBase + i);
                        bits.add(perNeuron);
                        owner.add(owners.size() - 1);
                    }
                }
                int netOffset = base;
                pairs = add(pairs, size, projection, network, source, netOffset, targetBase,
                        offset.getOrDefault(source.name(), -1));
            }
        }
        // The pairs grouped by net (a counting sort on the net, in linear time), then each net's
        // targets sorted and repeats dropped: the order a sort of the (net, target) pairs gives.
        int nets = sources.size();
        int[] netStart = new int[nets + 1];
        for (int i = 0; i < size[0]; i++) {
            netStart[(int) (pairs[i] >>> 32) + 1]++;
        }
        for (int n = 0; n < nets; n++) {
            netStart[n + 1] += netStart[n];
        }
        int[] pins = new int[size[0]];
        int[] at = Arrays.copyOf(netStart, nets);
        for (int i = 0; i < size[0]; i++) {
            pins[at[(int) (pairs[i] >>> 32)]++] = (int) pairs[i];
        }
        int distinct = 0;
        for (int n = 0; n < nets; n++) {
            int from = netStart[n];
            int to = netStart[n + 1];
            Arrays.sort(pins, from, to);
            netStart[n] = distinct;
            distinct = dedupe(pins, from, to, distinct);
        }
        netStart[nets] = distinct;
        int[] netSource = sources.stream().mapToInt(Integer::intValue).toArray();
        double[] netBits = bits.stream().mapToDouble(Double::doubleValue).toArray();
        return new NeuronGraph(pops, popOffset, total, netSource, netBits, netStart, Arrays.copyOf(pins, distinct),
                owners, owner.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Moves the distinct values of sorted {@code pins[from..to)} to {@code pins[at..)}, returns
     * their end (a method per net, compiled early; see {@link HyperLevel#count}).
     */
    private static int dedupe(int[] pins, int from, int to, int at) {
        for (int k = from; k < to; k++) {
            if (k > from && pins[k] == pins[k - 1]) {
                continue; // two projections from one neuron onto one neuron: one spike, one delivery
            }
            pins[at++] = pins[k];
        }
        return at;
    }

    private static long[] add(long[] pairs, int[] size, Projection projection, NetworkGraph network, NetworkNode source,
                              int netOffset, int targetBase, int sourceBase) {
        long more = Connections.count(projection, network.stats(source).outputShape(),
                network.stats(projection).outputShape());
        long need = size[0] + more + 16;
        long[] grown = pairs;
        if (need > pairs.length) {
            grown = Arrays.copyOf(pairs, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(need, pairs.length * 2L)));
        }
        long[][] box = {grown};
        Connections.forEach(projection, network.stats(source).outputShape(), network.stats(projection).outputShape(),
                (i, j) -> {
                    if (size[0] == box[0].length) {
                        box[0] = Arrays.copyOf(box[0], box[0].length * 2); // a random projection above its expectation
                    }
                    if (sourceBase >= 0 && sourceBase + i == targetBase + j) {
                        return; // a neuron's synapse onto itself crosses no core boundary and takes no axon of another
                    }
                    box[0][size[0]++] = (long) (netOffset + i) << 32 | (targetBase + j);
                });
        return box[0];
    }

    /** Neurons (vertices). */
    public int neurons() {
        return neurons;
    }

    /** Nets: presynaptic neurons (of populations and boundary sources) with at least one target. */
    public int nets() {
        return netSource.length;
    }

    /** The neuron a net starts at, or -1 for a boundary source (encoder, integration interface). */
    public int source(int net) {
        return netSource[net];
    }

    /** Spike bits per inference the net's source sends (once per spike, whatever it reaches). */
    public double bits(int net) {
        return netBits[net];
    }

    public int pinStart(int net) {
        return netStart[net];
    }

    public int pinEnd(int net) {
        return netStart[net + 1];
    }

    /** The {@code k}-th target of all nets (see {@link #pinStart}). */
    public int pin(int k) {
        return netPins[k];
    }

    /** Every net's targets, net after net ({@link #pin} for each k): the array itself, to be read only. */
    int[] pinArray() {
        return netPins;
    }

    /** Synapses in the graph (distinct presynaptic-postsynaptic pairs). */
    public int pins() {
        return netPins.length;
    }

    /** The nets a neuron receives from: one synapse row each, shared by every neuron of a core. */
    public int inStart(int neuron) {
        return inStart[neuron];
    }

    public int inEnd(int neuron) {
        return inStart[neuron + 1];
    }

    public int inNet(int k) {
        return inNets[k];
    }

    /** The net a neuron sends on, or -1 if it reaches no population neuron. */
    public int outNet(int neuron) {
        return outNet[neuron];
    }

    /** The presynaptic nodes (populations and boundary sources) whose neurons are nets, by first net. */
    public List<String> owners() {
        return owners;
    }

    /** Index in {@link #owners()} of the node a net's source neuron belongs to. */
    public int owner(int net) {
        return netOwner[net];
    }

    /** Index in {@link #populations()} of the population a vertex belongs to. */
    public int populationOf(int neuron) {
        int i = Arrays.binarySearch(populationOffset, neuron);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < populationOffset.length - 1 && populationOffset[i + 1] == neuron) {
            i++; // skip empty populations
        }
        return i;
    }

    public List<String> populations() {
        return populations;
    }

    /** First vertex of population {@code i}; {@code populationOffset(populations().size())} = neurons. */
    public int populationOffset(int i) {
        return populationOffset[i];
    }
}
