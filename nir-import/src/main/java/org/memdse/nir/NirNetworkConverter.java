package org.memdse.nir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.network.ConvGeometry;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.Encoding;
import org.memdse.core.network.LearningRule;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.Origin;
import org.memdse.core.network.Padding;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Shape;
import org.memdse.core.network.Size2;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.Suggestions;

/**
 * Builds memdse's network from a NIR graph, through the same {@link NetworkBuilder} the YAML
 * reader uses (so both get the same shape inference and checks):
 *
 * <ul>
 *   <li>Input → an encoder of the input's shape (rate-coded spikes, time steps and rate from the options);</li>
 *   <li>Affine, Linear → a dense projection (weight [out, in]); Conv2d, Conv1d → a conv projection
 *       (a 1-D convolution as a 1 × k kernel over [C, 1, L]); SumPool2d, AvgPool2d → a depthwise conv
 *       projection of the pool's window (its fixed weights sit on synapses like any other);</li>
 *   <li>LIF, CubaLIF → a lif population (τ_mem, v_threshold); IF, Threshold → an if population;
 *       LI, CubaLI and I (integrators, which never spike) → lif / if populations with firing rate 0;</li>
 *   <li>Flatten, Delay, Scale and Output → no node: memdse's projections read any source shape, a
 *       delay is a routing detail memdse does not price, a scale is a factor on the next weights.</li>
 * </ul>
 *
 * <p>Edges that close a loop (found depth-first from the inputs) make the projection on them a
 * feedback projection, delayed by one time step as NIR's simulators do; a loop with no synaptic
 * layer on it is an error.
 */
final class NirNetworkConverter {
    private enum Role { INPUT, SYNAPSE, NEURON, PASS }

    private static final Map<String, Role> ROLES = Map.ofEntries(
            Map.entry("Input", Role.INPUT), Map.entry("Output", Role.PASS),
            Map.entry("Affine", Role.SYNAPSE), Map.entry("Linear", Role.SYNAPSE), Map.entry("Conv1d", Role.SYNAPSE),
            Map.entry("Conv2d", Role.SYNAPSE), Map.entry("SumPool2d", Role.SYNAPSE),
            Map.entry("AvgPool2d", Role.SYNAPSE), Map.entry("LIF", Role.NEURON), Map.entry("CubaLIF", Role.NEURON),
            Map.entry("IF", Role.NEURON), Map.entry("LI", Role.NEURON), Map.entry("CubaLI", Role.NEURON),
            Map.entry("I", Role.NEURON), Map.entry("Threshold", Role.NEURON), Map.entry("Flatten", Role.PASS),
            Map.entry("Delay", Role.PASS), Map.entry("Scale", Role.PASS));

    /** NIR's units for time constants and voltages (its primitives table: ms and mV). */
    private static final double MS = 1e-3;
    private static final double MV = 1e-3;
    private static final int WEIGHT_BITS = 8;

    private final NirGraph graph;
    private final NirImportOptions options;
    private final String file;
    private final Diagnostics diagnostics = new Diagnostics();
    private final Map<String, NirNode> byName = new LinkedHashMap<>();
    private final Map<String, List<String>> preds = new HashMap<>();
    private final Map<String, List<String>> succs = new HashMap<>();

    private NirNetworkConverter(NirGraph graph, NirImportOptions options, String file) {
        this.graph = graph;
        this.options = options;
        this.file = file;
    }

    static NetworkGraph convert(NirGraph graph, NirImportOptions options, String file, String name) {
        return new NirNetworkConverter(graph, options, file).run(name);
    }

    private void error(String path, String message) {
        diagnostics.error(SourcePosition.ofFile(file), path, message);
    }

    private NetworkGraph run(String name) {
        for (NirNode n : graph.nodes()) {
            byName.put(n.name(), n);
            preds.put(n.name(), new ArrayList<>());
            succs.put(n.name(), new ArrayList<>());
            if (!ROLES.containsKey(n.type())) {
                error(n.path(), "unsupported NIR primitive " + n.type() + "; memdse imports "
                        + String.join(", ", new java.util.TreeSet<>(ROLES.keySet())));
            }
        }
        for (NirEdge e : graph.edges()) {
            boolean ok = true;
            for (String end : List.of(e.source(), e.target())) {
                if (!byName.containsKey(end)) {
                    error("node/edges[" + e.index() + "]", "edge " + e.source() + " -> " + e.target() + ": '" + end
                            + "' is no node of the graph (a dangling edge)" + Suggestions.didYouMean(end, byName.keySet()));
                    ok = false;
                }
            }
            if (ok) {
                preds.get(e.target()).add(e.source());
                succs.get(e.source()).add(e.target());
            }
        }
        diagnostics.throwIfAny();
        Map<String, String> resolved = new HashMap<>();
        for (NirNode n : graph.nodes()) {
            try {
                resolved.put(n.name(), resolve(n.name(), new HashSet<>()));
            } catch (NirImportProblem p) {
                error(n.path(), p.getMessage());
            }
        }
        diagnostics.throwIfAny();
        // The graph of memdse nodes: each real node's inputs are its predecessors, pass-throughs resolved.
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        for (NirNode n : graph.nodes()) {
            if (role(n) != Role.PASS) {
                List<String> in = new ArrayList<>();
                for (String p : preds.get(n.name())) {
                    String r = resolved.get(p);
                    if (!in.contains(r)) {
                        in.add(r);
                    }
                }
                inputs.put(n.name(), in);
            }
        }
        Set<String> feedback = feedbackProjections(inputs);
        diagnostics.throwIfAny();
        NetworkBuilder builder = new NetworkBuilder(name, diagnostics, Origin.ofFile(file, "node"));
        for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
            NirNode n = byName.get(e.getKey());
            Origin where = Origin.ofFile(file, n.path());
            try {
                NetworkNode node = node(n, inputs, feedback.contains(n.name()));
                List<NetworkBuilder.InputRef> refs = new ArrayList<>();
                for (String in : e.getValue()) {
                    refs.add(new NetworkBuilder.InputRef(in, where));
                }
                builder.add(node, refs, where);
            } catch (NirImportProblem | IllegalArgumentException p) {
                error(n.path(), p.getMessage());
                builder.addBroken(n.name(), List.of(), where);
            }
        }
        diagnostics.throwIfAny();
        NetworkGraph g = builder.build();
        checkWeights(g, inputs);
        diagnostics.throwIfAny();
        return g;
    }

    private static Role role(NirNode n) {
        return ROLES.get(n.type());
    }

    /** The memdse node that stands for {@code name}'s output: itself, or what a pass-through passes on. */
    private String resolve(String name, Set<String> seen) {
        NirNode n = byName.get(name);
        if (role(n) != Role.PASS) {
            return name;
        }
        if (!seen.add(name)) {
            throw new NirImportProblem("a loop of pass-through nodes (" + String.join(", ", seen)
                    + ") with no synaptic layer or neurons on it");
        }
        List<String> p = preds.get(name);
        if (p.size() != 1) {
            throw new NirImportProblem("a " + n.type() + " passes one input on, but " + p.size()
                    + " edges lead into it" + (p.isEmpty() ? "" : " (from " + String.join(", ", p) + ")"));
        }
        return resolve(p.get(0), seen);
    }

    /**
     * Depth-first from the inputs (then from whatever they do not reach), in file order: an edge
     * back to a node still on the stack closes a loop. Its projection (the source, else the target)
     * becomes a feedback projection; a loop without one is an error.
     */
    private Set<String> feedbackProjections(Map<String, List<String>> inputs) {
        Map<String, List<String>> out = new HashMap<>();
        inputs.keySet().forEach(k -> out.put(k, new ArrayList<>()));
        inputs.forEach((target, ins) -> ins.forEach(s -> out.get(s).add(target)));
        List<String> roots = new ArrayList<>();
        inputs.keySet().stream().filter(k -> role(byName.get(k)) == Role.INPUT).forEach(roots::add);
        roots.addAll(inputs.keySet());
        Map<String, Integer> state = new HashMap<>();
        Set<String> feedback = new HashSet<>();
        for (String root : roots) {
            if (state.containsKey(root)) {
                continue;
            }
            Deque<Object[]> stack = new ArrayDeque<>();
            state.put(root, 1);
            stack.push(new Object[] {root, 0});
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                String u = (String) top[0];
                int i = (Integer) top[1];
                List<String> next = out.get(u);
                if (i == next.size()) {
                    state.put(u, 2);
                    stack.pop();
                    continue;
                }
                top[1] = i + 1;
                String v = next.get(i);
                Integer s = state.get(v);
                if (s == null) {
                    state.put(v, 1);
                    stack.push(new Object[] {v, 0});
                } else if (s == 1) {
                    if (role(byName.get(u)) == Role.SYNAPSE) {
                        feedback.add(u);
                    } else if (role(byName.get(v)) == Role.SYNAPSE) {
                        feedback.add(v);
                    } else {
                        error(byName.get(u).path(), "the edge " + u + " -> " + v + " closes a loop with no synaptic "
                                + "layer (Affine, Linear, Conv) on it: memdse delays a recurrent loop at a projection");
                    }
                }
            }
        }
        return feedback;
    }

    private NetworkNode node(NirNode n, Map<String, List<String>> inputs, boolean feedback) {
        return switch (n.type()) {
            case "Input" -> new Encoder(n.name(), inputShape(n, inputs), Encoding.RATE, options.timeSteps(),
                    options.inputRate());
            case "Affine", "Linear" -> {
                NirArray w = n.required("weight");
                if (w.rank() != 2) {
                    throw new NirImportProblem("weight " + w + " is not a matrix [out, in]");
                }
                Projection p = Projection.dense(n.name(), w.dim(0), WEIGHT_BITS, LearningRule.NONE);
                yield feedback ? p.asFeedback() : p;
            }
            case "Conv2d", "Conv1d" -> conv(n, feedback);
            case "SumPool2d", "AvgPool2d" -> pool(n, inputs, feedback);
            default -> population(n);
        };
    }

    /** An Input's shape: {@code input_type/input} (NIR 1.x) or {@code shape} (older writers). */
    private static Shape inputShape(NirNode n, Map<String, List<String>> inputs) {
        NirArray s = n.groups().getOrDefault("input_type", Map.of()).values().stream().findFirst()
                .orElseGet(() -> n.array("shape").orElseThrow(() -> new NirImportProblem(
                        "the Input has neither input_type nor shape: memdse needs the input's size")));
        int[] dims = s.ints();
        if (dims.length == 0) {
            throw new NirImportProblem("the Input's shape is empty");
        }
        List<Integer> list = new ArrayList<>();
        for (int d : dims) {
            if (d < 1) {
                throw new NirImportProblem("the Input's shape " + java.util.Arrays.toString(dims)
                        + " has a dimension below 1");
            }
            list.add(d);
        }
        if (list.size() == 2) {
            // [C, L]: a 1-D signal, which memdse's convolutions see as [C, 1, L].
            list.add(1, 1);
        }
        return new Shape(list);
    }

    private Projection conv(NirNode n, boolean feedback) {
        NirArray w = n.required("weight");
        boolean oneD = n.type().equals("Conv1d");
        if (w.rank() != (oneD ? 3 : 4)) {
            throw new NirImportProblem("weight " + w + " is not [out, in/groups, " + (oneD ? "k]" : "kh, kw]"));
        }
        Size2 kernel = oneD ? new Size2(1, w.dim(2)) : new Size2(w.dim(2), w.dim(3));
        Size2 stride = pair(n, "stride", oneD, 1);
        Size2 dilation = pair(n, "dilation", oneD, 1);
        int groups = n.array("groups").map(a -> (int) Math.round(a.first())).orElse(1);
        Padding padding = padding(n, kernel, dilation, oneD);
        Projection p = Projection.conv(n.name(), w.dim(0), new ConvGeometry(kernel, stride, padding, dilation, groups),
                WEIGHT_BITS, LearningRule.NONE);
        return feedback ? p.asFeedback() : p;
    }

    /** A pooling window as a depthwise convolution with fixed weights over the source's channels. */
    private Projection pool(NirNode n, Map<String, List<String>> inputs, boolean feedback) {
        int channels = channels(n.name(), inputs, new HashSet<>());
        Size2 kernel = pair(n, "kernel_size", false, 1);
        Size2 stride = n.array("stride").isPresent() ? pair(n, "stride", false, 1) : kernel;
        Padding padding = padding(n, kernel, new Size2(1, 1), false);
        Projection p = Projection.conv(n.name(), channels, new ConvGeometry(kernel, stride, padding, new Size2(1, 1),
                channels), WEIGHT_BITS, LearningRule.NONE);
        return feedback ? p.asFeedback() : p;
    }

    /** The channels a node sends: an input's first dimension, a convolution's outputs, else its source's. */
    private int channels(String name, Map<String, List<String>> inputs, Set<String> seen) {
        NirNode n = byName.get(name);
        if (!seen.add(name)) {
            throw new NirImportProblem("cannot tell the channels of " + name + ": it lies on a loop");
        }
        switch (n.type()) {
            case "Input" -> {
                return inputShape(n, inputs).dim(0);
            }
            case "Conv2d", "Conv1d" -> {
                return n.required("weight").dim(0);
            }
            case "Affine", "Linear" -> throw new NirImportProblem("pooling needs a [channels, height, width] "
                    + "source, but " + name + " is a dense layer");
            default -> {
                List<String> in = inputs.get(name);
                if (in == null || in.isEmpty()) {
                    throw new NirImportProblem("pooling needs a source with channels; " + name + " has no input");
                }
                return channels(in.get(0), inputs, seen);
            }
        }
    }

    private static Size2 pair(NirNode n, String key, boolean oneD, int defaultValue) {
        int[] v = n.array(key).map(NirArray::ints).orElse(new int[] {defaultValue});
        if (oneD) {
            return new Size2(1, v[0]);
        }
        return v.length == 1 ? new Size2(v[0], v[0]) : new Size2(v[0], v[1]);
    }

    /** Explicit padding per side, or "same" (half the dilated kernel) and "valid" (none). */
    private static Padding padding(NirNode n, Size2 kernel, Size2 dilation, boolean oneD) {
        String mode = n.strings().get("padding");
        if (mode != null) {
            return switch (mode) {
                case "valid" -> new Padding(0, 0, 0, 0);
                case "same" -> {
                    int h = dilation.h() * (kernel.h() - 1);
                    int w = dilation.w() * (kernel.w() - 1);
                    yield new Padding(h / 2, w / 2, h - h / 2, w - w / 2);
                }
                default -> throw new NirImportProblem("padding '" + mode + "' is neither a size, 'same' nor 'valid'");
            };
        }
        int[] p = n.array("padding").map(NirArray::ints).orElse(new int[] {0});
        if (oneD) {
            return new Padding(0, p[0], 0, p[0]);
        }
        int h = p[0];
        int w = p.length > 1 ? p[1] : p[0];
        return new Padding(h, w, h, w);
    }

    private Population population(NirNode n) {
        double rate = options.firingRate();
        return switch (n.type()) {
            case "LIF" -> new Population(n.name(), neurons(n, "tau"), NeuronModel.LIF, mean(n, "v_threshold") * MV,
                    mean(n, "tau") * MS, Double.NaN, rate);
            case "CubaLIF" -> new Population(n.name(), neurons(n, "tau_mem"), NeuronModel.LIF,
                    mean(n, "v_threshold") * MV, mean(n, "tau_mem") * MS, Double.NaN, rate);
            case "IF" -> new Population(n.name(), neurons(n, "v_threshold"), NeuronModel.IF,
                    mean(n, "v_threshold") * MV, Double.NaN, Double.NaN, rate);
            case "Threshold" -> new Population(n.name(), neurons(n, "threshold"), NeuronModel.IF,
                    mean(n, "threshold") * MV, Double.NaN, Double.NaN, rate);
            // Leaky integrators and integrators keep a state and never spike: readout neurons.
            case "LI" -> new Population(n.name(), neurons(n, "tau"), NeuronModel.LIF, Double.NaN, mean(n, "tau") * MS,
                    Double.NaN, 0);
            case "CubaLI" -> new Population(n.name(), neurons(n, "tau_mem"), NeuronModel.LIF, Double.NaN,
                    mean(n, "tau_mem") * MS, Double.NaN, 0);
            case "I" -> new Population(n.name(), neurons(n, "r"), NeuronModel.IF, Double.NaN, Double.NaN, Double.NaN, 0);
            default -> throw new NirImportProblem("unsupported NIR primitive " + n.type());
        };
    }

    /** Neurons as the per-neuron parameter counts them (0: let the projections say, for a scalar). */
    private static int neurons(NirNode n, String key) {
        NirArray a = n.required(key);
        return a.rank() == 0 || a.size() == 1 ? 0 : (int) a.size();
    }

    private static double mean(NirNode n, String key) {
        NirArray a = n.required(key);
        double s = 0;
        for (double v : a.values()) {
            s += v;
        }
        return a.size() == 0 ? Double.NaN : s / a.size();
    }

    /** A weight matrix must fit what feeds it: in = the source's neurons (dense) or channels / groups (conv). */
    private void checkWeights(NetworkGraph g, Map<String, List<String>> inputs) {
        for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
            NirNode n = byName.get(e.getKey());
            if (role(n) != Role.SYNAPSE || n.type().endsWith("Pool2d") || e.getValue().isEmpty()) {
                continue;
            }
            NirArray w = n.required("weight");
            Shape source = g.stats(e.getValue().get(0)).outputShape();
            boolean dense = n.type().equals("Affine") || n.type().equals("Linear");
            int groups = n.array("groups").map(a -> (int) Math.round(a.first())).orElse(1);
            long expected = dense ? source.elements() : source.dim(0) / Math.max(1, groups);
            if (w.dim(1) != expected) {
                error(n.path(), "weight " + w + " takes " + w.dim(1) + (dense ? " inputs" : " channels per group")
                        + ", but " + e.getValue().get(0) + " sends " + (dense ? source.elements() + " (shape " + source
                        + ")" : source.dim(0) + " channels" + (groups > 1 ? " in " + groups + " groups" : "")));
            }
        }
    }
}
