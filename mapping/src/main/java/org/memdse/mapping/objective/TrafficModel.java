package org.memdse.mapping.objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.Projection;
import org.memdse.core.network.TrafficEdge;
import org.memdse.mapping.partition.NeuronGraph;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.Partition;
import org.memdse.mapping.partition.SnnParts;

/**
 * The uniform traffic model. Each network edge {@code A → B} carries {@code bits} per inference;
 * it is spread evenly over the units: the traffic from endpoint {@code a} to endpoint {@code b}
 * is {@code bits × (A's units on a / A's units) × (B's units on b / B's units)}, i.e. every pair
 * (unit of A, unit of B) exchanges {@code bits / (|A| · |B|)} ({@link Flow#pairWeight()}).
 * traffic × hops = Σ over flows and unit pairs of {@code pairWeight × hops(endpoint(u), endpoint(v))}.
 *
 * <p>Nodes without units run where their data already is:
 * <ul>
 *   <li>a projection is attached to the population it feeds (its synapses sit on that
 *       population's cores, so the presynaptic spikes travel there);</li>
 *   <li>any other unit-less node (activation, pooling, batch norm, add, concat, flatten, reshape)
 *       is attached to its nearest unit-bearing predecessor along its first forward input (port
 *       0): a pooling node runs on the digital units of the tiles of the layer that feeds it, so
 *       its output flows from there; a residual add runs on the tiles of its first operand, and
 *       the shortcut's data flows to them;</li>
 *   <li>a node whose chain reaches no unit (an input from off chip) is off the network: its
 *       edges carry no on-chip traffic.</li>
 * </ul>
 * Edges between two nodes attached to the same node carry nothing on the network (element-wise
 * work on data in place), and so do edges of zero bits (a projection's currents).
 *
 * <p>SNN populations are cut into core-sized parts ({@link SnnParts}), each a node of one unit,
 * and their spikes follow the neuron-level connectivity instead of the uniform split: a spike
 * goes to each other part holding any of its presynaptic neuron's targets (multicast, one packet
 * per destination core as Loihi's cores send them) or to each target neuron there (unicast); a
 * population's outputs to non-SNN nodes leave each part in proportion to its neurons there.
 */
public final class TrafficModel {
    private final Partition partition;
    private final int[] anchor;
    private final List<String> nodeNames;
    private final List<Flow> flows;
    private final int[] unitNode;
    private final int[] unitsPerNode;
    private final double[][] nodeWeight;

    private TrafficModel(Partition partition, List<String> nodeNames, int[] anchor, List<Flow> flows) {
        this.partition = partition;
        this.nodeNames = List.copyOf(nodeNames);
        this.anchor = anchor;
        this.flows = List.copyOf(flows);
        this.unitNode = partition.unitNode().stream().mapToInt(Integer::intValue).toArray();
        int n = partition.nodes().size();
        this.unitsPerNode = partition.nodes().stream().mapToInt(NodeUnits::count).toArray();
        this.nodeWeight = new double[n][n];
        for (Flow f : flows) {
            nodeWeight[f.from()][f.to()] += f.pairWeight();
        }
    }

    public static TrafficModel of(NetworkGraph network, Partition partition) {
        Map<String, NodeUnits> byName = partition.byName();
        List<NetworkNode> nodes = network.nodes();
        List<String> names = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (NetworkNode n : nodes) {
            index.put(n.name(), names.size());
            names.add(n.name());
        }
        int[] anchor = new int[nodes.size()];
        Arrays.fill(anchor, Integer.MIN_VALUE);
        SnnParts snn = partition.snn().orElse(null);
        Map<Integer, List<Flow>> spikes = Map.of();
        Set<String> partitioned = Set.of();
        if (snn != null) {
            partitioned = new HashSet<>(snn.graph().populations());
            // A population runs on its parts: chains through it (rare: a flatten after a
            // population) attach to its first part.
            int[] firstPart = new int[snn.graph().populations().size()];
            Arrays.fill(firstPart, -1);
            for (int v = snn.graph().neurons() - 1; v >= 0; v--) {
                firstPart[snn.graph().populationOf(v)] = snn.part()[v];
            }
            for (int i = 0; i < firstPart.length; i++) {
                if (firstPart[i] >= 0) {
                    anchor[index.get(snn.graph().populations().get(i))] = snn.firstNode() + firstPart[i];
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            resolve(network, byName, names, anchor, i, 0);
        }
        if (snn != null) {
            spikes = spikeFlows(network, partition, snn, anchor, index);
        }
        List<Flow> flows = new ArrayList<>();
        for (TrafficEdge e : network.edges()) {
            List<Flow> neuronLevel = spikes.get(e.id());
            if (neuronLevel != null) {
                flows.addAll(neuronLevel);
            }
            if (!(e.bitsPerInference() > 0)) {
                continue;
            }
            NetworkNode target = network.node(e.target()).orElseThrow();
            if (target instanceof Projection && feedsPartitioned(network, target, partitioned)) {
                continue; // spikes into a projection: counted neuron by neuron above
            }
            int a = anchor[index.get(e.source())];
            int b = anchor[index.get(e.target())];
            if (a < 0 || b < 0 || a == b) {
                continue;
            }
            if (snn != null && partitioned.contains(e.source())) {
                // A population's outputs leave each part in proportion to its neurons there.
                int pop = snn.graph().populations().indexOf(e.source());
                double[] share = neuronShare(snn, pop);
                for (int k = 0; k < snn.parts(); k++) {
                    int from = snn.firstNode() + k;
                    if (share[k] > 0 && from != b) {
                        double bits = e.bitsPerInference() * share[k];
                        flows.add(new Flow(e.id(), from, b, bits, bits / partition.nodes().get(b).count()));
                    }
                }
                continue;
            }
            double pair = e.bitsPerInference() / ((double) partition.nodes().get(a).count() * partition.nodes().get(b).count());
            flows.add(new Flow(e.id(), a, b, e.bitsPerInference(), pair));
        }
        return new TrafficModel(partition, names, anchor, flows);
    }

    private static boolean feedsPartitioned(NetworkGraph network, NetworkNode projection, Set<String> partitioned) {
        for (TrafficEdge out : network.outputs(projection)) {
            if (partitioned.contains(out.target())) {
                return true;
            }
        }
        return false;
    }

    /** Share of population {@code pop}'s neurons on every part. */
    private static double[] neuronShare(SnnParts snn, int pop) {
        NeuronGraph g = snn.graph();
        double[] share = new double[snn.parts()];
        int first = g.populationOffset(pop);
        int end = g.populationOffset(pop + 1);
        for (int v = first; v < end; v++) {
            share[snn.part()[v]] += 1.0 / (end - first);
        }
        return share;
    }

    /**
     * Spikes between parts and from boundary sources into parts, neuron by neuron: a presynaptic
     * neuron's spike goes once to every other part holding any of its targets (multicast) or once
     * per target there (unicast); per inference it carries {@link NeuronGraph#bits(int)}. A
     * delivery is charged to the edge into the projection that reaches the target's population
     * (the first such edge of the source); targets on the source's own part cost nothing here.
     */
    private static Map<Integer, List<Flow>> spikeFlows(NetworkGraph network, Partition partition, SnnParts snn,
                                                       int[] anchor, Map<String, Integer> index) {
        NeuronGraph g = snn.graph();
        int pops = g.populations().size();
        // Edge of (presynaptic node, target population): the edge into the first projection between them.
        int[][] edgeOf = new int[g.owners().size()][pops];
        for (int[] row : edgeOf) {
            Arrays.fill(row, -1);
        }
        Map<String, Integer> owner = new HashMap<>();
        for (int o = 0; o < g.owners().size(); o++) {
            owner.put(g.owners().get(o), o);
        }
        for (int t = 0; t < pops; t++) {
            NetworkNode target = network.node(g.populations().get(t)).orElseThrow();
            for (TrafficEdge in : network.inputs(target)) {
                NetworkNode p = network.node(in.source()).orElseThrow();
                if (!(p instanceof Projection)) {
                    continue;
                }
                TrafficEdge from = network.inputs(p).get(0);
                Integer o = owner.get(from.source());
                if (o != null && edgeOf[o][t] < 0) {
                    edgeOf[o][t] = from.id();
                }
            }
        }
        boolean unicast = snn.routing() == SpikeDelivery.UNICAST;
        int parts = snn.parts();
        int[] stamp = new int[parts];
        Arrays.fill(stamp, -1);
        int[] ownerNode = new int[g.owners().size()];
        for (int o = 0; o < ownerNode.length; o++) {
            ownerNode[o] = anchor[index.get(g.owners().get(o))];
        }
        int[] popOfPin = new int[g.neurons()];
        for (int v = 0; v < g.neurons(); v++) {
            popOfPin[v] = g.populationOf(v);
        }
        Map<Long, double[]> bits = new HashMap<>();
        for (int n = 0; n < g.nets(); n++) {
            int s = g.source(n);
            int own = s >= 0 ? snn.part()[s] : -1;
            int from = s >= 0 ? snn.firstNode() + own : ownerNode[g.owner(n)];
            if (from < 0 || !(g.bits(n) > 0)) {
                continue; // a source off the network (an input from off chip)
            }
            for (int k = g.pinStart(n); k < g.pinEnd(n); k++) {
                int v = g.pin(k);
                int q = snn.part()[v];
                if (q == own || !unicast && stamp[q] == n) {
                    continue;
                }
                stamp[q] = n;
                int edge = edgeOf[g.owner(n)][popOfPin[v]];
                int to = snn.firstNode() + q;
                if (edge < 0 || to == from) {
                    continue;
                }
                long key = ((long) edge << 40) | ((long) from << 20) | to;
                bits.computeIfAbsent(key, x -> new double[1])[0] += g.bits(n);
            }
        }
        Map<Integer, List<Flow>> out = new HashMap<>();
        List<Long> keys = new ArrayList<>(bits.keySet());
        keys.sort(null);
        for (long key : keys) {
            int edge = (int) (key >>> 40);
            int from = (int) (key >>> 20 & 0xFFFFF);
            int to = (int) (key & 0xFFFFF);
            double b = bits.get(key)[0];
            double pair = b / ((double) partition.nodes().get(from).count() * partition.nodes().get(to).count());
            out.computeIfAbsent(edge, x -> new ArrayList<>()).add(new Flow(edge, from, to, b, pair));
        }
        return out;
    }

    private static int resolve(NetworkGraph network, Map<String, NodeUnits> byName, List<String> names, int[] anchor,
                               int i, int depth) {
        if (anchor[i] != Integer.MIN_VALUE) {
            return anchor[i];
        }
        if (depth > names.size()) {
            return -1;
        }
        NetworkNode node = network.nodes().get(i);
        NodeUnits own = byName.get(node.name());
        int result = -1;
        if (own != null) {
            result = own.index();
        } else if (node instanceof Projection) {
            for (TrafficEdge out : network.outputs(node)) {
                result = resolve(network, byName, names, anchor, names.indexOf(out.target()), depth + 1);
                break;
            }
        } else {
            for (TrafficEdge in : network.inputs(node)) {
                if (!in.feedback()) {
                    result = resolve(network, byName, names, anchor, names.indexOf(in.source()), depth + 1);
                    break;
                }
            }
        }
        anchor[i] = result;
        return result;
    }

    public Partition partition() {
        return partition;
    }

    /** Every flow, in edge order. */
    public List<Flow> flows() {
        return flows;
    }

    /** Index (in the partition's nodes) of the node a network node runs on; -1 if off the network. */
    public int anchorOf(String networkNode) {
        int i = nodeNames.indexOf(networkNode);
        return i < 0 ? -1 : anchor[i];
    }

    /** Node index of each unit. */
    public int nodeOfUnit(int unit) {
        return unitNode[unit];
    }

    /** Units of each node, by node index. */
    public int unitsOf(int node) {
        return unitsPerNode[node];
    }

    public int nodeCount() {
        return unitsPerNode.length;
    }

    /**
     * Bits exchanged per inference between one unit of node {@code from} and one unit of node
     * {@code to}, summed over all edges between them (0 if none); a constraint stream can join
     * unit pairs on a non-zero weight and penalise {@code weight × hops}.
     */
    public double pairWeight(int from, int to) {
        return nodeWeight[from][to];
    }
}
