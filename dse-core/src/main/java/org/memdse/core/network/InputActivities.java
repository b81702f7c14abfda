package org.memdse.core.network;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Works out every crossbar layer's {@link InputActivity}: an override of all layers, else the
 * layer's own figure, else the network's, else the default for whatever produced the layer's
 * input ({@link ActivityDefaults}), found by walking back through the nodes that pass values on
 * unchanged in kind (pooling, flatten, reshape). A concat mixes its inputs weighted by their
 * elements; a recurrent layer's rows are its input x and its state h (signed, 0.5).
 */
final class InputActivities {
    /**
     * What produced some activations: their default density and what made them (an activation,
     * a node kind, the network input; several for a concatenation, each named once however
     * deeply concatenations nest, so that names stay short on long networks).
     */
    private record Producer(double density, List<String> parts) {
        Producer(double density, String name) {
            this(density, List.of(name));
        }

        String name() {
            return parts.size() == 1 ? parts.get(0) : "concat of " + String.join(" and ", parts);
        }
    }

    private static final String NETWORK_INPUT = "the network input";

    private final NetworkGraph graph;
    private final Map<String, Producer> producers = new HashMap<>();
    private final Map<String, String> defaultTexts = new HashMap<>();

    private InputActivities(NetworkGraph graph) {
        this.graph = graph;
    }

    /** Whether {@code node} sits on crossbars and takes an input-bit density. */
    static boolean takesDensity(NetworkNode node) {
        return node instanceof Conv2d || node instanceof Linear || node instanceof Recurrent;
    }

    /**
     * Every crossbar layer's activity, in network order.
     *
     * @param layers   densities given per layer (by name)
     * @param network  the network's density, if given
     * @param override a density for every layer, if given
     */
    static Map<String, InputActivity> of(NetworkGraph graph, Map<String, Double> layers, OptionalDouble network,
                                         OptionalDouble override) {
        InputActivities walk = new InputActivities(graph);
        // Every node's producer in network (topological) order: each then finds its input's already
        // known, and no walk back through a long chain of pooling or flatten layers recurses deeply.
        for (NetworkNode node : graph.nodes()) {
            walk.produced(node.name());
        }
        Map<String, InputActivity> out = new LinkedHashMap<>();
        for (NetworkNode node : graph.nodes()) {
            if (!takesDensity(node)) {
                continue;
            }
            InputActivity a;
            Double given = layers.get(node.name());
            if (override.isPresent()) {
                a = new InputActivity(override.getAsDouble(), InputActivity.Source.OVERRIDE, "override");
            } else if (given != null) {
                a = new InputActivity(given, InputActivity.Source.LAYER, "given");
            } else if (network.isPresent()) {
                a = new InputActivity(network.getAsDouble(), InputActivity.Source.NETWORK,
                        "network's input_bit_density");
            } else {
                a = walk.byDefault(node);
            }
            out.put(node.name(), a);
        }
        return Collections.unmodifiableMap(out);
    }

    private InputActivity byDefault(NetworkNode node) {
        Producer x = input(node);
        if (node instanceof Recurrent r) {
            // The rows are x_t (from the producer) and h_{t-1}, the layer's own signed state.
            double rows = graph.stats(node).weights().map(WeightMatrix::rows).orElse(r.hiddenSize());
            double hidden = r.hiddenSize();
            double density = ((rows - hidden) * x.density() + hidden * ActivityDefaults.DENSE) / rows;
            return new InputActivity(density, InputActivity.Source.DEFAULT,
                    "default: x " + phrase(x) + ", h (the recurrent state) " + ActivityDefaults.DENSE);
        }
        // One text per producer name, shared by the layers it feeds (a long network has few).
        String text = defaultTexts.computeIfAbsent(x.name(), n -> "default " + phrase(x));
        return new InputActivity(x.density(), InputActivity.Source.DEFAULT, text);
    }

    private static String phrase(Producer p) {
        return p.name().equals(NETWORK_INPUT) ? "for " + NETWORK_INPUT : "after " + p.name();
    }

    /** The producer of a node's (first forward) input; a node without one reads the network input. */
    private Producer input(NetworkNode node) {
        for (TrafficEdge e : graph.inputs(node)) {
            if (!e.feedback()) {
                return produced(e.source());
            }
        }
        return new Producer(ActivityDefaults.NETWORK_INPUT, NETWORK_INPUT);
    }

    private Producer produced(String name) {
        Producer p = producers.get(name);
        if (p == null) {
            p = compute(graph.node(name).orElseThrow());
            producers.put(name, p);
        }
        return p;
    }

    private Producer compute(NetworkNode node) {
        if (node instanceof InputNode) {
            return new Producer(ActivityDefaults.NETWORK_INPUT, NETWORK_INPUT);
        }
        if (node instanceof Conv2d c) {
            return activation(c.activation());
        }
        if (node instanceof Linear l) {
            return activation(l.activation());
        }
        if (node instanceof Add a) {
            return activation(a.activation());
        }
        if (node instanceof Activation a) {
            return activation(a.function());
        }
        if (node instanceof Pool2d || node instanceof GlobalPool || node instanceof Flatten || node instanceof Reshape
                || node instanceof Select) {
            // Values pass on unchanged in kind: the max (or mean) of post-ReLU values is still >= 0.
            return input(node);
        }
        if (node instanceof Concat) {
            return concat(node);
        }
        // Batch norm shifts values to both signs; recurrent states, SNN and interface nodes: no figure.
        return new Producer(ActivityDefaults.DENSE, node.kind().key());
    }

    private static Producer activation(ActivationFunction f) {
        return new Producer(ActivityDefaults.after(f), f.key());
    }

    /** The bits of a concatenation: its inputs' densities weighted by their elements. */
    private Producer concat(NetworkNode node) {
        double bits = 0;
        double ones = 0;
        Set<String> names = new LinkedHashSet<>();
        for (TrafficEdge e : graph.inputs(node)) {
            Producer p = produced(e.source());
            double elements = e.elements();
            bits += elements;
            ones += elements * p.density();
            names.addAll(p.parts());
        }
        return new Producer(bits > 0 ? ones / bits : ActivityDefaults.DENSE, List.copyOf(names));
    }
}
