package org.memdse.onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.Suggestions;

/**
 * Turns an {@link OnnxModel} into {@link OnnxLayer}s: orders the nodes, infers every value's
 * shape from the graph inputs and initializers with ONNX's operator rules, checks the result
 * against the shapes the file records, and folds what is not a layer of its own on a crossbar
 * (BatchNormalization and constant bias Adds into the preceding convolution or dense layer, zero
 * Pads into the following convolution, Identity/Dropout/Cast away, shape arithmetic such as
 * {@code Shape → Gather → Concat → Reshape} into constants).
 *
 * <p>All problems of a file are collected; a node that fails poisons its outputs so that its
 * consumers do not repeat the complaint.
 */
final class OnnxLayerInference {
    private static final Logger LOG = Logger.getLogger(OnnxLayerInference.class.getName());

    /** Element-wise nonlinearities that keep the shape, by ONNX name. */
    private static final Set<String> ACTIVATIONS = Set.of("Relu", "Sigmoid", "Tanh", "LeakyRelu", "Softmax",
            "LogSoftmax", "Elu", "Selu", "Celu", "HardSigmoid", "HardSwish", "Softplus", "Softsign", "PRelu", "Gelu",
            "Mish", "ThresholdedRelu", "Clip", "Hardmax", "Erf");

    private final OnnxModel model;
    private final OnnxGraph graph;
    private final OnnxImportOptions options;
    private final String file;
    private final List<Diagnostic> problems = new ArrayList<>();

    /** Every value known so far, by ONNX name. */
    private final Map<String, Value> values = new HashMap<>();
    private final Map<String, Draft> layers = new LinkedHashMap<>();
    private final Map<String, OnnxValueInfo> recorded = new HashMap<>();
    private final Map<String, Integer> graphInputIndex = new HashMap<>();
    private final Map<String, Integer> consumers = new HashMap<>();
    private final Set<String> poisoned = new HashSet<>();
    private final Set<String> usedNames = new HashSet<>();
    /** Graph inputs read as X by a sequence-first (layout 0) LSTM/GRU: their batch axis is 1, not 0. */
    private final Set<String> sequenceFirstInputs = new HashSet<>();

    private OnnxLayerInference(OnnxModel model, OnnxImportOptions options, String file) {
        this.model = model;
        this.graph = model.graph();
        this.options = options;
        this.file = file;
    }

    static OnnxNetwork infer(OnnxModel model, OnnxImportOptions options, String file) {
        return new OnnxLayerInference(model, options, file).run();
    }

    /** What is known about one ONNX value. {@code layer} is null for constants and unused graph inputs. */
    private record Value(List<Long> shape, Optional<List<Long>> ints, String layer, int batchAxis) {
        static Value constant(List<Long> shape, Optional<List<Long>> ints) {
            return new Value(List.copyOf(shape), ints.map(List::copyOf), null, -1);
        }

        static Value of(List<Long> shape, String layer, int batchAxis) {
            return new Value(List.copyOf(shape), Optional.empty(), layer, batchAxis);
        }
    }

    /** A layer while it is being built; folding changes it, so it is mutable until {@link #freeze}. */
    private static final class Draft {
        final String name;
        final String path;
        LayerOp op;
        List<String> inputs;
        List<List<Long>> inputShapes;
        List<Long> outputShape;
        int batchAxis;
        final List<String> onnxValues = new ArrayList<>();
        final List<String> folded = new ArrayList<>();

        Draft(String name, String path, LayerOp op, List<String> inputs, List<List<Long>> inputShapes,
              List<Long> outputShape) {
            this.name = name;
            this.path = path;
            this.op = op;
            this.inputs = new ArrayList<>(inputs);
            this.inputShapes = new ArrayList<>(inputShapes);
            this.outputShape = outputShape;
        }

        OnnxLayer freeze() {
            return new OnnxLayer(name, path, op, inputs, inputShapes, outputShape, batchAxis, onnxValues, folded);
        }
    }

    // ---------------------------------------------------------------- driver

    /** Constant values by the initializer they show (itself, or through Transpose, Identity, ...). */
    private final Map<String, String> initializerOf = new HashMap<>();
    /** Dense layers' and embeddings' weight initializers: a table read by both is a tied weight. */
    private final Map<String, String> denseWeights = new LinkedHashMap<>();
    private final Map<String, String> embeddingTables = new HashMap<>();

    private OnnxNetwork run() {
        for (OnnxValueInfo v : graph.valueInfos()) {
            recorded.put(v.name(), v);
        }
        for (OnnxValueInfo v : graph.outputs()) {
            recorded.put(v.name(), v);
        }
        for (int i = 0; i < graph.inputs().size(); i++) {
            graphInputIndex.putIfAbsent(graph.inputs().get(i).name(), i);
        }
        graph.initializers().forEach((name, t) -> {
            values.put(name, Value.constant(t.dims(), t.intValues()));
            initializerOf.put(name, name);
        });
        for (OnnxNode node : graph.nodes()) {
            if ((node.opType().equals("LSTM") || node.opType().equals("GRU")) && !node.inputs().isEmpty()
                    && node.attribute("layout").map(a -> a instanceof OnnxAttribute.IntValue i && i.value() != 0)
                    .orElse(false).equals(false)) {
                sequenceFirstInputs.add(node.inputs().get(0));
            }
            for (String in : node.inputs()) {
                if (!in.isEmpty()) {
                    consumers.merge(in, 1, Integer::sum);
                }
            }
        }
        for (OnnxValueInfo out : graph.outputs()) {
            consumers.merge(out.name(), 1, Integer::sum);
        }
        for (OnnxNode node : topologicalOrder()) {
            if (node.inputs().stream().anyMatch(poisoned::contains)) {
                poisoned.addAll(node.outputs());
                continue;
            }
            try {
                handle(node);
                checkAllOutputsKnown(node);
                checkRecordedShapes(node);
            } catch (OnnxImportProblem e) {
                problem(node.path(), e.getMessage());
                poisoned.addAll(node.outputs());
            } catch (ArithmeticException e) {
                problem(node.path(), "tensor sizes overflow a 64-bit count");
                poisoned.addAll(node.outputs());
            } catch (RuntimeException e) {
                // A rule that trips over input it did not foresee is still bad input to the user:
                // report it on the node, keep the trace for whoever debugs the importer.
                LOG.log(java.util.logging.Level.FINE, "importing " + node.path(), e);
                problem(node.path(), "cannot import this node: " + e);
                poisoned.addAll(node.outputs());
            }
        }
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < graph.outputs().size(); i++) {
            String name = graph.outputs().get(i).name();
            Value v = values.get(name);
            if (v == null && !poisoned.contains(name)) {
                problem("graph.output[" + i + "]('" + name + "')", "no node computes this graph output");
            } else if (v != null && v.layer() != null && !outputs.contains(v.layer())) {
                outputs.add(v.layer());
            }
        }
        if (problems.isEmpty() && layers.values().stream().noneMatch(d -> !(d.op instanceof LayerOp.Input))) {
            problem("graph", "the graph has no layers: no node computes anything from a graph input");
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems);
        }
        String name = graph.name().isEmpty() ? file : graph.name();
        return new OnnxNetwork(name, layers.values().stream().map(Draft::freeze).toList(), outputs, ties());
    }

    /**
     * Dense layers whose weights are an embedding's table, transposed (a language model's head
     * tied to its token embedding): the same initializer, read by a Gather and, directly with
     * Gemm's transB or through a Transpose, by the product.
     */
    private Map<String, String> ties() {
        Map<String, String> byTable = new HashMap<>();
        embeddingTables.forEach((layer, table) -> byTable.putIfAbsent(table, layer));
        Map<String, String> ties = new LinkedHashMap<>();
        denseWeights.forEach((layer, table) -> {
            String embedding = byTable.get(table);
            Draft d = layers.get(layer);
            Draft e = embedding == null ? null : layers.get(embedding);
            if (e != null && d != null && d.op instanceof LayerOp.Dense dense && e.op instanceof LayerOp.Embedding emb
                    && dense.inFeatures() == emb.features() && dense.outFeatures() == emb.vocabulary()) {
                ties.put(layer, embedding);
            }
        });
        return ties;
    }

    /**
     * The nodes in dependency order. ONNX requires files to list nodes topologically, but some
     * tools do not, so we sort rather than trust; an input nobody produces, or a cycle, is an error.
     */
    private List<OnnxNode> topologicalOrder() {
        Map<String, OnnxNode> producer = new HashMap<>();
        for (OnnxNode node : graph.nodes()) {
            for (String out : node.outputs()) {
                if (!out.isEmpty()) {
                    producer.putIfAbsent(out, node);
                }
            }
        }
        Map<OnnxNode, Integer> pending = new LinkedHashMap<>();
        Map<OnnxNode, List<OnnxNode>> dependents = new HashMap<>();
        boolean dangling = false;
        for (OnnxNode node : graph.nodes()) {
            int count = 0;
            for (int i = 0; i < node.inputs().size(); i++) {
                String in = node.inputs().get(i);
                if (in.isEmpty() || values.containsKey(in) || graphInputIndex.containsKey(in)) {
                    continue;
                }
                OnnxNode p = producer.get(in);
                if (p == null) {
                    problem(node.path(), "input " + i + " '" + in + "' is not a graph input, an initializer, "
                            + "or the output of any node" + Suggestions.didYouMean(in, knownNames(producer)));
                    dangling = true;
                } else {
                    count++;
                    dependents.computeIfAbsent(p, k -> new ArrayList<>()).add(node);
                }
            }
            pending.put(node, count);
        }
        if (dangling) {
            throw new SpecException(problems);
        }
        Deque<OnnxNode> ready = new ArrayDeque<>();
        pending.forEach((n, c) -> {
            if (c == 0) {
                ready.add(n);
            }
        });
        List<OnnxNode> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            OnnxNode n = ready.poll();
            order.add(n);
            for (OnnxNode d : dependents.getOrDefault(n, List.of())) {
                if (pending.merge(d, -1, Integer::sum) == 0) {
                    ready.add(d);
                }
            }
        }
        if (order.size() < graph.nodes().size()) {
            List<String> stuck = graph.nodes().stream().filter(n -> !order.contains(n)).map(OnnxNode::path).toList();
            problem(stuck.get(0), "the graph has a cycle through " + String.join(", ", stuck.subList(0,
                    Math.min(5, stuck.size()))) + (stuck.size() > 5 ? " and " + (stuck.size() - 5) + " more" : ""));
            throw new SpecException(problems);
        }
        return order;
    }

    private Set<String> knownNames(Map<String, OnnxNode> producer) {
        Set<String> names = new HashSet<>(producer.keySet());
        names.addAll(values.keySet());
        names.addAll(graphInputIndex.keySet());
        return names;
    }

    // ---------------------------------------------------------------- operators

    private void handle(OnnxNode node) {
        if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
            unsupported(node, "operator domain '" + node.domain() + "' is not the standard ONNX operator set");
            return;
        }
        String op = node.opType();
        if (ACTIVATIONS.contains(op)) {
            activation(node);
            return;
        }
        switch (op) {
            case "Conv" -> conv(node);
            case "Gemm" -> gemm(node);
            case "MatMul" -> matMul(node);
            case "MaxPool", "AveragePool" -> pool(node, op.equals("MaxPool"));
            case "GlobalAveragePool", "GlobalMaxPool" -> globalPool(node, op.equals("GlobalMaxPool"));
            case "BatchNormalization" -> batchNorm(node);
            case "Add", "Sum" -> add(node);
            case "Concat" -> concat(node);
            case "Flatten" -> flatten(node);
            case "Reshape" -> reshape(node);
            case "Squeeze", "Unsqueeze" -> squeeze(node, op.equals("Unsqueeze"));
            case "Transpose" -> transpose(node);
            case "Dropout", "Identity", "Cast" -> passThrough(node);
            case "LSTM", "GRU" -> recurrent(node, op.equals("LSTM"));
            case "Pad" -> pad(node);
            case "Constant" -> constant(node);
            case "Shape" -> shapeOf(node);
            case "Gather" -> gather(node);
            case "LayerNormalization" -> layerNorm(node);
            case "Mul", "Div", "Sub", "Pow", "Sqrt", "Reciprocal", "Exp", "Neg", "Max", "Min", "Where" ->
                    elementwise(node);
            default -> unsupported(node, "unsupported operator " + op);
        }
    }

    private void conv(OnnxNode node) {
        Value x = data(node, 0);
        Value w = weight(node, 1);
        List<Long> xs = x.shape();
        List<Long> ws = w.shape();
        if (xs.size() < 3) {
            throw problemAt("input X has shape " + xs + "; Conv needs [N, C, spatial...]");
        }
        int k = xs.size() - 2;
        if (ws.size() != xs.size()) {
            throw problemAt("weight W has shape " + ws + ", rank " + ws.size() + "; input X " + xs + " needs rank "
                    + xs.size());
        }
        long groups = node.intAttribute("group", 1);
        if (groups < 1 || xs.get(1) % groups != 0 || ws.get(0) % groups != 0) {
            throw problemAt("group " + groups + " does not divide input channels " + xs.get(1) + " and output channels "
                    + ws.get(0));
        }
        if (ws.get(1) * groups != xs.get(1)) {
            throw problemAt("shape mismatch: weight W " + ws + " expects " + ws.get(1) * groups
                    + " input channels (W[1] × group " + groups + "), input X " + xs + " has " + xs.get(1));
        }
        List<Long> kernel = ws.subList(2, ws.size());
        node.intsAttribute("kernel_shape").ifPresent(ks -> {
            if (!ks.equals(kernel)) {
                throw problemAt("shape mismatch: kernel_shape " + ks + " differs from weight W's " + kernel);
            }
        });
        Window win = window(node, xs, kernel, true);
        boolean bias = false;
        if (node.input(2).isPresent()) {
            List<Long> bs = weight(node, 2).shape();
            if (!bs.equals(List.of(ws.get(0)))) {
                throw problemAt("shape mismatch: bias B has shape " + bs + ", expected [" + ws.get(0) + "]");
            }
            bias = true;
        }
        List<Long> out = new ArrayList<>(List.of(xs.get(0), ws.get(0)));
        out.addAll(win.output());
        LayerOp.Conv conv = new LayerOp.Conv(xs.get(1), ws.get(0), kernel, win.strides(), win.padsBegin(),
                win.padsEnd(), win.dilations(), groups, bias, false);
        Draft padLayer = foldablePad(node, x);
        if (padLayer != null) {
            LayerOp.Pad pad = (LayerOp.Pad) padLayer.op;
            conv = conv.withExtraPadding(pad.padsBegin().subList(2, 2 + k), pad.padsEnd().subList(2, 2 + k));
            layers.remove(padLayer.name);
            usedNames.remove(padLayer.name);
            Draft d = addLayer(node, conv, padLayer.inputs, padLayer.inputShapes, out);
            d.folded.add(padLayer.path);
            d.onnxValues.addAll(0, padLayer.onnxValues);
            // Keep the pad's outputs pointing somewhere real, should anything else read them.
            for (String v : padLayer.onnxValues) {
                Value old = values.get(v);
                values.put(v, Value.of(old.shape(), d.name, d.batchAxis));
            }
            return;
        }
        addLayer(node, conv, List.of(x.layer()), List.of(xs), out);
    }

    /** A zero-padding Pad whose only reader is this node, padding spatial axes only, folds into a Conv. */
    private Draft foldablePad(OnnxNode node, Value x) {
        Draft d = layers.get(x.layer());
        if (d == null || !(d.op instanceof LayerOp.Pad pad) || !pad.mode().equals("constant")
                || consumers.getOrDefault(node.inputs().get(0), 0) != 1 || d.onnxValues.size() != 1) {
            return null;
        }
        boolean spatialOnly = pad.padsBegin().get(0) == 0 && pad.padsBegin().get(1) == 0
                && pad.padsEnd().get(0) == 0 && pad.padsEnd().get(1) == 0
                && pad.padsBegin().stream().allMatch(p -> p >= 0) && pad.padsEnd().stream().allMatch(p -> p >= 0);
        return spatialOnly ? d : null;
    }

    /** Strides, dilations, pads and output size of a sliding window (Conv and pooling share these rules). */
    private record Window(List<Long> strides, List<Long> dilations, List<Long> padsBegin, List<Long> padsEnd,
                          List<Long> output) {
    }

    private Window window(OnnxNode node, List<Long> xs, List<Long> kernel, boolean dilationsAllowed) {
        int k = xs.size() - 2;
        List<Long> strides = listAttribute(node, "strides", k, 1);
        List<Long> dilations = dilationsAllowed ? listAttribute(node, "dilations", k, 1) : Collections.nCopies(k, 1L);
        List<Long> pads = listAttribute(node, "pads", 2 * k, 0);
        boolean ceil = node.intAttribute("ceil_mode", 0) != 0;
        String autoPad = node.stringAttribute("auto_pad", "NOTSET");
        for (int i = 0; i < k; i++) {
            if (strides.get(i) < 1 || dilations.get(i) < 1) {
                throw problemAt("strides " + strides + " and dilations " + dilations + " must be at least 1");
            }
            if (pads.get(i) < 0 || pads.get(i + k) < 0) {
                throw problemAt("pads " + pads + " must not be negative");
            }
        }
        List<Long> begin = new ArrayList<>();
        List<Long> end = new ArrayList<>();
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            long in = xs.get(i + 2);
            long s = strides.get(i);
            long span = dilations.get(i) * (kernel.get(i) - 1) + 1;
            long o;
            long pb = pads.get(i);
            long pe = pads.get(i + k);
            switch (autoPad) {
                case "NOTSET" -> {
                    long room = in + pb + pe - span;
                    o = (ceil ? Math.floorDiv(room + s - 1, s) : Math.floorDiv(room, s)) + 1;
                    // As PyTorch and ONNX's reference do: a ceil-mode window must start inside
                    // the input or its left padding, else it is dropped.
                    if (ceil && (o - 1) * s >= in + pb) {
                        o--;
                    }
                }
                case "VALID" -> {
                    pb = 0;
                    pe = 0;
                    o = Math.floorDiv(in - span, s) + 1;
                }
                case "SAME_UPPER", "SAME_LOWER" -> {
                    o = (in + s - 1) / s;
                    long total = Math.max(0, (o - 1) * s + span - in);
                    pb = autoPad.equals("SAME_UPPER") ? total / 2 : total - total / 2;
                    pe = total - pb;
                }
                default -> throw problemAt("auto_pad '" + autoPad
                        + "': expected NOTSET, SAME_UPPER, SAME_LOWER or VALID");
            }
            if (o < 1) {
                throw problemAt("shape mismatch: the window (kernel " + kernel + ", dilations " + dilations
                        + ") is larger than the padded input " + xs + " along spatial axis " + i);
            }
            begin.add(pb);
            end.add(pe);
            out.add(o);
        }
        return new Window(strides, dilations, begin, end, out);
    }

    private List<Long> listAttribute(OnnxNode node, String name, int size, long defaultValue) {
        Optional<List<Long>> given = node.intsAttribute(name);
        if (given.isEmpty()) {
            return Collections.nCopies(size, defaultValue);
        }
        if (given.get().size() != size) {
            throw problemAt("attribute '" + name + "' has " + given.get().size() + " values " + given.get()
                    + ", expected " + size + " for this input's rank");
        }
        return given.get();
    }

    private void gemm(OnnxNode node) {
        Value a = data(node, 0);
        Value b = weightUnlessComputed(node, 1);
        if (a.shape().size() != 2 || b.shape().size() != 2) {
            throw problemAt("Gemm needs 2-D operands, found A " + a.shape() + " and B " + b.shape());
        }
        boolean ta = node.intAttribute("transA", 0) != 0;
        boolean tb = node.intAttribute("transB", 0) != 0;
        long m = a.shape().get(ta ? 1 : 0);
        long k = a.shape().get(ta ? 0 : 1);
        long kb = b.shape().get(tb ? 1 : 0);
        long n = b.shape().get(tb ? 0 : 1);
        if (k != kb) {
            throw problemAt("shape mismatch: A " + a.shape() + (ta ? " (transposed)" : "") + " has " + k
                    + " columns, B " + b.shape() + (tb ? " (transposed)" : "") + " has " + kb + " rows");
        }
        List<Long> out = List.of(m, n);
        boolean bias = false;
        if (node.input(2).isPresent()) {
            Value c = operand(node, 2);
            broadcast(c.shape(), out, "bias C");
            bias = true;
        }
        if (b.layer() == null) {
            Draft d = addLayer(node, new LayerOp.Dense(k, n, bias, false), List.of(a.layer()), List.of(a.shape()), out,
                    0);
            weightSource(d, node, 1);
        } else {
            addLayer(node, new LayerOp.MatMul(m, k, n), List.of(a.layer(), b.layer()), List.of(a.shape(), b.shape()),
                    out);
        }
    }

    private void matMul(OnnxNode node) {
        Value a = operand(node, 0);
        Value b = weightUnlessComputed(node, 1);
        List<Long> as = a.shape();
        List<Long> bs = b.shape();
        if (as.isEmpty() || bs.isEmpty()) {
            throw problemAt("MatMul needs operands of rank 1 or more, found " + as + " and " + bs);
        }
        // numpy.matmul: a 1-D operand is a row (A) or a column (B) vector, dropped from the result.
        List<Long> a2 = as.size() == 1 ? List.of(1L, as.get(0)) : as;
        List<Long> b2 = bs.size() == 1 ? List.of(bs.get(0), 1L) : bs;
        long m = a2.get(a2.size() - 2);
        long k = a2.get(a2.size() - 1);
        long kb = b2.get(b2.size() - 2);
        long n = b2.get(b2.size() - 1);
        if (k != kb) {
            throw problemAt("shape mismatch: A " + as + " has " + k + " columns, B " + bs + " has " + kb + " rows");
        }
        List<Long> out = new ArrayList<>(broadcast(a2.subList(0, a2.size() - 2), b2.subList(0, b2.size() - 2),
                "the batch dimensions of A and B"));
        if (as.size() > 1) {
            out.add(m);
        }
        if (bs.size() > 1) {
            out.add(n);
        }
        if (a.layer() == null && b.layer() == null) {
            throw problemAt("both operands are constants; nothing of the network flows through this MatMul");
        }
        if (b.layer() == null && bs.size() == 2) {
            weightSource(addLayer(node, new LayerOp.Dense(k, n, false, false), List.of(a.layer()), List.of(as), out),
                    node, 1);
        } else {
            List<String> ins = new ArrayList<>();
            List<List<Long>> shapes = new ArrayList<>();
            for (Value v : List.of(a, b)) {
                if (v.layer() != null) {
                    ins.add(v.layer());
                    shapes.add(v.shape());
                }
            }
            long rows = 1;
            for (int i = 0; i < out.size() - (bs.size() > 1 ? 1 : 0); i++) {
                rows *= out.get(i);
            }
            addLayer(node, new LayerOp.MatMul(rows, k, n), ins, shapes, out);
        }
    }

    private void pool(OnnxNode node, boolean max) {
        Value x = data(node, 0);
        List<Long> xs = x.shape();
        if (xs.size() < 3) {
            throw problemAt("input X has shape " + xs + "; pooling needs [N, C, spatial...]");
        }
        List<Long> kernel = node.intsAttribute("kernel_shape")
                .orElseThrow(() -> problemAt("the required attribute 'kernel_shape' is missing"));
        if (kernel.size() != xs.size() - 2) {
            throw problemAt("kernel_shape " + kernel + " does not fit input X " + xs);
        }
        Window win = window(node, xs, kernel, max);
        List<Long> out = new ArrayList<>(xs.subList(0, 2));
        out.addAll(win.output());
        addLayer(node, new LayerOp.Pool(max, false, kernel, win.strides(), win.padsBegin(), win.padsEnd(),
                win.dilations(), node.intAttribute("ceil_mode", 0) != 0), List.of(x.layer()), List.of(xs), out);
    }

    private void globalPool(OnnxNode node, boolean max) {
        Value x = data(node, 0);
        List<Long> xs = x.shape();
        if (xs.size() < 3) {
            throw problemAt("input X has shape " + xs + "; global pooling needs [N, C, spatial...]");
        }
        int k = xs.size() - 2;
        List<Long> out = new ArrayList<>(xs.subList(0, 2));
        out.addAll(Collections.nCopies(k, 1L));
        List<Long> zeros = Collections.nCopies(k, 0L);
        addLayer(node, new LayerOp.Pool(max, true, xs.subList(2, xs.size()), Collections.nCopies(k, 1L), zeros, zeros,
                Collections.nCopies(k, 1L), false), List.of(x.layer()), List.of(xs), out);
    }

    /**
     * Inference-time batch norm is a per-channel affine map, so on a crossbar it folds into the
     * preceding layer's weights and bias; it stays a layer only when there is nothing to fold into.
     */
    private void batchNorm(OnnxNode node) {
        Value x = data(node, 0);
        List<Long> xs = x.shape();
        if (xs.size() < 2) {
            throw problemAt("input X has shape " + xs + "; BatchNormalization needs [N, C, ...]");
        }
        for (int i = 1; i <= 4; i++) {
            String role = List.of("", "scale", "B", "mean", "var").get(i);
            Value p = weight(node, i);
            if (!p.shape().equals(List.of(xs.get(1)))) {
                throw problemAt("shape mismatch: " + role + " has shape " + p.shape() + ", expected [" + xs.get(1)
                        + "] (one per channel of X " + xs + ")");
            }
        }
        Draft prev = layers.get(x.layer());
        if (prev != null && consumers.getOrDefault(node.inputs().get(0), 0) == 1) {
            if (prev.op instanceof LayerOp.Conv c && !c.batchNormFolded()) {
                prev.op = c.withBias(true, true);
                foldInto(prev, node, xs);
                return;
            }
            if (prev.op instanceof LayerOp.Dense d && !d.batchNormFolded()) {
                prev.op = d.withBias(true, true);
                foldInto(prev, node, xs);
                return;
            }
        }
        addLayer(node, new LayerOp.BatchNorm(xs.get(1)), List.of(x.layer()), List.of(xs), xs);
    }

    private void foldInto(Draft layer, OnnxNode node, List<Long> shape) {
        layer.folded.add(node.path());
        String out = node.outputs().get(0);
        layer.onnxValues.add(out);
        values.put(out, Value.of(shape, layer.name, layer.batchAxis));
    }

    private void add(OnnxNode node) {
        List<Value> operands = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            operands.add(operand(node, i));
        }
        if (operands.isEmpty()) {
            throw problemAt(node.opType() + " has no inputs");
        }
        List<Long> out = operands.get(0).shape();
        for (int i = 1; i < operands.size(); i++) {
            out = broadcast(out, operands.get(i).shape(), "the operands");
        }
        List<Value> computed = operands.stream().filter(v -> v.layer() != null).toList();
        if (computed.isEmpty()) {
            Optional<List<Long>> ints = Optional.empty();
            if (operands.size() == 2 && operands.stream().allMatch(v -> v.ints().isPresent())
                    && operands.get(0).ints().get().size() == operands.get(1).ints().get().size()) {
                List<Long> sum = new ArrayList<>();
                for (int i = 0; i < operands.get(0).ints().get().size(); i++) {
                    sum.add(operands.get(0).ints().get().get(i) + operands.get(1).ints().get().get(i));
                }
                ints = Optional.of(sum);
            }
            setConstant(node, out, ints);
            return;
        }
        if (computed.size() == 1) {
            // x + constant: a bias, which folds into a convolution or dense layer before it.
            Value x = computed.get(0);
            Draft prev = layers.get(x.layer());
            if (prev != null && out.equals(x.shape()) && consumers.getOrDefault(inputOf(node, x), 0) == 1) {
                if (prev.op instanceof LayerOp.Dense d) {
                    prev.op = d.withBias(true, d.batchNormFolded());
                    foldInto(prev, node, out);
                    return;
                }
                if (prev.op instanceof LayerOp.Conv c) {
                    prev.op = c.withBias(true, c.batchNormFolded());
                    foldInto(prev, node, out);
                    return;
                }
            }
        }
        addLayer(node, new LayerOp.Add(computed.size()), computed.stream().map(Value::layer).toList(),
                computed.stream().map(Value::shape).toList(), out);
    }

    private String inputOf(OnnxNode node, Value v) {
        for (String in : node.inputs()) {
            if (values.get(in) == v) {
                return in;
            }
        }
        return "";
    }

    private void concat(OnnxNode node) {
        List<Value> operands = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            operands.add(operand(node, i));
        }
        if (operands.isEmpty()) {
            throw problemAt("Concat has no inputs");
        }
        int rank = operands.get(0).shape().size();
        int axis = axis(node.intAttribute("axis", 1), rank, "axis");
        List<Long> out = new ArrayList<>(operands.get(0).shape());
        for (int i = 1; i < operands.size(); i++) {
            List<Long> s = operands.get(i).shape();
            for (int d = 0; d < rank; d++) {
                if (s.size() != rank || d != axis && !s.get(d).equals(out.get(d))) {
                    throw problemAt("shape mismatch: input " + i + " has shape " + s + ", input 0 has "
                            + operands.get(0).shape() + "; they must agree except on axis " + axis);
                }
            }
            out.set(axis, out.get(axis) + s.get(axis));
        }
        List<Value> computed = operands.stream().filter(v -> v.layer() != null).toList();
        if (computed.isEmpty()) {
            boolean allInts = operands.stream().allMatch(v -> v.ints().isPresent()) && rank == 1;
            List<Long> ints = new ArrayList<>();
            if (allInts) {
                operands.forEach(v -> ints.addAll(v.ints().get()));
            }
            setConstant(node, out, allInts ? Optional.of(ints) : Optional.empty());
            return;
        }
        addLayer(node, new LayerOp.Concat(axis), computed.stream().map(Value::layer).toList(),
                computed.stream().map(Value::shape).toList(), out);
    }

    private void flatten(OnnxNode node) {
        Value x = operand(node, 0);
        List<Long> xs = x.shape();
        // Flatten's axis may equal the rank (everything into the first dimension): range [-r, r].
        long given = node.intAttribute("axis", 1);
        long a = given < 0 ? given + xs.size() : given;
        if (a < 0 || a > xs.size()) {
            throw problemAt("axis " + given + " is out of range for rank " + xs.size());
        }
        int axis = (int) a;
        List<Long> out = List.of(product(xs.subList(0, axis)), product(xs.subList(axis, xs.size())));
        shapeOnly(node, x, out, x.ints(), 0);
    }

    private void reshape(OnnxNode node) {
        Value x = operand(node, 0);
        List<Long> target;
        if (model.opset() < 5) {
            target = node.intsAttribute("shape").orElseThrow(() -> problemAt("attribute 'shape' is missing"));
        } else {
            Value s = operand(node, 1);
            target = s.ints().orElseThrow(() -> problemAt("the target shape (input 1 '" + node.inputs().get(1)
                    + "') is not a constant in the file; memdse needs it as an initializer or Constant node"));
        }
        boolean allowZero = node.intAttribute("allowzero", 0) != 0;
        List<Long> out = new ArrayList<>();
        int unknown = -1;
        for (int i = 0; i < target.size(); i++) {
            long t = target.get(i);
            if (t == 0 && !allowZero) {
                if (i >= x.shape().size()) {
                    throw problemAt("shape " + target + " copies dimension " + i + " (0), but input " + x.shape()
                            + " has only " + x.shape().size());
                }
                t = x.shape().get(i);
            } else if (t == -1) {
                if (unknown >= 0) {
                    throw problemAt("shape " + target + " has more than one -1");
                }
                unknown = i;
            } else if (t < -1) {
                throw problemAt("shape " + target + " has a negative size " + t);
            }
            out.add(t);
        }
        long total = product(x.shape());
        if (unknown >= 0) {
            out.set(unknown, 1L);
            long known = product(out);
            if (known == 0 || total % known != 0) {
                throw problemAt("shape mismatch: cannot reshape " + x.shape() + " (" + total + " elements) to "
                        + target);
            }
            out.set(unknown, total / known);
        }
        if (product(out) != total) {
            throw problemAt("shape mismatch: cannot reshape " + x.shape() + " (" + total + " elements) to " + out
                    + " (" + product(out) + " elements)");
        }
        // The batch axis survives a reshape that keeps every dimension up to it.
        int b = x.batchAxis();
        boolean kept = b >= 0 && out.size() > b && out.subList(0, b + 1).equals(x.shape().subList(0, b + 1));
        shapeOnly(node, x, out, x.ints(), kept ? b : 0);
    }

    private void squeeze(OnnxNode node, boolean unsqueeze) {
        Value x = operand(node, 0);
        List<Long> xs = x.shape();
        Optional<List<Long>> axes = node.intsAttribute("axes");
        if (axes.isEmpty() && node.input(1).isPresent()) {
            Value a = operand(node, 1);
            axes = Optional.of(a.ints().orElseThrow(() -> problemAt("axes (input 1) must be constant")));
        }
        List<Long> out;
        int batchAxis = 0;
        if (unsqueeze) {
            List<Long> given = axes.orElseThrow(() -> problemAt("Unsqueeze needs axes"));
            int rank = xs.size() + given.size();
            Set<Integer> positions = new HashSet<>();
            for (long a : given) {
                positions.add(axis(a, rank, "axes"));
            }
            out = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < rank; i++) {
                if (!positions.contains(i) && next == x.batchAxis()) {
                    batchAxis = i;
                }
                out.add(positions.contains(i) ? 1L : xs.get(next++));
            }
        } else {
            Set<Integer> positions = new HashSet<>();
            if (axes.isPresent()) {
                for (long a : axes.get()) {
                    int p = axis(a, xs.size(), "axes");
                    if (xs.get(p) != 1) {
                        throw problemAt("cannot squeeze axis " + a + " of shape " + xs + ": its size is not 1");
                    }
                    positions.add(p);
                }
            }
            out = new ArrayList<>();
            for (int i = 0; i < xs.size(); i++) {
                boolean drop = axes.isPresent() ? positions.contains(i) : xs.get(i) == 1 && i != x.batchAxis();
                if (!drop) {
                    if (i == x.batchAxis()) {
                        batchAxis = out.size();
                    }
                    out.add(xs.get(i));
                }
            }
        }
        shapeOnly(node, x, out, x.ints(), batchAxis);
    }

    private void transpose(OnnxNode node) {
        Value x = operand(node, 0);
        List<Long> xs = x.shape();
        List<Long> perm = node.intsAttribute("perm").orElse(null);
        List<Long> out = new ArrayList<>();
        int batchAxis = 0;
        for (int i = 0; i < xs.size(); i++) {
            int p = perm == null ? xs.size() - 1 - i : axis(perm.get(i), xs.size(), "perm");
            if (p == x.batchAxis()) {
                batchAxis = i;
            }
            out.add(xs.get(p));
        }
        if (perm != null && (perm.size() != xs.size() || new HashSet<>(perm).size() != perm.size())) {
            throw problemAt("perm " + perm + " is not a permutation of the " + xs.size() + " axes of " + xs);
        }
        shapeOnly(node, x, out, Optional.empty(), batchAxis);
    }

    /** The initializer behind a dense layer's weight input, if it is one (or a transposed one). */
    private void weightSource(Draft d, OnnxNode node, int input) {
        String table = node.input(input).map(initializerOf::get).orElse(null);
        if (table != null) {
            denseWeights.put(d.name, table);
        }
    }

    /** A node that moves data without arithmetic: a constant stays a constant, else it is a reshape layer. */
    private void shapeOnly(OnnxNode node, Value x, List<Long> out, Optional<List<Long>> ints, int batchAxis) {
        if (x.layer() == null) {
            setConstant(node, out, ints);
            String source = initializerOf.get(node.inputs().get(0));
            if (source != null && !node.outputs().isEmpty()) {
                initializerOf.put(node.outputs().get(0), source);
            }
        } else {
            addLayer(node, new LayerOp.Reshape(node.opType()), List.of(x.layer()), List.of(x.shape()), out,
                    batchAxis);
        }
    }

    /** Identity, Dropout (an identity at inference) and Cast: their outputs are their input. */
    private void passThrough(OnnxNode node) {
        Value x = operand(node, 0);
        for (String out : node.outputs()) {
            if (!out.isEmpty()) {
                values.put(out, x);
                String source = initializerOf.get(node.inputs().get(0));
                if (source != null) {
                    initializerOf.put(out, source);
                }
                Draft d = x.layer() == null ? null : layers.get(x.layer());
                if (d != null) {
                    d.onnxValues.add(out);
                    if (!d.folded.contains(node.path())) {
                        d.folded.add(node.path());
                    }
                }
            }
        }
    }

    private void recurrent(OnnxNode node, boolean lstm) {
        int gates = lstm ? 4 : 3;
        Value x = data(node, 0);
        List<Long> ws = weight(node, 1).shape();
        List<Long> rs = weight(node, 2).shape();
        List<Long> xs = x.shape();
        if (xs.size() != 3 || ws.size() != 3 || rs.size() != 3) {
            throw problemAt("X, W and R must be 3-D, found X " + xs + ", W " + ws + ", R " + rs);
        }
        boolean batchFirst = node.intAttribute("layout", 0) != 0;
        long seq = xs.get(batchFirst ? 1 : 0);
        long batch = xs.get(batchFirst ? 0 : 1);
        long in = xs.get(2);
        String direction = node.stringAttribute("direction", "forward");
        int dirs = switch (direction) {
            case "forward", "reverse" -> 1;
            case "bidirectional" -> 2;
            default -> throw problemAt("direction '" + direction + "': expected forward, reverse or bidirectional");
        };
        long hidden = node.intAttribute("hidden_size", rs.get(2));
        List<Long> expectW = List.of((long) dirs, gates * hidden, in);
        List<Long> expectR = List.of((long) dirs, gates * hidden, hidden);
        if (!ws.equals(expectW) || !rs.equals(expectR)) {
            throw problemAt("shape mismatch: with hidden_size " + hidden + ", " + dirs + " direction(s) and input size "
                    + in + ", W must be " + expectW + " and R " + expectR + "; found W " + ws + ", R " + rs);
        }
        boolean bias = node.input(3).isPresent();
        if (bias) {
            List<Long> bs = weight(node, 3).shape();
            List<Long> expectB = List.of((long) dirs, 2 * gates * hidden);
            if (!bs.equals(expectB)) {
                throw problemAt("shape mismatch: bias B has shape " + bs + ", expected " + expectB);
            }
        }
        List<Long> y = batchFirst ? List.of(batch, seq, (long) dirs, hidden) : List.of(seq, (long) dirs, batch, hidden);
        List<Long> state = batchFirst ? List.of(batch, (long) dirs, hidden) : List.of((long) dirs, batch, hidden);
        // Y (the whole sequence) is optional; when it is omitted the layer stands for its final state.
        boolean sequences = node.input(0).isPresent() && !node.outputs().isEmpty() && !node.outputs().get(0).isEmpty();
        LayerOp.Recurrent op = new LayerOp.Recurrent(lstm, in, hidden, dirs, seq, bias, batchFirst, sequences);
        Draft d = new Draft(uniqueName(node.layerName()), node.path(), op, List.of(x.layer()), List.of(xs),
                sequences ? y : state);
        d.batchAxis = batchFirst ? 0 : sequences ? 2 : 1;
        layers.put(d.name, d);
        // Y_h and Y_c are the last step's state: the same layer, with their own shapes.
        for (int i = 0; i < node.outputs().size(); i++) {
            String out = node.outputs().get(i);
            if (!out.isEmpty()) {
                values.put(out, i == 0 ? Value.of(y, d.name, batchFirst ? 0 : 2)
                        : Value.of(state, d.name, batchFirst ? 0 : 1));
                d.onnxValues.add(out);
            }
        }
    }

    private void pad(OnnxNode node) {
        Value x = operand(node, 0);
        List<Long> xs = x.shape();
        List<Long> pads;
        if (model.opset() < 11) {
            pads = node.intsAttribute("pads").or(() -> node.intsAttribute("paddings"))
                    .orElseThrow(() -> problemAt("attribute 'pads' is missing"));
        } else {
            Value p = operand(node, 1);
            pads = p.ints().orElseThrow(() -> problemAt("pads (input 1 '" + node.inputs().get(1)
                    + "') are not a constant in the file; memdse needs them as an initializer or Constant node"));
            if (node.input(3).isPresent()) {
                pads = padsOnAxes(node, xs.size(), pads);
            }
        }
        int r = xs.size();
        if (pads.size() != 2 * r) {
            throw problemAt("pads " + pads + " has " + pads.size() + " values; input " + xs + " needs " + 2 * r);
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            long o = xs.get(i) + pads.get(i) + pads.get(i + r);
            if (o < 0) {
                throw problemAt("pads " + pads + " remove more than input " + xs + " has");
            }
            out.add(o);
        }
        String mode = node.stringAttribute("mode", "constant");
        if (x.layer() == null) {
            setConstant(node, out, Optional.empty());
            return;
        }
        addLayer(node, new LayerOp.Pad(pads.subList(0, r), pads.subList(r, 2 * r), mode), List.of(x.layer()),
                List.of(xs), out);
    }

    /** Opset 18's optional axes input: pads given for some axes only. */
    private List<Long> padsOnAxes(OnnxNode node, int rank, List<Long> pads) {
        List<Long> axes = operand(node, 3).ints().orElseThrow(() -> problemAt("axes (input 3) must be constant"));
        Long[] full = new Long[2 * rank];
        java.util.Arrays.fill(full, 0L);
        if (pads.size() != 2 * axes.size()) {
            throw problemAt("pads " + pads + " must have two values per axis of " + axes);
        }
        for (int i = 0; i < axes.size(); i++) {
            int a = axis(axes.get(i), rank, "axes");
            full[a] = pads.get(i);
            full[a + rank] = pads.get(i + axes.size());
        }
        return List.of(full);
    }

    private void activation(OnnxNode node) {
        Value x = data(node, 0);
        // PRelu's slope only needs to exist: opset 6 and earlier broadcast it per channel, later
        // ones numpy-style, and either way the output has X's shape.
        if (node.opType().equals("PRelu")) {
            weight(node, 1);
        }
        addLayer(node, new LayerOp.Activation(snakeCase(node.opType())), List.of(x.layer()), List.of(x.shape()),
                x.shape());
    }

    private void constant(OnnxNode node) {
        OnnxAttribute a = node.attributes().values().stream().findFirst()
                .orElseThrow(() -> problemAt("Constant has no value attribute"));
        if (a instanceof OnnxAttribute.TensorValue t) {
            setConstant(node, t.value().dims(), t.value().intValues());
        } else if (a instanceof OnnxAttribute.IntValue i) {
            setConstant(node, List.of(), Optional.of(List.of(i.value())));
        } else if (a instanceof OnnxAttribute.IntList l) {
            setConstant(node, List.of((long) l.values().size()), Optional.of(l.values()));
        } else if (a instanceof OnnxAttribute.FloatValue) {
            setConstant(node, List.of(), Optional.empty());
        } else if (a instanceof OnnxAttribute.FloatList l) {
            setConstant(node, List.of((long) l.values().size()), Optional.empty());
        } else {
            throw problemAt("Constant with a " + a.kind() + " value ('" + a.name() + "') is not supported");
        }
    }

    /** Shape of a tensor, as a constant: the first step of PyTorch's {@code x.view(x.size(0), -1)}. */
    private void shapeOf(OnnxNode node) {
        List<Long> xs = operand(node, 0).shape();
        int r = xs.size();
        int start = (int) clampAxis(node.intAttribute("start", 0), r);
        int end = (int) clampAxis(node.intAttribute("end", r), r);
        List<Long> dims = xs.subList(start, Math.max(start, end));
        setConstant(node, List.of((long) dims.size()), Optional.of(dims));
    }

    private static long clampAxis(long a, int rank) {
        return Math.max(0, Math.min(rank, a < 0 ? a + rank : a));
    }

    /**
     * Gather of constants (indexing a shape) folds; rows of a constant table picked by computed
     * indices are an embedding (a table of a constant's rows by constant indices, a constant).
     */
    private void gather(OnnxNode node) {
        Value data = operand(node, 0);
        Value indices = operand(node, 1);
        if (data.layer() == null && data.shape().size() == 2 && node.intAttribute("axis", 0) == 0
                && (indices.layer() != null || indices.ints().isEmpty() || data.ints().isEmpty())) {
            List<Long> out = new ArrayList<>(indices.shape());
            out.add(data.shape().get(1));
            if (indices.layer() == null) {
                setConstant(node, out, Optional.empty());
            } else {
                Draft d = addLayer(node, new LayerOp.Embedding(data.shape().get(0), data.shape().get(1)),
                        List.of(indices.layer()), List.of(indices.shape()), out);
                String table = initializerOf.get(node.inputs().get(0));
                if (table != null) {
                    embeddingTables.put(d.name, table);
                }
            }
            return;
        }
        if (data.layer() != null && indices.layer() == null && indices.shape().isEmpty()
                && indices.ints().map(v -> v.size() == 1).orElse(false)) {
            // x[..., i, ...] by a constant scalar index (the [CLS] token: hidden[:, 0]): the axis dropped.
            int axis = axis(node.intAttribute("axis", 0), data.shape().size(), "axis");
            if (axis == data.batchAxis()) {
                unsupported(node, "unsupported Gather: selecting along the batch axis");
                return;
            }
            long n = data.shape().get(axis);
            long i = indices.ints().get().get(0);
            long index = i < 0 ? i + n : i;
            if (index < 0 || index >= n) {
                throw problemAt("index " + i + " is outside axis " + axis + " of " + data.shape() + " (" + n
                        + " positions)");
            }
            List<Long> out = new ArrayList<>(data.shape());
            out.remove(axis);
            addLayer(node, new LayerOp.Select(axis, index), List.of(data.layer()), List.of(data.shape()), out,
                    data.batchAxis() > axis ? data.batchAxis() - 1 : data.batchAxis());
            return;
        }
        if (data.layer() != null || indices.layer() != null || data.ints().isEmpty() || indices.ints().isEmpty()
                || data.shape().size() != 1) {
            unsupported(node, "unsupported operator Gather (only indexing into a constant 1-D tensor is supported)");
            return;
        }
        List<Long> picked = new ArrayList<>();
        long n = data.shape().get(0);
        for (long i : indices.ints().get()) {
            long j = i < 0 ? i + n : i;
            if (j < 0 || j >= n) {
                throw problemAt("index " + i + " is out of range for a tensor of " + n);
            }
            picked.add(data.ints().get().get((int) j));
        }
        setConstant(node, indices.shape(), Optional.of(picked));
    }

    /** LayerNormalization (opset 17): normalises over the axes from {@code axis} on; memdse's over the last. */
    private void layerNorm(OnnxNode node) {
        Value x = data(node, 0);
        List<Long> xs = x.shape();
        int a = axis(node.intAttribute("axis", -1), xs.size(), "axis");
        if (a != xs.size() - 1) {
            throw problemAt("LayerNormalization over axes " + a + ".." + (xs.size() - 1) + " of " + xs
                    + "; memdse normalises over the last axis only (axis -1)");
        }
        Value scale = operand(node, 1);
        if (scale.layer() != null) {
            throw problemAt("the scale (input 1) is computed; memdse needs it as an initializer");
        }
        broadcast(scale.shape(), List.of(xs.get(a)), "the scale and the normalised axis");
        for (int i = 1; i < node.outputs().size(); i++) {
            if (!node.outputs().get(i).isEmpty()) {
                throw problemAt("output " + i + " '" + node.outputs().get(i) + "' (the training-mode mean or "
                        + "inverse standard deviation) is not supported; export the model for inference");
            }
        }
        addLayer(node, new LayerOp.LayerNorm(xs.get(a), true), List.of(x.layer()), List.of(xs), xs);
    }

    /** Element-wise arithmetic: broadcast shapes; constants only fold, computed operands feed a layer. */
    private void elementwise(OnnxNode node) {
        List<Value> operands = new ArrayList<>();
        for (int i = 0; i < node.inputs().size(); i++) {
            if (!node.inputs().get(i).isEmpty()) {
                operands.add(operand(node, i));
            }
        }
        if (operands.isEmpty()) {
            throw problemAt(node.opType() + " has no inputs");
        }
        List<Long> out = operands.get(0).shape();
        for (int i = 1; i < operands.size(); i++) {
            out = broadcast(out, operands.get(i).shape(), "the operands");
        }
        List<Value> computed = operands.stream().filter(v -> v.layer() != null).toList();
        if (computed.isEmpty()) {
            setConstant(node, out, Optional.empty());
            return;
        }
        addLayer(node, new LayerOp.Elementwise(snakeCase(node.opType()), computed.size()),
                computed.stream().map(Value::layer).toList(), computed.stream().map(Value::shape).toList(), out);
    }

    private void unsupported(OnnxNode node, String message) {
        if (!options.skipUnsupported()) {
            throw problemAt(message + "; pass --skip-unsupported to import the rest of the network without it");
        }
        Value x = node.inputs().stream().filter(in -> !in.isEmpty()).map(values::get)
                .filter(v -> v != null && v.layer() != null).findFirst()
                .orElseThrow(() -> problemAt(message + ", and it cannot be skipped: it reads no computed value"));
        Optional<List<Long>> recordedShape = recordedShape(node.outputs().isEmpty() ? "" : node.outputs().get(0));
        List<Long> out = recordedShape.orElse(x.shape());
        if (recordedShape.isEmpty()) {
            LOG.warning(() -> file + ": " + node.path() + ": skipped " + node.opType()
                    + "; no output shape recorded, assuming it keeps its input's shape " + x.shape());
        }
        addLayer(node, new LayerOp.Skipped(node.opType()), List.of(x.layer()), List.of(x.shape()), out);
    }

    // ---------------------------------------------------------------- values and layers

    /** Input i of the node, which must be present and known. */
    private Value operand(OnnxNode node, int i) {
        String name = node.input(i).orElseThrow(() -> problemAt("input " + i + " is missing"));
        Value v = values.get(name);
        if (v != null) {
            return v;
        }
        Integer gi = graphInputIndex.get(name);
        if (gi == null) {
            throw problemAt("input " + i + " '" + name + "' is unknown");
        }
        List<Long> shape = graphInputShape(gi);
        // A graph input that no initializer backs is an activation entering the network, unless
        // a node reads it as a weight (some test models feed weights as inputs): see weight().
        Draft d = addInputLayer(gi, shape);
        Value created = Value.of(shape, d.name, d.batchAxis);
        values.put(name, created);
        return created;
    }

    /** A data operand: must come from the network (a layer or a graph input), not a constant. */
    private Value data(OnnxNode node, int i) {
        Value v = operand(node, i);
        if (v.layer() == null) {
            throw problemAt("input " + i + " '" + node.inputs().get(i) + "' is a constant; expected computed data");
        }
        return v;
    }

    /**
     * A weight operand: an initializer, or a graph input holding weights. Only its shape matters,
     * so a graph input used this way becomes a constant rather than a network input.
     */
    private Value weight(OnnxNode node, int i) {
        String name = node.input(i).orElseThrow(() -> problemAt("input " + i + " (a weight) is missing"));
        Value v = values.get(name);
        if (v == null) {
            Integer gi = graphInputIndex.get(name);
            if (gi == null) {
                throw problemAt("weight input " + i + " '" + name + "' has no initializer");
            }
            v = Value.constant(graphInputShape(gi), Optional.empty());
            values.put(name, v);
        }
        return v;
    }

    /**
     * The second operand of a product: computed data if a node or an already-used graph input
     * provides it, otherwise a weight (ONNX's node tests feed weights as plain graph inputs).
     */
    private Value weightUnlessComputed(OnnxNode node, int i) {
        String name = node.input(i).orElseThrow(() -> problemAt("input " + i + " is missing"));
        return values.containsKey(name) ? values.get(name) : weight(node, i);
    }

    private List<Long> graphInputShape(int index) {
        OnnxValueInfo info = graph.inputs().get(index);
        String path = "graph.input[" + index + "]('" + info.name() + "')";
        List<OnnxDim> dims = info.shape().orElseThrow(() -> new OnnxImportProblem(path
                + " records no shape; memdse needs the input sizes (export with fixed input shapes)"));
        List<Long> shape = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            OnnxDim d = dims.get(i);
            if (d.isKnown()) {
                shape.add(d.value());
            } else if (options.dimensionValues().containsKey(d.symbol())) {
                shape.add(options.dimensionValues().get(d.symbol()));
            } else if (i == 0) {
                shape.add(options.batchSize());
            } else {
                throw new OnnxImportProblem(path + " dimension " + i + " is " + (d.symbol().isEmpty()
                        ? "unknown, with no name to size it by; export the model with a named or a fixed dimension"
                        : "symbolic ('" + d.symbol() + "'); give its size as an import option (memdse: --dim "
                                + d.symbol() + "=SIZE)"));
            }
        }
        return shape;
    }

    private Draft addInputLayer(int index, List<Long> shape) {
        OnnxValueInfo info = graph.inputs().get(index);
        Draft d = new Draft(uniqueName(info.name()), "graph.input[" + index + "]('" + info.name() + "')",
                new LayerOp.Input(), List.of(), List.of(), shape);
        d.batchAxis = sequenceFirstInputs.contains(info.name()) ? 1 : 0;
        d.onnxValues.add(info.name());
        layers.put(d.name, d);
        return d;
    }

    /** A layer whose batch axis is its first input's: true of every layer that keeps the layout. */
    private Draft addLayer(OnnxNode node, LayerOp op, List<String> inputs, List<List<Long>> inputShapes,
                           List<Long> out) {
        Draft first = inputs.isEmpty() ? null : layers.get(inputs.get(0));
        return addLayer(node, op, inputs, inputShapes, out, first == null ? 0 : first.batchAxis);
    }

    private Draft addLayer(OnnxNode node, LayerOp op, List<String> inputs, List<List<Long>> inputShapes,
                           List<Long> out, int batchAxis) {
        Draft d = new Draft(uniqueName(node.layerName()), node.path(), op, inputs, inputShapes, out);
        d.batchAxis = batchAxis;
        String first = node.outputs().isEmpty() ? "" : node.outputs().get(0);
        if (first.isEmpty()) {
            throw problemAt("the node has no output");
        }
        d.onnxValues.add(first);
        values.put(first, Value.of(out, d.name, batchAxis));
        layers.put(d.name, d);
        return d;
    }

    private void setConstant(OnnxNode node, List<Long> shape, Optional<List<Long>> ints) {
        if (node.outputs().isEmpty() || node.outputs().get(0).isEmpty()) {
            throw problemAt("the node has no output");
        }
        values.put(node.outputs().get(0), Value.constant(shape, ints));
    }

    private String uniqueName(String base) {
        String name = base;
        for (int i = 2; !usedNames.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /**
     * Extra outputs the importer does not model (BatchNormalization's training-mode statistics,
     * for example) are an error here, not a puzzling "no node computes" later. MaxPool's Indices
     * output has the pooled shape and belongs to the pooling layer.
     */
    private void checkAllOutputsKnown(OnnxNode node) {
        for (int i = 0; i < node.outputs().size(); i++) {
            String out = node.outputs().get(i);
            if (out.isEmpty() || values.containsKey(out)) {
                continue;
            }
            Value first = values.get(node.outputs().get(0));
            if (node.opType().equals("MaxPool") && i == 1 && first != null) {
                values.put(out, first);
                layers.get(first.layer()).onnxValues.add(out);
                continue;
            }
            String why = node.opType().equals("BatchNormalization")
                    ? " (running statistics of training mode; export the model for inference)" : "";
            throw problemAt("output " + i + " '" + out + "' is not supported" + why);
        }
    }

    /** The file's own record of a value's shape must agree with ours wherever it gives a number. */
    private void checkRecordedShapes(OnnxNode node) {
        for (String out : node.outputs()) {
            Value v = values.get(out);
            Optional<List<OnnxDim>> rec = Optional.ofNullable(recorded.get(out)).flatMap(OnnxValueInfo::shape);
            if (v == null || rec.isEmpty()) {
                continue;
            }
            List<OnnxDim> dims = rec.get();
            boolean agree = dims.size() == v.shape().size();
            for (int i = 0; agree && i < dims.size(); i++) {
                agree = !dims.get(i).isKnown() || dims.get(i).value() == v.shape().get(i);
            }
            if (!agree) {
                throw problemAt("shape mismatch: output '" + out + "' has shape " + v.shape() + " by ONNX's rules, "
                        + "but the file records " + dims);
            }
        }
    }

    private Optional<List<Long>> recordedShape(String name) {
        Optional<List<OnnxDim>> rec = Optional.ofNullable(recorded.get(name)).flatMap(OnnxValueInfo::shape);
        if (rec.isEmpty() || rec.get().stream().anyMatch(d -> !d.isKnown())) {
            return Optional.empty();
        }
        return Optional.of(rec.get().stream().map(OnnxDim::value).toList());
    }

    // ---------------------------------------------------------------- shape helpers

    /** Multidirectional (numpy) broadcasting, as ONNX defines it for Add and friends. */
    private static List<Long> broadcast(List<Long> a, List<Long> b, String what) {
        int r = Math.max(a.size(), b.size());
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            long x = i < r - a.size() ? 1 : a.get(i - (r - a.size()));
            long y = i < r - b.size() ? 1 : b.get(i - (r - b.size()));
            if (x != y && x != 1 && y != 1) {
                throw new OnnxImportProblem("shape mismatch: " + what + " have shapes " + a + " and " + b
                        + ", which do not broadcast");
            }
            out.add(x == 1 ? y : x);
        }
        return out;
    }

    private static int axis(long a, int rank, String what) {
        long p = a < 0 ? a + rank : a;
        if (p < 0 || p >= rank) {
            throw new OnnxImportProblem(what + " " + a + " is out of range for rank " + rank);
        }
        return (int) p;
    }

    private static long product(List<Long> dims) {
        long p = 1;
        for (long d : dims) {
            p = Math.multiplyExact(p, d);
        }
        return p;
    }

    private static String snakeCase(String opType) {
        return opType.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static OnnxImportProblem problemAt(String message) {
        return new OnnxImportProblem(message);
    }

    private void problem(String path, String message) {
        problems.add(new Diagnostic(SourcePosition.ofFile(file), path, message));
    }
}
