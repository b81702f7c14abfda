package org.memdse.core.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * A checked network: an acyclic graph of {@link NetworkNode}s joined by {@link TrafficEdge}s,
 * with the {@link NodeStats} of every node. Built only by {@link NetworkBuilder} (from YAML, ONNX
 * or code), so every instance has passed the shape checks. Immutable and safe to share between
 * threads.
 *
 * <p>Mappers and evaluators walk {@link #nodes()} (topological order: every node after its
 * forward inputs) and ask {@link #stats(NetworkNode)}, {@link #inputs(NetworkNode)} and
 * {@link #outputs(NetworkNode)}. Recurrent SNN projections marked {@code feedback} are not in the
 * acyclic graph; their edges are in {@link #feedbackEdges()} (and in inputs/outputs).
 */
public final class NetworkGraph {
    private final String name;
    private final int weightBits;
    private final int activationBits;
    /** The jgrapht view, built when first asked for and shared with this network's density variants. */
    private final LazyDag graph;
    private final List<NetworkNode> order;
    /**
     * Each node with its statistics and its edges in and out, by node name (names are unique),
     * built once: looking edges up in {@link #allEdges} per node made every pass over the nodes
     * quadratic (a 20,000-layer chain took 20 s to print). Keyed by the name, whose hash a string
     * keeps, rather than by the node: a node record's hash is worked out over all its components
     * on every lookup (HashMap lookups of nodes were the largest part of building and printing a
     * 96,000-layer network).
     */
    private final Map<String, Slot> slots;
    private final List<TrafficEdge> feedbackEdges;
    private final List<TrafficEdge> allEdges;
    private final NetworkTotals totals;
    /** Densities given per layer (the layers' own keys, or a sweep's layer paths). */
    private final Map<String, Double> layerDensities;
    private final OptionalDouble networkDensity;
    private final OptionalDouble overrideDensity;
    private final Map<String, InputActivity> activities;

    /** A node, its statistics and its edges (inputs in input order, feedback edges included). */
    private static final class Slot {
        final NetworkNode node;
        final NodeStats stats;
        List<TrafficEdge> inputs = List.of();
        List<TrafficEdge> outputs = List.of();

        Slot(NetworkNode node, NodeStats stats) {
            this.node = node;
            this.stats = stats;
        }
    }

    /**
     * @param order the nodes, topological (every node after its forward inputs), names unique
     * @param stats every node's statistics, in {@code order}
     * @param edges every edge, forward and feedback, in id order
     */
    NetworkGraph(String name, int weightBits, int activationBits, Map<String, Double> layerDensities,
                 OptionalDouble networkDensity, List<NetworkNode> order, List<NodeStats> stats,
                 List<TrafficEdge> edges, List<TrafficEdge> feedbackEdges) {
        this.name = Objects.requireNonNull(name, "name");
        this.weightBits = weightBits;
        this.activationBits = activationBits;
        this.order = List.copyOf(order);
        if (stats.size() != this.order.size()) {
            throw new IllegalArgumentException(stats.size() + " statistics for " + this.order.size() + " nodes");
        }
        Map<String, Slot> byName = new HashMap<>(NetworkBuilder.capacity(this.order.size()));
        for (int i = 0; i < this.order.size(); i++) {
            NetworkNode n = this.order.get(i);
            byName.put(n.name(), new Slot(n, Objects.requireNonNull(stats.get(i), "stats")));
        }
        this.slots = Collections.unmodifiableMap(byName);
        this.feedbackEdges = List.copyOf(feedbackEdges);
        List<TrafficEdge> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparingInt(TrafficEdge::id));
        this.allEdges = List.copyOf(sorted);
        for (TrafficEdge e : allEdges) {
            Slot to = byName.get(e.target());
            to.inputs = appended(to.inputs, e);
            Slot from = byName.get(e.source());
            from.outputs = appended(from.outputs, e);
        }
        for (Slot slot : byName.values()) {
            if (slot.inputs.size() > 1) {
                // Stable: id order within a port.
                List<TrafficEdge> in = new ArrayList<>(slot.inputs);
                in.sort(Comparator.comparingInt(TrafficEdge::port));
                slot.inputs = List.copyOf(in);
            }
        }
        this.graph = new LazyDag(this.order, allEdges);
        this.totals = sum(stats);
        this.layerDensities = Map.copyOf(layerDensities);
        this.networkDensity = checkDensity(networkDensity);
        this.overrideDensity = OptionalDouble.empty();
        this.activities = InputActivities.of(this, this.layerDensities, this.networkDensity, overrideDensity);
    }

    /**
     * {@code list} and {@code e}, immutable: nodes have an edge or two each, so a node's list is
     * copied whole for each of its edges rather than grown in a list of its own and copied again.
     */
    private static List<TrafficEdge> appended(List<TrafficEdge> list, TrafficEdge e) {
        switch (list.size()) {
            case 0:
                return List.of(e);
            case 1:
                return List.of(list.get(0), e);
            default:
                TrafficEdge[] all = list.toArray(new TrafficEdge[list.size() + 1]);
                all[list.size()] = e;
                return List.of(all);
        }
    }

    /**
     * The acyclic graph of the forward edges, built on first use (by mappers and jgrapht
     * algorithms; reading and printing a network never need it). Vertices are added in
     * topological order and every forward edge runs from an earlier vertex to a later one, so the
     * graph keeps that order and its iterator gives {@link #nodes()}.
     */
    private static final class LazyDag {
        private final List<NetworkNode> order;
        private final List<TrafficEdge> edges;
        private Graph<NetworkNode, TrafficEdge> built;

        LazyDag(List<NetworkNode> order, List<TrafficEdge> edges) {
            this.order = order;
            this.edges = edges;
        }

        synchronized Graph<NetworkNode, TrafficEdge> get(Map<String, Slot> byName) {
            if (built == null) {
                DirectedAcyclicGraph<NetworkNode, TrafficEdge> dag = new DirectedAcyclicGraph<>(null, null, false);
                order.forEach(dag::addVertex);
                for (TrafficEdge e : edges) {
                    if (!e.feedback()) {
                        dag.addEdge(byName.get(e.source()).node, byName.get(e.target()).node, e);
                    }
                }
                built = new AsUnmodifiableGraph<>(dag);
            }
            return built;
        }
    }

    /** The same network with other input-bit densities; the graph and its statistics are shared. */
    private NetworkGraph(NetworkGraph g, Map<String, Double> layerDensities, OptionalDouble networkDensity,
                         OptionalDouble overrideDensity) {
        this.name = g.name;
        this.weightBits = g.weightBits;
        this.activationBits = g.activationBits;
        this.graph = g.graph;
        this.order = g.order;
        this.slots = g.slots;
        this.feedbackEdges = g.feedbackEdges;
        this.allEdges = g.allEdges;
        this.totals = g.totals;
        this.layerDensities = Map.copyOf(layerDensities);
        this.networkDensity = checkDensity(networkDensity);
        this.overrideDensity = checkDensity(overrideDensity);
        this.activities = InputActivities.of(this, this.layerDensities, this.networkDensity, this.overrideDensity);
    }

    private static OptionalDouble checkDensity(OptionalDouble density) {
        density.ifPresent(NetworkGraph::checkDensity);
        return density;
    }

    static double checkDensity(double density) {
        if (!(density > 0 && density <= 1)) {
            throw new IllegalArgumentException("input bit density must be in (0, 1], was " + density);
        }
        return density;
    }

    /** A builder for a network of this name (see {@link NetworkBuilder}). */
    public static NetworkBuilder builder(String name) {
        return new NetworkBuilder(name);
    }

    public String name() {
        return name;
    }

    /** Default weight precision in bits (SNN projections carry their own). */
    public int weightBits() {
        return weightBits;
    }

    /** Default activation precision in bits. */
    public int activationBits() {
        return activationBits;
    }

    /**
     * The network's own input-bit density ({@code input_bit_density} at the top of its file), if
     * given: it replaces the defaults of every crossbar layer that gives none of its own.
     */
    public OptionalDouble networkInputBitDensity() {
        return networkDensity;
    }

    /**
     * Every crossbar layer's (conv2d, linear, lstm, gru) input-bit density and its source, in
     * network order: a statistic of the data, not of the graph. Without a figure from the layer,
     * the network or an override, a layer takes the default for the activation that produced its
     * input ({@link ActivityDefaults}: 0.5 for the network input, less after ReLU).
     */
    public Map<String, InputActivity> inputActivities() {
        return activities;
    }

    /** A crossbar layer's input-bit density and its source; empty for any other node. */
    public Optional<InputActivity> inputActivity(NetworkNode node) {
        return Optional.ofNullable(activities.get(node.name()));
    }

    /**
     * Share of the bits of {@code node}'s inputs that are 1: a bit-serial crossbar drives a row,
     * and its cells conduct, only for a 1. For a node that is not a crossbar layer (an SNN
     * projection on crossbars), the override, else the network's figure, else 0.5.
     */
    public double inputBitDensity(NetworkNode node) {
        InputActivity a = activities.get(node.name());
        if (a != null) {
            return a.density();
        }
        return overrideDensity.orElse(networkDensity.orElse(ActivityDefaults.DENSE));
    }

    /** This network with {@code density} for every crossbar layer (the command line's override). */
    public NetworkGraph withInputBitDensity(double density) {
        return new NetworkGraph(this, layerDensities, networkDensity, OptionalDouble.of(density));
    }

    /**
     * This network as if its file gave {@code input_bit_density: density} at the top: layers with
     * their own figure keep it (a sweep's {@code network.input_bit_density}).
     */
    public NetworkGraph withNetworkInputBitDensity(double density) {
        return new NetworkGraph(this, layerDensities, OptionalDouble.of(density), overrideDensity);
    }

    /**
     * This network as if layer {@code layer} gave {@code input_bit_density: density} (a sweep's
     * {@code network.layers.NAME.input_bit_density}).
     *
     * @throws IllegalArgumentException if {@code layer} is not a crossbar layer of this network
     */
    public NetworkGraph withLayerInputBitDensity(String layer, double density) {
        if (!activities.containsKey(layer)) {
            throw new IllegalArgumentException("no crossbar layer '" + layer + "' in network '" + name + "'");
        }
        Map<String, Double> layers = new LinkedHashMap<>(layerDensities);
        layers.put(layer, checkDensity(density));
        return new NetworkGraph(this, layers, networkDensity, overrideDensity);
    }

    /** All nodes in topological order (the order of the input file where that order is topological). */
    public List<NetworkNode> nodes() {
        return order;
    }

    public Optional<NetworkNode> node(String nodeName) {
        Slot slot = slots.get(nodeName);
        return slot == null ? Optional.empty() : Optional.of(slot.node);
    }

    public NodeStats stats(NetworkNode node) {
        Slot slot = slots.get(node.name());
        if (slot == null || slot.node != node && !slot.node.equals(node)) {
            throw new IllegalArgumentException("node '" + node.name() + "' is not in network '" + name + "'");
        }
        return slot.stats;
    }

    public NodeStats stats(String nodeName) {
        return stats(node(nodeName).orElseThrow(
                () -> new IllegalArgumentException("no node '" + nodeName + "' in network '" + name + "'")));
    }

    /** The edges into a node, in input order, feedback edges included. */
    public List<TrafficEdge> inputs(NetworkNode node) {
        Slot slot = slots.get(node.name());
        return slot == null ? List.of() : slot.inputs;
    }

    /** The edges out of a node, feedback edges included. */
    public List<TrafficEdge> outputs(NetworkNode node) {
        Slot slot = slots.get(node.name());
        return slot == null ? List.of() : slot.outputs;
    }

    /** Every edge, forward and feedback, in a stable order. */
    public List<TrafficEdge> edges() {
        return allEdges;
    }

    /** Edges of recurrent SNN loops (delayed by one time step), not in {@link #graph()}. */
    public List<TrafficEdge> feedbackEdges() {
        return feedbackEdges;
    }

    /** The acyclic graph itself, read-only, for jgrapht algorithms. */
    public Graph<NetworkNode, TrafficEdge> graph() {
        return graph.get(slots);
    }

    public NetworkTotals totals() {
        return totals;
    }

    private NetworkTotals sum(List<NodeStats> stats) {
        long params = 0;
        long macs = 0;
        long digital = 0;
        long matrix = 0;
        long synapses = 0;
        double synops = 0;
        for (NodeStats s : stats) {
            // Exact: layers each within a long can sum past it (NetworkBuilder reports that).
            params = Math.addExact(params, s.params());
            macs = Math.addExact(macs, s.macs());
            digital = Math.addExact(digital, s.digitalOps());
            matrix = Math.addExact(matrix, s.weights().map(WeightMatrix::weights).orElse(0L));
            synapses = Math.addExact(synapses, s.synapses());
            synops += s.synapticOpsPerInference();
        }
        double spikes = 0;
        double bits = 0;
        for (TrafficEdge e : allEdges) {
            spikes += e.spikesPerInference();
            bits += e.bitsPerInference();
        }
        return new NetworkTotals(params, macs, digital, matrix, synapses, synops, spikes, bits);
    }

    @Override
    public String toString() {
        return "NetworkGraph[" + name + ", " + order.size() + " nodes]";
    }
}
