package org.memdse.core.network.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.memdse.core.network.Activation;
import org.memdse.core.network.ActivationFunction;
import org.memdse.core.network.Add;
import org.memdse.core.network.BatchNorm;
import org.memdse.core.network.Concat;
import org.memdse.core.network.Connectivity;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.ConvGeometry;
import org.memdse.core.network.Elementwise;
import org.memdse.core.network.ElementwiseOp;
import org.memdse.core.network.Embedding;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.LayerNorm;
import org.memdse.core.network.MatMul;
import org.memdse.core.network.Encoding;
import org.memdse.core.network.Flatten;
import org.memdse.core.network.GlobalPool;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.Integration;
import org.memdse.core.network.IntegrationDirection;
import org.memdse.core.network.LearningRule;
import org.memdse.core.network.Linear;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkBuilder.InputRef;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.network.NodeKind;
import org.memdse.core.network.Origin;
import org.memdse.core.network.Padding;
import org.memdse.core.network.Pool2d;
import org.memdse.core.network.PoolMode;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Recurrent;
import org.memdse.core.network.RecurrentCell;
import org.memdse.core.network.Reservoir;
import org.memdse.core.network.Reshape;
import org.memdse.core.network.Select;
import org.memdse.core.network.Shape;
import org.memdse.core.network.Size2;
import org.memdse.core.network.SynapseList;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.KeyPlaces;
import org.memdse.core.spec.Keyed;
import org.memdse.core.spec.SpecContext;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecLoader;
import org.memdse.core.spec.SpecMap;
import org.memdse.core.spec.SpecNode;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.Suggestions;
import org.memdse.core.units.Dimension;

/**
 * Reads memdse's network YAML into a checked {@link NetworkGraph}. Strict: unknown keys and
 * kinds (with "did you mean"), wrong types, missing keys, dangling inputs, cycles and shape
 * mismatches are all diagnostics with file, line, column and path, all reported at once in one
 * {@link SpecException}; nothing is half-built.
 *
 * <pre>{@code
 * version: 1                 # optional, reserved
 * name: lenet5
 * description: ...           # optional
 * weight_bits: 8             # default precision (optional, 8)
 * activation_bits: 8         # (optional, 8)
 * input_bit_density: 0.3     # share of activation bits that are 1, for every crossbar layer without its
 *                            # own (optional; default by the activation that produced a layer's input)
 * layers:
 *   - {name: input, kind: input, shape: [1, 32, 32]}
 *   - {name: conv1, kind: conv2d, out_channels: 6, kernel: 5, activation: relu}
 *   - {name: conv2, kind: conv2d, out_channels: 16, kernel: 5, input_bit_density: 0.2}   # crossbar layers only
 *   - {name: pool1, kind: avg-pool, kernel: 2}          # inputs: defaults to the previous layer
 *   - {name: res, kind: add, inputs: [pool1, other]}
 * }</pre>
 * The keys each kind takes are listed in the README ("Network YAML") (and in every unknown-key message).
 */
public final class NetworkReader {
    private static final int MAX = Integer.MAX_VALUE;
    /** The kinds that sit on crossbars and take {@code input_bit_density}. */
    private static final Set<NodeKind> CROSSBAR_KINDS =
            EnumSet.of(NodeKind.CONV2D, NodeKind.LINEAR, NodeKind.LSTM, NodeKind.GRU);

    private final Diagnostics diagnostics = new Diagnostics();
    private final SpecContext context = new SpecContext(diagnostics);
    private int weightBits = 8;
    /** The file being read: file projections name their synapse lists relative to it. */
    private SpecSource source;

    private NetworkReader() {
    }

    /** Reads a network file; throws {@link SpecException} with every problem found. */
    public static NetworkGraph read(Path file) {
        return read(SpecSource.of(file));
    }

    /** Reads a network from a file, a bundled resource or text; throws {@link SpecException} with every problem found. */
    public static NetworkGraph read(SpecSource source) {
        return new NetworkReader().readNetwork(source, true);
    }

    /**
     * Reads a network from its whole YAML tree, as {@link #read(SpecSource)} did before it read
     * {@code layers} item by item: the same network, or the same problems (NetworkStreamingTest).
     */
    static NetworkGraph readWhole(SpecSource source) {
        return new NetworkReader().readNetwork(source, false);
    }

    /** A layer as read, handed to the builder once the top-level keys (name, precision) are read. */
    private record Layer(String name, NetworkNode node, List<InputRef> inputs, Origin origin, Optional<Double> density) {
        void addTo(NetworkBuilder builder) {
            if (node == null) {
                builder.addBroken(name, inputs, origin);
            } else {
                builder.add(node, inputs, origin);
                density.ifPresent(d -> builder.layerInputBitDensity(name, d));
            }
        }
    }

    /**
     * {@code layers} read item by item as the parser reaches them (a long file's tree is never
     * held whole), or, with {@code streaming} off or for a list SpecLoader does not hand over item
     * by item, from the composed tree. A projection's default precision is the top-level
     * {@code weight_bits}: when that key follows {@code layers}, the file is read again from its tree.
     */
    private NetworkGraph readNetwork(SpecSource source, boolean streaming) {
        this.source = source;
        List<Layer> read = new ArrayList<>();
        Diagnostics itemDiagnostics = new Diagnostics();
        boolean[] started = {false};
        boolean[] weightBitsBefore = {false};
        int[] streamed = {0};
        String[] previous = {null};
        SpecLoader.ItemReader layerReader = new SpecLoader.ItemReader() {
            @Override
            public void start(SpecMap before) {
                started[0] = true;
                weightBitsBefore[0] = before.has("weight_bits");
                weightBits = before.integer("weight_bits", 1, 64, 8);
            }

            @Override
            public void item(SpecNode item) {
                previous[0] = readLayer(item, previous[0], read);
                streamed[0]++;
            }
        };
        Optional<SpecNode> root = streaming ? SpecLoader.compose(source, context, "layers", itemDiagnostics, layerReader)
                : SpecLoader.compose(source, context);
        if (root.isEmpty()) {
            diagnostics.throwIfAny();
        }
        addAll(itemDiagnostics);
        SpecNode rootNode = root.orElseThrow();
        SpecMap top = rootNode.asMap();
        if (started[0] && !weightBitsBefore[0] && top.keys().contains("weight_bits")) {
            return readWhole(source);
        }
        top.get("version").ifPresent(v -> {
            if (!v.isScalar() || !v.asText("1").orElse("").equals("1")) {
                v.error("unsupported version " + v.describeFound() + "; this memdse reads network files of version 1");
            }
        });
        String name = top.string("name", "the network's name");
        top.optionalString("description");
        top.optionalString("source");
        weightBits = top.integer("weight_bits", 1, 64, 8);
        int activationBits = top.integer("activation_bits", 1, 64, 8);
        NetworkBuilder builder = new NetworkBuilder(name.isEmpty() ? source.displayName() : name, diagnostics,
                Origin.of(rootNode.position(), "")).precision(weightBits, activationBits);
        top.get("input_bit_density").flatMap(NetworkReader::density).ifPresent(builder::inputBitDensity);
        Optional<SpecNode> layers = top.required("layers", "the list of layers");
        List<SpecNode> items = layers.map(SpecNode::asList).orElse(List.of());
        int count = streamed[0] + items.size();
        if (count == 0 && layers.isPresent() && layers.get().isSequence()) {
            layers.get().error("expected at least one layer, found an empty list");
        }
        for (SpecNode item : items) {
            previous[0] = readLayer(item, previous[0], read);
        }
        for (Layer layer : read) {
            layer.addTo(builder);
        }
        // The graph checks run even after reading errors, so that all problems are reported at once.
        Optional<NetworkGraph> graph = count == 0 ? Optional.empty() : builder.tryBuild();
        context.finish();
        // Again: the document's context reports anchored layers' unknown keys there.
        addAll(itemDiagnostics);
        diagnostics.throwIfAny();
        return graph.orElseThrow(() -> new IllegalStateException("no network and no diagnostic"));
    }

    private void addAll(Diagnostics found) {
        diagnostics.addAll(found.sorted());
        diagnostics.addAll(found.warnings());
    }

    /** Reads one layer and adds it to {@code read}; returns its name (the next layer's default input). */
    private String readLayer(SpecNode item, String previous, List<Layer> read) {
        if (!item.isMapping()) {
            item.error("expected a layer (a mapping with name, kind, ...), found " + item.describeFound());
            return previous;
        }
        Diagnostics diagnostics = item.context().diagnostics();
        int before = diagnostics.size();
        Fields f = new Fields(item.asMap());
        String name = f.get("name").map(SpecNode::asString).orElse("");
        if (name.isEmpty()) {
            f.map.missing("name", "the layer's name, used in other layers' inputs");
            name = item.path();
        }
        Optional<SpecNode> kindNode = f.required("kind", "what the layer is: conv2d, linear, population, ...");
        NodeKind kind = kindNode.map(k -> k.asEnum(NodeKind.class)).orElse(null);
        if (kindNode.isPresent() && diagnostics.size() > before) {
            kind = null;
        }
        List<InputRef> inputs = inputs(f, item, name, kind, previous);
        if (kind == null) {
            f.map.entries(); // the other keys depend on the kind: do not also report them as unknown
            read.add(new Layer(name, null, inputs, f.origin(item), Optional.empty()));
            return name;
        }
        NetworkNode node = readNode(kind, name, f);
        Optional<Double> density = Optional.empty();
        if (CROSSBAR_KINDS.contains(kind)) {
            density = f.get("input_bit_density").flatMap(NetworkReader::density);
        } else if (f.map.keys().contains("input_bit_density")) {
            // Said here rather than as an unknown key, which would not say why.
            f.get("input_bit_density").orElseThrow().error("only crossbar layers (conv2d, linear, lstm, gru) take an "
                    + "input-bit density; " + kind.key() + " layers drive no crossbar rows");
        }
        if (node == null || diagnostics.size() > before) {
            read.add(new Layer(name, null, inputs, f.origin(item), Optional.empty()));
        } else {
            read.add(new Layer(node.name(), node, inputs, f.origin(item), density));
        }
        return name;
    }

    /** {@code input_bit_density}: the share of activation bits that are 1, in (0, 1]. */
    private static Optional<Double> density(SpecNode n) {
        // No lower bound here (a text that is no number is reported there, and reads as 1): one message for 0 and 1.5.
        double d = n.asQuantity(Dimension.DIMENSIONLESS, null, -Double.MAX_VALUE, false);
        if (!(d > 0 && d <= 1)) {
            n.error("expected the share of activation bits that are 1, in (0, 1], e.g. 0.25; found " + n.describeFound());
            return Optional.empty();
        }
        return Optional.of(d);
    }

    private List<InputRef> inputs(Fields f, SpecNode item, String name, NodeKind kind, String previous) {
        Optional<SpecNode> written = f.get("inputs");
        if (written.isEmpty() && kind != null && kind != NodeKind.INPUT && kind != NodeKind.ENCODER && previous != null) {
            // The previous layer: one reference, kept as it is by the builder (most layers of a long file).
            return List.of(new InputRef(previous, Origin.of(item.detached(), Map.of())));
        }
        List<InputRef> refs = new ArrayList<>(1);
        if (written.isPresent()) {
            List<SpecNode> items = written.get().isScalar() ? List.of(written.get()) : written.get().asList();
            for (SpecNode ref : items) {
                String input = ref.asString();
                if (!input.isEmpty()) {
                    refs.add(new InputRef(input, Origin.of(ref.detached(), Map.of())));
                }
            }
        } else if (kind != null && kind != NodeKind.INPUT && kind != NodeKind.ENCODER) {
            // previous == null: the other case returned above
            item.error("layer '" + name + "' has no previous layer to take its input from; give it inputs: [...]"
                    + " or make it the network's input (kind: input or encoder)");
        }
        return refs;
    }

    private NetworkNode readNode(NodeKind kind, String name, Fields f) {
        switch (kind) {
            case INPUT:
                return new InputNode(name, shape(f, "shape"));
            case CONV2D: {
                int inChannels = f.integer("in_channels", 1, MAX, 0);
                int out = f.requiredInt("out_channels", 1, MAX, "the number of output channels");
                ConvGeometry g = geometry(f);
                boolean bn = f.bool("batch_norm", false);
                // A conv followed by batch norm has no use for a bias (the norm's shift replaces it).
                boolean bias = f.bool("bias", !bn);
                return new Conv2d(name, inChannels, out, g, bias, bn, activation(f));
            }
            case LINEAR: {
                int in = f.integer("in_features", 1, MAX, 0);
                int out = f.requiredInt("out_features", 1, MAX, "the number of outputs");
                boolean bn = f.bool("batch_norm", false);
                return new Linear(name, in, out, f.bool("bias", !bn), bn, activation(f),
                        f.get("tied_to").map(SpecNode::asString).filter(t -> !t.isEmpty()));
            }
            case MAX_POOL:
            case AVG_POOL: {
                Size2 kernel = size2(f, "kernel", null, "the pooling window");
                Size2 stride = size2(f, "stride", kernel, null);
                return new Pool2d(name, kind == NodeKind.MAX_POOL ? PoolMode.MAX : PoolMode.AVG, kernel, stride,
                        padding(f), f.bool("ceil_mode", false));
            }
            case GLOBAL_AVG_POOL:
                return new GlobalPool(name, PoolMode.AVG);
            case GLOBAL_MAX_POOL:
                return new GlobalPool(name, PoolMode.MAX);
            case ACTIVATION:
                return new Activation(name, f.requiredEnum("function", ActivationFunction.class, "the nonlinearity"));
            case BATCH_NORM:
                return new BatchNorm(name);
            case ADD:
                return new Add(name, activation(f));
            case CONCAT:
                return new Concat(name, f.integer("axis", 0, 7, 0));
            case FLATTEN:
                return new Flatten(name);
            case RESHAPE: {
                List<Integer> shape = ints(f, "shape", -1, "the new shape (one dimension may be -1)");
                return shape.isEmpty() ? null : new Reshape(name, shape); // empty: reported by ints()
            }
            case LSTM:
            case GRU:
                return new Recurrent(name, kind == NodeKind.LSTM ? RecurrentCell.LSTM : RecurrentCell.GRU,
                        f.integer("in_features", 1, MAX, 0),
                        f.requiredInt("hidden_size", 1, MAX, "the hidden state size"),
                        f.bool("bias", true), f.bool("return_sequences", true));
            case ENCODER:
                return new Encoder(name, shape(f, "shape"),
                        f.requiredEnum("encoding", Encoding.class, "rate, temporal or delta"),
                        f.requiredInt("time_steps", 1, MAX, "time steps per inference"), rate(f));
            case POPULATION:
                return population(name, f);
            case PROJECTION:
                return projection(name, f);
            case INTEGRATION:
                return integration(name, f);
            case MATMUL:
                return new MatMul(name);
            case LAYER_NORM:
                return new LayerNorm(name, f.bool("affine", true));
            case EMBEDDING:
                return new Embedding(name, f.requiredInt("vocabulary", 1, MAX, "the rows of the table (tokens or positions)"),
                        f.requiredInt("features", 1, MAX, "the values per row"));
            case SELECT:
                return new Select(name, f.integer("axis", 0, 7, 0),
                        f.requiredInt("index", 0, MAX, "the position selected along the axis (0 = the first)"));
            case RESERVOIR:
                return reservoir(name, f);
            case ELEMENTWISE:
                return new Elementwise(name, f.requiredEnum("op", ElementwiseOp.class,
                        "the operation: add, mul, div, sub, pow, sqrt, reciprocal, exp, erf, neg, max or where"));
            default:
                throw new IllegalStateException("kind " + kind);
        }
    }

    private Population population(String name, Fields f) {
        int neurons = f.integer("neurons", 1, MAX, 0);
        NeuronModel model = f.requiredEnum("model", NeuronModel.class, "the neuron model: if, lif or adaptive-lif");
        double threshold = f.get("threshold").map(n -> n.asQuantity(Dimension.VOLTAGE, null, -Double.MAX_VALUE, false))
                .orElse(Double.NaN);
        Optional<SpecNode> tauMemNode = f.get("tau_mem");
        double tauMem = tauMemNode.map(n -> n.asQuantity(Dimension.TIME, null, 0, true)).orElse(Double.NaN);
        Optional<SpecNode> tauAdaptNode = f.get("tau_adapt");
        double tauAdapt = tauAdaptNode.map(n -> n.asQuantity(Dimension.TIME, null, 0, true)).orElse(Double.NaN);
        if (model == NeuronModel.IF && tauMemNode.isPresent()) {
            tauMemNode.get().error("an 'if' neuron does not leak; remove tau_mem or use model: lif");
        }
        if (model != NeuronModel.ADAPTIVE_LIF && tauAdaptNode.isPresent()) {
            tauAdaptNode.get().error("only adaptive-lif neurons adapt their threshold; remove tau_adapt or use model: adaptive-lif");
        }
        return new Population(name, neurons, model, threshold, tauMem, tauAdapt, rate(f));
    }

    /**
     * {@code nodes}, {@code mask_length}, {@code parallel} (1), {@code tau}, {@code pulse_width}
     * and {@code pulse_energy} (optional). A time constant or a pulse that is not positive has no
     * meaning for a device: said with what the key is and an example, not as a bare range.
     */
    private Reservoir reservoir(String name, Fields f) {
        int nodes = f.requiredInt("nodes", 1, MAX, "the physical nodes (dynamic memristors) of one reservoir");
        int mask = f.requiredInt("mask_length", 1, MAX, "the mask values per input value (virtual nodes per device)");
        int parallel = f.integer("parallel", 1, MAX, 1);
        double tau = positive(f.required("tau", "the devices' decay time constant, e.g. '400 us'"), Dimension.TIME,
                "the devices' decay time constant, a positive time such as '400 us' (the volatile memristor's "
                        + "conductance relaxes as exp(-t/tau))");
        double width = positive(f.required("pulse_width", "the width of one masked input pulse, e.g. '1 ms'"),
                Dimension.TIME, "the width of one masked input pulse (one virtual node's time slot), a positive "
                        + "time such as '1 ms'");
        double energy = f.get("pulse_energy").map(n -> positive(Optional.of(n), Dimension.ENERGY,
                "the energy one pulse dissipates in one device, a positive energy such as '2 nJ'; or leave it out "
                        + "and let the architecture's reservoir array give it")).orElse(Double.NaN);
        return new Reservoir(name, nodes, mask, parallel, tau, width, energy);
    }

    /** A positive quantity, or 1 after reporting what is expected (a placeholder that builds no node). */
    private static double positive(Optional<SpecNode> node, Dimension dimension, String expected) {
        if (node.isEmpty()) {
            return 1;
        }
        int before = node.get().context().diagnostics().size();
        double v = node.get().asQuantity(dimension, null, -Double.MAX_VALUE, false);
        if (node.get().context().diagnostics().size() > before) {
            return 1; // not a quantity: already said
        }
        if (!(v > 0)) {
            node.get().error("expected " + expected + "; found " + node.get().describeFound());
            return 1;
        }
        return v;
    }

    private Projection projection(String name, Fields f) {
        Connectivity c = connectivity(f);
        if (c == null) {
            f.map.entries(); // the other keys depend on the pattern: do not also report them as missing or unknown
            return null;
        }
        int bits = f.integer("weight_bits", 1, 64, weightBits);
        LearningRule learning = f.enumValue("learning", LearningRule.class, LearningRule.NONE);
        boolean feedback = f.bool("feedback", false);
        Projection p;
        switch (c) {
            case DENSE:
                p = Projection.dense(name, f.requiredInt("neurons", 1, MAX, "the postsynaptic neurons"), bits, learning);
                break;
            case SPARSE: {
                int neurons = f.requiredInt("neurons", 1, MAX, "the postsynaptic neurons");
                double probability = f.required("connection_probability", "the fraction of pairs connected, in (0, 1]")
                        .map(n -> fraction(n, true)).orElse(1.0);
                long seed = f.get("seed").map(n -> (long) n.asInt(0, MAX)).orElse(1L);
                p = Projection.random(name, neurons, probability, seed, bits, learning);
                break;
            }
            case ONE_TO_ONE:
                p = new Projection(name, Connectivity.ONE_TO_ONE, 0, 1.0, 0, null, bits, learning, false);
                break;
            case ALL_BUT_SELF:
                p = Projection.allButSelf(name, bits, learning);
                break;
            case CONV: {
                int out = f.requiredInt("out_channels", 1, MAX, "the number of output channels");
                p = Projection.conv(name, out, geometry(f), bits, learning);
                break;
            }
            case FILE: {
                int neurons = f.requiredInt("neurons", 1, MAX, "the postsynaptic neurons");
                Optional<SynapseList> list = f.required("synapses", "the file of 'pre post' index pairs, one a line")
                        .flatMap(n -> synapseList(n, neurons));
                if (list.isEmpty()) {
                    return null;
                }
                p = Projection.fromList(name, list.get(), bits, learning);
                break;
            }
            default:
                throw new IllegalStateException("connectivity " + c);
        }
        return feedback ? p.asFeedback() : p;
    }

    /**
     * {@code connectivity}: a pattern's key or one of its other names (all-to-all, random,
     * convolution); {@code null} (reported) when it names none, so that the keys that depend on
     * the pattern are not also reported.
     */
    private static Connectivity connectivity(Fields f) {
        Optional<SpecNode> node = f.required("connectivity",
                "the pattern: all-to-all, one-to-one, all-but-self, conv, random or file");
        if (node.isEmpty()) {
            return null;
        }
        Optional<String> text = node.get().asText("a pattern: all-to-all, one-to-one, all-but-self, conv, random or file");
        if (text.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (Connectivity c : Connectivity.values()) {
            if (c.key().equals(text.get())) {
                return c;
            }
            names.add(c.key());
        }
        Optional<Connectivity> alias = Connectivity.alias(text.get());
        if (alias.isPresent()) {
            return alias.get();
        }
        names.addAll(List.of("all-to-all", "random", "convolution"));
        node.get().error("expected one of all-to-all (or dense), one-to-one, all-but-self, conv (or convolution), "
                + "random (or sparse) or file, found '" + text.get() + "'" + Suggestions.didYouMean(text.get(), names));
        return null;
    }

    /**
     * The pairs of a file projection: a text file next to the network file, one {@code pre post}
     * pair of 0-based neuron indices a line (space, tab or comma between), {@code #} comments and
     * blank lines skipped. Problems name the file and line.
     */
    private Optional<SynapseList> synapseList(SpecNode node, int neurons) {
        Optional<String> written = node.asText("a file name");
        if (written.isEmpty() || written.get().isBlank()) {
            if (written.isPresent()) {
                node.error("expected the file of 'pre post' index pairs, found an empty name");
            }
            return Optional.empty();
        }
        SpecSource file = source.resolve(written.get());
        String text;
        try {
            text = file.read();
        } catch (java.io.IOException e) {
            node.error("cannot read the synapse list " + file.displayName() + ": " + e.getMessage()
                    + "; give a path relative to this network file");
            return Optional.empty();
        }
        String where = file.displayName();
        List<int[]> pairs = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (content.isEmpty()) {
                continue;
            }
            String[] parts = content.split("[\\s,]+");
            long pre;
            long post;
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                pre = Long.parseLong(parts[0]);
                post = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                node.error(where + ":" + (i + 1) + ": expected 'pre post' (two 0-based neuron indices), found '"
                        + content + "'");
                return Optional.empty();
            }
            if (pre < 0 || pre > MAX || post < 0 || post >= neurons) {
                String which = pre < 0 || pre > MAX ? "presynaptic neuron " + pre : "postsynaptic neuron " + post;
                node.error(where + ":" + (i + 1) + ": " + which + " does not exist: the projection is onto " + neurons
                        + " neurons (0 to " + (neurons - 1) + ") and indices start at 0; fix the index or neurons");
                return Optional.empty();
            }
            pairs.add(new int[] {(int) pre, (int) post, i + 1});
        }
        if (pairs.isEmpty()) {
            node.error(where + ": no synapses listed; a file projection needs at least one 'pre post' line");
            return Optional.empty();
        }
        int[] pre = new int[pairs.size()];
        int[] post = new int[pairs.size()];
        int[] at = new int[pairs.size()];
        for (int k = 0; k < pre.length; k++) {
            pre[k] = pairs.get(k)[0];
            post[k] = pairs.get(k)[1];
            at[k] = pairs.get(k)[2];
        }
        return Optional.of(new SynapseList(where, neurons, pre, post, at));
    }

    private Integration integration(String name, Fields f) {
        IntegrationDirection d = f.requiredEnum("direction", IntegrationDirection.class,
                "spike-to-voltage or voltage-to-spike");
        if (d == IntegrationDirection.SPIKE_TO_VOLTAGE) {
            return Integration.spikeToVoltage(name, f.integer("activation_bits", 1, 64, 0));
        }
        return Integration.voltageToSpike(name, f.requiredEnum("encoding", Encoding.class, "rate, temporal or delta"),
                f.requiredInt("time_steps", 1, MAX, "time steps per inference"), rate(f));
    }

    private static ActivationFunction activation(Fields f) {
        return f.enumValue("activation", ActivationFunction.class, ActivationFunction.IDENTITY);
    }

    /** {@code firing_rate}: expected spikes per neuron per time step, a plain number in 0..1. */
    private static double rate(Fields f) {
        return f.required("firing_rate", "expected spikes per neuron per time step, 0..1")
                .map(n -> fraction(n, false)).orElse(0.0);
    }

    private static double fraction(SpecNode n, boolean positive) {
        double v = n.asQuantity(Dimension.DIMENSIONLESS, null, 0, positive);
        if (v > 1) {
            n.error("expected a fraction in " + (positive ? "(0, 1]" : "0..1") + ", found " + n.describeFound());
            return positive ? 1.0 : 0.0;
        }
        return v;
    }

    private static ConvGeometry geometry(Fields f) {
        Size2 kernel = size2(f, "kernel", null, "the kernel size");
        Size2 stride = size2(f, "stride", Size2.square(1), null);
        Padding padding = padding(f);
        Size2 dilation = size2(f, "dilation", Size2.square(1), null);
        int groups = f.integer("groups", 1, MAX, 1);
        return new ConvGeometry(kernel, stride, padding, dilation, groups);
    }

    /** An integer {@code n} (n × n) or {@code [height, width]}. */
    private static Size2 size2(Fields f, String key, Size2 defaultValue, String whatIfRequired) {
        Optional<SpecNode> node = whatIfRequired == null ? f.get(key) : f.required(key, whatIfRequired);
        if (node.isEmpty()) {
            return defaultValue == null ? Size2.square(1) : defaultValue;
        }
        SpecNode n = node.get();
        if (n.isSequence()) {
            List<SpecNode> items = n.asList();
            if (items.size() != 2) {
                n.error("expected an integer or [height, width], found a list of " + items.size());
                return Size2.square(1);
            }
            return new Size2(items.get(0).asInt(1, MAX), items.get(1).asInt(1, MAX));
        }
        return Size2.square(n.asInt(1, MAX));
    }

    /** An integer p (all sides), {@code [h, w]} or {@code [top, left, bottom, right]}. */
    private static Padding padding(Fields f) {
        Optional<SpecNode> node = f.get("padding");
        if (node.isEmpty()) {
            return Padding.NONE;
        }
        SpecNode n = node.get();
        if (n.isSequence()) {
            List<SpecNode> items = n.asList();
            int[] v = new int[items.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = items.get(i).asInt(0, MAX);
            }
            if (v.length == 2) {
                return Padding.symmetric(v[0], v[1]);
            }
            if (v.length == 4) {
                return new Padding(v[0], v[1], v[2], v[3]);
            }
            n.error("expected an integer, [height, width] or [top, left, bottom, right], found a list of " + v.length);
            return Padding.NONE;
        }
        return Padding.of(n.asInt(0, MAX));
    }

    private static Shape shape(Fields f, String key) {
        List<Integer> dims = ints(f, key, 1, "the shape, e.g. [3, 224, 224]");
        return dims.isEmpty() ? Shape.of(1) : new Shape(dims);
    }

    private static List<Integer> ints(Fields f, String key, int min, String what) {
        Optional<SpecNode> node = f.required(key, what);
        List<Integer> dims = new ArrayList<>();
        if (node.isPresent()) {
            List<SpecNode> items = node.get().asList();
            if (items.isEmpty() && node.get().isSequence()) {
                node.get().error("expected at least one dimension, found an empty list");
            }
            for (SpecNode item : items) {
                int d = item.asInt(min, MAX);
                dims.add(d == 0 ? 1 : d);
            }
        }
        return dims;
    }

    /**
     * One layer's mapping, remembering where each key it was asked for stands, so that graph
     * checks (e.g. "in_features 400 but the input gives 256") point at that key.
     */
    private static final class Fields {
        final SpecMap map;
        /**
         * The places of the keys asked for (the YAML tree is dropped after the layer is read):
         * positions and paths are worked out if a message needs them.
         */
        final KeyPlaces.Builder places = new KeyPlaces.Builder();

        Fields(SpecMap map) {
            this.map = map;
        }

        /**
         * Called once the layer is read, when no key is asked for any more: every layer's places
         * are kept until the network is checked, so compactly (KeyPlaces; a hash map of them, then
         * an immutable map of detached places, filled the old generation in a 96,000-layer file).
         */
        Origin origin(SpecNode item) {
            return Origin.of(item.detached(), places.build(item.detached()));
        }

        Optional<SpecNode> get(String key) {
            Optional<SpecNode> node = map.get(key);
            if (node.isPresent()) {
                places.add(key, node.get());
            }
            return node;
        }

        Optional<SpecNode> required(String key, String what) {
            Optional<SpecNode> node = get(key);
            if (node.isEmpty()) {
                map.missing(key, what);
            }
            return node;
        }

        int integer(String key, int min, int max, int defaultValue) {
            return get(key).map(n -> n.asInt(min, max)).orElse(defaultValue);
        }

        int requiredInt(String key, int min, int max, String what) {
            return required(key, what).map(n -> n.asInt(min, max)).orElse(min);
        }

        boolean bool(String key, boolean defaultValue) {
            return get(key).map(SpecNode::asBoolean).orElse(defaultValue);
        }

        <E extends Enum<E> & Keyed> E enumValue(String key, Class<E> type, E defaultValue) {
            return get(key).map(n -> n.asEnum(type)).orElse(defaultValue);
        }

        <E extends Enum<E> & Keyed> E requiredEnum(String key, Class<E> type, String what) {
            return required(key, what).map(n -> n.asEnum(type)).orElse(type.getEnumConstants()[0]);
        }
    }
}
