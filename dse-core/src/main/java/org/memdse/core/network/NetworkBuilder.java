package org.memdse.core.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.Suggestions;

/**
 * Builds a {@link NetworkGraph} node by node, then checks it as a whole: unknown (dangling)
 * inputs, duplicate names, cycles, input counts, and shapes, with every problem recorded as a
 * diagnostic at the node's {@link Origin}. Nothing is built if anything is wrong.
 *
 * <p>The YAML reader and importers (ONNX) both use it, so they get the same shape inference and
 * checks:
 * <pre>{@code
 * NetworkGraph g = new NetworkBuilder("lenet5")
 *         .add(new InputNode("input", Shape.of(1, 32, 32)))
 *         .add(new Conv2d("conv1", 0, 6, ConvGeometry.of(5, 1, 0), true, false, ActivationFunction.RELU), "input")
 *         .build();   // throws SpecException with every diagnostic
 * }</pre>
 * Not thread-safe; one builder per network.
 */
public final class NetworkBuilder {
    /** One input reference of a node, with where it was written (for "unknown input" messages). */
    public record InputRef(String name, Origin origin) {
        public InputRef {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * A node as added; {@code node} is null for one whose definition already had errors.
     * {@code index} is its place in the order of addition.
     */
    private record Entry(String name, NetworkNode node, List<InputRef> inputs, Origin origin, int index) {
    }

    /** A topology edge while checking, before traffic is known, and the input reference that made it. */
    private record Link(int id, String from, String to, InputRef ref) {
    }

    private final String name;
    private final Diagnostics diagnostics;
    private final Origin origin;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int weightBits = 8;
    private int activationBits = 8;
    private OptionalDouble inputBitDensity = OptionalDouble.empty();
    private final Map<String, Double> layerDensities = new LinkedHashMap<>();
    /**
     * Whether a tied linear layer or a reservoir was added: only then do {@link #checkTies} and
     * {@link #checkReadouts} walk all nodes (two walks of 96,000 entries for nothing, otherwise).
     */
    private boolean tiesOrReservoirs;

    /** A builder that keeps its own diagnostics, for programmatic use; problems point at {@code name}. */
    public NetworkBuilder(String name) {
        this(name, new Diagnostics(), Origin.ofFile(name, ""));
    }

    /**
     * @param diagnostics where problems go (shared with a reader, so all are reported together)
     * @param origin      where the network as a whole is defined (for problems of no single node)
     */
    public NetworkBuilder(String name, Diagnostics diagnostics, Origin origin) {
        this.name = Objects.requireNonNull(name, "name");
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** Default weight and activation precision in bits (8 and 8 unless set). */
    public NetworkBuilder precision(int weightBits, int activationBits) {
        if (weightBits < 1 || activationBits < 1) {
            throw new IllegalArgumentException("weightBits and activationBits must be at least 1");
        }
        this.weightBits = weightBits;
        this.activationBits = activationBits;
        return this;
    }

    /**
     * The network's share of activation bits that are 1, in (0, 1]: replaces the defaults by
     * activation ({@link ActivityDefaults}) of every crossbar layer without its own figure.
     */
    public NetworkBuilder inputBitDensity(double density) {
        this.inputBitDensity = OptionalDouble.of(NetworkGraph.checkDensity(density));
        return this;
    }

    /**
     * Layer {@code layer}'s share of input bits that are 1, in (0, 1]; the layer must be a crossbar
     * layer (conv2d, linear, lstm, gru), which {@link #tryBuild()} checks.
     */
    public NetworkBuilder layerInputBitDensity(String layer, double density) {
        layerDensities.put(Objects.requireNonNull(layer, "layer"), NetworkGraph.checkDensity(density));
        return this;
    }

    /** Adds a node fed by the named nodes, in order (no source positions: problems name the network). */
    public NetworkBuilder add(NetworkNode node, String... inputs) {
        Origin where = Origin.of(origin.position(), node.name());
        List<InputRef> refs = new ArrayList<>();
        for (String input : inputs) {
            refs.add(new InputRef(input, where));
        }
        return add(node, refs, where);
    }

    /** Adds a node fed by {@code inputs}, in order; problems point at {@code where}. */
    public NetworkBuilder add(NetworkNode node, List<InputRef> inputs, Origin where) {
        Objects.requireNonNull(node, "node");
        return put(new Entry(node.name(), node, List.copyOf(inputs), where, entries.size()));
    }

    /**
     * Adds a name whose definition had errors already reported: it takes part in name and cycle
     * checks, but it and what depends on it get no shape inference (no cascade of messages).
     */
    public NetworkBuilder addBroken(String nodeName, List<InputRef> inputs, Origin where) {
        return put(new Entry(nodeName, null, List.copyOf(inputs), where, entries.size()));
    }

    private NetworkBuilder put(Entry entry) {
        if (entry.node() instanceof Linear l && l.tiedTo().isPresent() || entry.node() instanceof Reservoir) {
            tiesOrReservoirs = true;
        }
        Entry previous = entries.get(entry.name());
        if (previous != null) {
            error(entry.origin().at("name"), "duplicate node name '" + entry.name() + "' (first defined at "
                    + previous.origin().position() + "); names must be unique");
        } else {
            entries.put(entry.name(), entry);
        }
        return this;
    }

    /** Whether a node of this name was added. */
    public boolean has(String nodeName) {
        return entries.containsKey(nodeName);
    }

    /**
     * Checks the network and builds it if no problem was found, here or earlier in the shared
     * diagnostics. Problems are recorded, never thrown.
     */
    public Optional<NetworkGraph> tryBuild() {
        if (entries.isEmpty()) {
            error(origin, "the network has no nodes");
            return Optional.empty();
        }
        int before = diagnostics.size();
        // Where each node was added (Entry.index): when every (forward) input was added before the
        // node that reads it, as in a file written in order, there is no cycle and the order of
        // addition is topological; only otherwise does a graph order the nodes and find the cycles.
        // Each entry's input sources by its index, looked up once (null for an unknown input).
        Entry[][] sources = new Entry[entries.size()][];
        List<Link> feedback = new ArrayList<>();
        List<Link> forward = new ArrayList<>();
        boolean inOrder = true;
        int linkId = 0;
        for (Entry e : entries.values()) {
            checkArity(e);
            Entry[] from = new Entry[e.inputs().size()];
            sources[e.index()] = from;
            for (int k = 0; k < from.length; k++) {
                InputRef ref = e.inputs().get(k);
                Entry source = entries.get(ref.name());
                from[k] = source;
                if (source == null) {
                    error(ref.origin(), "unknown input '" + ref.name() + "'"
                            + Suggestions.didYouMean(ref.name(), entries.keySet()) + " for " + describe(e));
                    continue;
                }
                Link link = new Link(linkId++, source.name(), e.name(), ref);
                if (source.node() instanceof Projection p && p.feedback()) {
                    feedback.add(link);
                } else if (source.name().equals(e.name())) {
                    error(ref.origin(), describe(e) + " takes its own output as input; a network must be acyclic"
                            + " (a recurrent SNN projection is marked feedback: true)");
                } else {
                    forward.add(link);
                    inOrder &= source.index() < e.index();
                }
            }
        }
        List<Entry> order = new ArrayList<>(entries.size());
        if (inOrder) {
            order.addAll(entries.values());
        } else {
            DirectedAcyclicGraph<String, Link> dag = new DirectedAcyclicGraph<>(null, null, false);
            entries.keySet().forEach(dag::addVertex);
            for (Link link : forward) {
                try {
                    dag.addEdge(link.from(), link.to(), link);
                } catch (IllegalArgumentException cycle) {
                    error(link.ref().origin(), "cycle: " + String.join(" -> ", cyclePath(dag, link.to(), link.from()))
                            + " -> " + link.to() + "; a network must be acyclic (a recurrent SNN projection is marked feedback: true)");
                }
            }
            dag.iterator().forEachRemaining(n -> order.add(entries.get(n)));
        }
        checkLayerDensities();
        if (diagnostics.size() > before) {
            return Optional.empty();
        }
        ShapeInference inference = new ShapeInference(weightBits, activationBits);
        // Each entry's statistics by its index; null until inferred (or if they cannot be).
        NodeStats[] stats = new NodeStats[entries.size()];
        for (Entry e : order) {
            if (e.node() == null) {
                continue;
            }
            List<ShapeInference.In> inputs = new ArrayList<>(e.inputs().size());
            boolean ready = true;
            for (Entry source : sources[e.index()]) {
                if (source.node() instanceof Projection p && p.feedback()) {
                    continue;
                }
                NodeStats s = stats[source.index()];
                if (s == null) {
                    ready = false;
                    break;
                }
                inputs.add(new ShapeInference.In(source.node(), s));
            }
            if (!ready) {
                continue;
            }
            if (inputs.isEmpty() && !e.node().isSource()) {
                error(e.origin().at("inputs"), describe(e) + " needs at least one input that is not a feedback projection");
                continue;
            }
            try {
                stats[e.index()] = inference.infer(e.node(), inputs);
            } catch (ShapeInference.Problem p) {
                error(e.origin().at(p.key()), p.getMessage());
            }
        }
        for (Link link : feedback) {
            checkFeedback(link, stats);
        }
        if (tiesOrReservoirs) {
            checkTies(stats);
            checkReadouts(stats);
        }
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        try {
            return Optional.of(assemble(order, stats, sources));
        } catch (ArithmeticException e) {
            // Every layer's counts fit a long (ShapeInference), their sum does not.
            error(origin, "the network's layers together count more parameters, weights or operations per inference"
                    + " than memdse holds (" + Long.MAX_VALUE + "); make the layers smaller or fewer");
            return Optional.empty();
        }
    }

    /** Checks and builds; throws {@link org.memdse.core.spec.SpecException} carrying every diagnostic. */
    public NetworkGraph build() {
        Optional<NetworkGraph> graph = tryBuild();
        diagnostics.throwIfAny();
        return graph.orElseThrow(() -> new IllegalStateException("no graph and no diagnostic"));
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    private void checkArity(Entry e) {
        if (e.node() == null) {
            return;
        }
        int n = e.inputs().size();
        NodeKind kind = e.node().kind();
        if (e.node().isSource()) {
            if (n > 0) {
                error(e.origin().at("inputs"), describe(e) + " takes no inputs, found " + n);
            }
        } else if (kind == NodeKind.ADD || kind == NodeKind.CONCAT) {
            if (n < 2) {
                error(e.origin().at("inputs"), describe(e) + " needs at least 2 inputs, found " + n);
            }
        } else if (kind == NodeKind.MATMUL) {
            if (n != 2) {
                error(e.origin().at("inputs"), describe(e) + " multiplies exactly 2 inputs, found " + n);
            }
        } else if (kind == NodeKind.ELEMENTWISE) {
            if (n < 1 || n > 3) {
                error(e.origin().at("inputs"), describe(e) + " takes 1 to 3 inputs, found " + n);
            }
        } else if (kind == NodeKind.POPULATION) {
            if (n < 1) {
                error(e.origin().at("inputs"), describe(e) + " needs at least one projection as input");
            }
        } else if (n != 1) {
            error(e.origin().at("inputs"), describe(e) + " takes exactly one input, found " + n);
        }
    }

    private void checkLayerDensities() {
        for (String layer : layerDensities.keySet()) {
            Entry e = entries.get(layer);
            if (e == null) {
                error(origin, "input_bit_density given for layer '" + layer + "', which the network does not have"
                        + Suggestions.didYouMean(layer, entries.keySet()));
            } else if (e.node() != null && !InputActivities.takesDensity(e.node())) {
                error(e.origin().at("input_bit_density"), "input_bit_density: only crossbar layers (conv2d, linear, "
                        + "lstm, gru) take an input-bit density; " + describe(e) + " drives no crossbar rows");
            }
        }
    }

    /** A linear layer tied to an embedding holds that table, transposed: features x vocabulary. */
    private void checkTies(NodeStats[] stats) {
        for (Entry e : entries.values()) {
            if (!(e.node() instanceof Linear l) || l.tiedTo().isEmpty() || stats[e.index()] == null) {
                continue;
            }
            String table = l.tiedTo().get();
            Entry t = entries.get(table);
            if (t == null) {
                error(e.origin().at("tied_to"), describe(e) + " is tied to '" + table + "', which the network does not have"
                        + Suggestions.didYouMean(table, entries.keySet()));
            } else if (!(t.node() instanceof Embedding emb)) {
                error(e.origin().at("tied_to"), describe(e) + " is tied to " + describe(t)
                        + "; only an embedding's table can be shared with a linear layer");
            } else {
                int rows = stats[e.index()].weights().orElseThrow().rows();
                if (emb.features() != rows || emb.vocabulary() != l.outFeatures()) {
                    error(e.origin().at("tied_to"), describe(e) + " has " + rows + "x" + l.outFeatures()
                            + " weights, but " + describe(t) + " holds " + emb.vocabulary() + " rows of " + emb.features()
                            + "; a tied layer holds the table transposed (features x vocabulary)");
                }
            }
        }
    }

    /**
     * A reservoir's states are only useful through its trained readout: some crossbar layer must
     * read them, directly or after layers that only move or reshape them (flatten, reshape,
     * select, concat, activation). Without one the reservoir would be priced for an output nobody reads.
     */
    private void checkReadouts(NodeStats[] stats) {
        Map<String, List<String>> readers = null;
        for (Entry e : entries.values()) {
            if (!(e.node() instanceof Reservoir) || stats[e.index()] == null) {
                continue;
            }
            if (readers == null) {
                readers = new HashMap<>();
                for (Entry r : entries.values()) {
                    for (InputRef ref : r.inputs()) {
                        readers.computeIfAbsent(ref.name(), k -> new ArrayList<>()).add(r.name());
                    }
                }
            }
            if (!readOut(e.name(), readers, new java.util.HashSet<>())) {
                error(e.origin().at("name"), describe(e) + " has no readout: no crossbar layer reads its states; add one "
                        + "after it, e.g. {name: readout, kind: linear, out_features: 10, inputs: [" + e.name()
                        + "]} (the readout holds a reservoir's only trained weights)");
            }
        }
    }

    private boolean readOut(String from, Map<String, List<String>> readers, java.util.Set<String> seen) {
        for (String r : readers.getOrDefault(from, List.of())) {
            NetworkNode n = entries.get(r).node();
            if (n == null || !seen.add(r)) {
                continue;
            }
            NodeKind k = n.kind();
            if (k == NodeKind.LINEAR || k == NodeKind.CONV2D || k == NodeKind.LSTM || k == NodeKind.GRU) {
                return true;
            }
            boolean passes = k == NodeKind.FLATTEN || k == NodeKind.RESHAPE || k == NodeKind.SELECT
                    || k == NodeKind.CONCAT || k == NodeKind.ACTIVATION;
            if (passes && readOut(r, readers, seen)) {
                return true;
            }
        }
        return false;
    }

    private void checkFeedback(Link link, NodeStats[] stats) {
        Entry target = entries.get(link.to());
        NodeStats from = stats[entries.get(link.from()).index()];
        NodeStats to = stats[target.index()];
        if (from == null || to == null) {
            return;
        }
        if (!(target.node() instanceof Population)) {
            error(target.origin().at("inputs"), "feedback projection '" + link.from() + "' can only feed a population, not "
                    + describe(target));
        } else if (from.outputShape().elements() != to.outputShape().elements()) {
            error(target.origin().at("inputs"), describe(target) + " has " + to.outputShape().elements()
                    + " neurons, but feedback projection '" + link.from() + "' projects onto " + from.outputShape().elements());
        } else if (from.timeSteps() != to.timeSteps()) {
            error(target.origin().at("inputs"), describe(target) + " runs " + to.timeSteps()
                    + " time steps, but feedback projection '" + link.from() + "' runs " + from.timeSteps());
        }
    }

    /** The path target -> ... -> source already in the graph, which the new edge source -> target closes. */
    private static List<String> cyclePath(DirectedAcyclicGraph<String, Link> dag, String from, String to) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(from);
        parent.put(from, from);
        while (!queue.isEmpty()) {
            String v = queue.poll();
            if (v.equals(to)) {
                break;
            }
            for (String w : Graphs.successorListOf(dag, v)) {
                if (parent.putIfAbsent(w, v) == null) {
                    queue.add(w);
                }
            }
        }
        List<String> path = new ArrayList<>();
        for (String v = to; parent.containsKey(v); v = parent.get(v)) {
            path.add(0, v);
            if (v.equals(from)) {
                break;
            }
        }
        return path;
    }

    /**
     * The checked network: its nodes in {@code order} (topological), its edges in id order. No
     * jgrapht graph is built here: {@link NetworkGraph#graph()} builds it when first asked (the
     * per-edge bookkeeping of {@link DirectedAcyclicGraph} was half of reading a 96,000-layer file,
     * and 'memdse network' never asks for it).
     */
    private NetworkGraph assemble(List<Entry> order, NodeStats[] stats, Entry[][] sources) {
        List<NetworkNode> nodes = new ArrayList<>(order.size());
        List<NodeStats> nodeStats = new ArrayList<>(order.size());
        for (Entry e : order) {
            nodes.add(e.node());
            nodeStats.add(stats[e.index()]);
        }
        List<TrafficEdge> edges = new ArrayList<>(order.size());
        List<TrafficEdge> feedbackEdges = new ArrayList<>();
        int edgeId = 0;
        for (Entry e : order) {
            Entry[] from = sources[e.index()];
            for (int port = 0; port < from.length; port++) {
                Entry source = from[port];
                boolean isFeedback = source.node() instanceof Projection p && p.feedback();
                TrafficEdge edge = traffic(edgeId++, source.name(), e.name(), port, isFeedback, stats[source.index()]);
                edges.add(edge);
                if (isFeedback) {
                    feedbackEdges.add(edge);
                }
            }
        }
        return new NetworkGraph(name, weightBits, activationBits, layerDensities, inputBitDensity, nodes, nodeStats,
                edges, feedbackEdges);
    }

    /** A hash map's initial capacity for {@code size} entries at the default load factor (no rehashing). */
    static int capacity(int size) {
        return (int) Math.min(Integer.MAX_VALUE, size * 4L / 3 + 1);
    }

    private static TrafficEdge traffic(int id, String from, String to, int port, boolean feedback, NodeStats s) {
        long elements = s.outputShape().elements();
        return switch (s.output()) {
            case ACTIVATIONS -> new TrafficEdge(id, from, to, port, feedback, Signal.ACTIVATIONS, elements,
                    s.activationBits(), 0, (double) elements * s.activationBits());
            case SPIKES -> {
                // Address-event representation: each spike carries the address of its source neuron.
                int addressBits = Math.max(1, 64 - Long.numberOfLeadingZeros(elements - 1));
                double spikes = s.spikesPerInference();
                yield new TrafficEdge(id, from, to, port, feedback, Signal.SPIKES, elements, addressBits, spikes,
                        spikes * addressBits);
            }
            case CURRENTS -> new TrafficEdge(id, from, to, port, feedback, Signal.CURRENTS, elements, 0, 0, 0);
        };
    }

    private static String describe(Entry e) {
        return e.node() == null ? "'" + e.name() + "'" : e.node().kind().key() + " '" + e.name() + "'";
    }

    private void error(Origin where, String message) {
        SourcePosition position = where.position();
        diagnostics.error(position, where.path(), message);
    }
}
