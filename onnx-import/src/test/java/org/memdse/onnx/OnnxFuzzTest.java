package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.memdse.onnx.MalformedOnnxTest.ints;
import static org.memdse.onnx.MalformedOnnxTest.node;
import static org.memdse.onnx.MalformedOnnxTest.value;
import static org.memdse.onnx.MalformedOnnxTest.weight;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NetworkTotals;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.TrafficEdge;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.onnx.proto.OnnxProto;

/**
 * Property-based fuzzing of the ONNX importer: models built here (a CNN, a branchy CNN with
 * every layer kind, recurrent models) are mutated as protobuf messages (attributes set to zero,
 * negative, huge, empty, long or mistyped values; dimensions and initializers changed; nodes
 * deleted, duplicated, retyped and rewired into cycles or dangling names; opsets and versions
 * changed) and as bytes (flipped, inserted, truncated, or random protobuf fields). Each must be
 * imported into a network whose every printed figure is a finite non-negative count, or
 * rejected with diagnostics that name the file; nothing else may escape. The seed is fixed,
 * so CI runs the same inputs every time.
 */
class OnnxFuzzTest {
    /** How many generated models one run imports. */
    static final int TRIES = 4000;
    private static final String FILE = "fuzz.onnx";
    private static final List<OnnxProto.Model> SEEDS = List.of(MalformedOnnxTest.smallCnn().build(), branchy().build(),
            recurrent("LSTM", 4).build(), recurrent("GRU", 3).build());

    @Property(tries = TRIES, seed = "20261207", shrinking = ShrinkingMode.BOUNDED)
    void everyMutatedModelIsImportedOrRejectedNamingTheFile(@ForAll("mutatedModels") byte[] bytes,
                                                            @ForAll boolean skipUnsupported) {
        Statistics.collect(importOrReject(bytes, skipUnsupported));
    }

    @Example
    void everySeedImports() {
        for (OnnxProto.Model m : SEEDS) {
            byte[] bytes = m.toByteArray();
            OnnxNetworkConverter.convert(OnnxLayerInference.infer(OnnxModelReader.parse(bytes, FILE),
                    OnnxImportOptions.defaults(), FILE), OnnxImportOptions.defaults(), FILE);
            assertThat(importOrReject(bytes, false)).as(m.getGraph().getName()).isEqualTo("imported");
        }
    }

    /** The property, with and without passing unsupported operators through. */
    static String importOrReject(byte[] bytes, boolean skipUnsupported) {
        OnnxImportOptions options = OnnxImportOptions.defaults().withSkipUnsupported(skipUnsupported);
        NetworkGraph g;
        try {
            OnnxModelReader.looksLikeModel(bytes);
            g = OnnxNetworkConverter.convert(OnnxLayerInference.infer(OnnxModelReader.parse(bytes, FILE), options, FILE),
                    options, FILE);
        } catch (SpecException e) {
            assertThat(e.diagnostics()).isNotEmpty().allSatisfy(OnnxFuzzTest::assertNamesTheFile);
            return "rejected";
        }
        assertThat(g.nodes()).isNotEmpty();
        for (NetworkNode node : g.nodes()) {
            NodeStats s = g.stats(node);
            assertThat(s.outputShape().dims()).as("shape of %s", node.name()).allSatisfy(d -> assertThat(d).isPositive());
            assertThat(s.params()).as("params of %s", node.name()).isNotNegative();
            assertThat(s.macs()).as("MACs of %s", node.name()).isNotNegative();
            for (TrafficEdge e : g.outputs(node)) {
                assertThat(e.bitsPerInference()).isFinite().isNotNegative();
            }
        }
        NetworkTotals t = g.totals();
        assertThat(t.params()).isNotNegative();
        assertThat(t.macs()).isNotNegative();
        assertThat(t.trafficBits()).isFinite().isNotNegative();
        return "imported";
    }

    private static void assertNamesTheFile(Diagnostic d) {
        assertThat(d.position().file()).as("file of %s", d).isEqualTo(FILE);
        assertThat(d.message()).as("message of %s", d).isNotBlank();
    }

    // ---- seeds ----------------------------------------------------------------------------------

    /** Conv, BatchNormalization, Relu, MaxPool, a residual Add, Concat, AveragePool, Flatten, MatMul. */
    static OnnxProto.Model.Builder branchy() {
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName("branchy")
                .addInput(value("x", 1, 4, 8, 8))
                .addOutput(value("y", 1, 6))
                .addInitializer(weight("w1", 8, 4, 3, 3))
                .addInitializer(weight("s", 8)).addInitializer(weight("b", 8))
                .addInitializer(weight("m", 8)).addInitializer(weight("v", 8))
                .addInitializer(weight("w2", 8, 8, 1, 1))
                .addInitializer(weight("wf", 64, 6))
                .addNode(node("Conv", "conv1", new String[] {"x", "w1"}, "c1")
                        .addAttribute(ints("kernel_shape", 3, 3)).addAttribute(ints("pads", 1, 1, 1, 1))
                        .addAttribute(ints("strides", 1, 1)).addAttribute(ints("dilations", 1, 1))
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("group").setType(2).setI(1)))
                .addNode(node("BatchNormalization", "bn1", new String[] {"c1", "s", "b", "m", "v"}, "n1")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("epsilon").setType(1).setF(1e-5f)))
                .addNode(node("Relu", "relu1", new String[] {"n1"}, "r1"))
                .addNode(node("MaxPool", "pool1", new String[] {"r1"}, "p1")
                        .addAttribute(ints("kernel_shape", 2, 2)).addAttribute(ints("strides", 2, 2)))
                .addNode(node("Conv", "conv2", new String[] {"p1", "w2"}, "c2")
                        .addAttribute(ints("kernel_shape", 1, 1)))
                .addNode(node("Add", "res", new String[] {"c2", "p1"}, "a1"))
                .addNode(node("Concat", "cat", new String[] {"a1", "p1"}, "k1")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("axis").setType(2).setI(1)))
                .addNode(node("AveragePool", "pool2", new String[] {"k1"}, "p2")
                        .addAttribute(ints("kernel_shape", 2, 2)).addAttribute(ints("strides", 2, 2)))
                .addNode(node("Conv", "conv3", new String[] {"p2", "w3"}, "c3")
                        .addAttribute(ints("kernel_shape", 1, 1)))
                .addNode(node("Flatten", "flat", new String[] {"c3"}, "f1")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("axis").setType(2).setI(1)))
                .addNode(node("MatMul", "fc", new String[] {"f1", "wf"}, "y"))
                .addInitializer(weight("w3", 16, 16, 1, 1));
        return model(g);
    }

    /** An LSTM or GRU over a sequence of 5 steps, its last hidden state into a Gemm. */
    static OnnxProto.Model.Builder recurrent(String op, int gates) {
        int hidden = 6;
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName(op.toLowerCase(java.util.Locale.ROOT))
                .addInput(value("x", 5, 1, 3))
                .addOutput(value("y", 1, 10))
                .addInitializer(weight("W", 1, gates * hidden, 3))
                .addInitializer(weight("R", 1, gates * hidden, hidden))
                .addInitializer(weight("B", 1, 2 * gates * hidden))
                .addInitializer(weight("wf", 10, 5 * hidden))
                .addNode(node(op, "rnn", new String[] {"x", "W", "R", "B"}, "Y")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("hidden_size").setType(2).setI(hidden))
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("direction").setType(3)
                                .setS(ByteString.copyFromUtf8("forward"))))
                .addNode(node("Squeeze", "squeeze", new String[] {"Y"}, "s").addAttribute(ints("axes", 1)))
                .addNode(node("Transpose", "batch_first", new String[] {"s"}, "t").addAttribute(ints("perm", 1, 0, 2)))
                .addNode(node("Flatten", "flat", new String[] {"t"}, "f")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("axis").setType(2).setI(1)))
                .addNode(node("Gemm", "fc", new String[] {"f", "wf"}, "y")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("transB").setType(2).setI(1)));
        return model(g);
    }

    private static OnnxProto.Model.Builder model(OnnxProto.Graph.Builder g) {
        return OnnxProto.Model.newBuilder().setIrVersion(7).setProducerName("memdse-fuzz")
                .addOpsetImport(OnnxProto.OperatorSetId.newBuilder().setDomain("").setVersion(11)).setGraph(g);
    }

    // ---- generation ------------------------------------------------------------------------

    /** One change: what, where (indices taken modulo what is there), and a number to use. */
    record Mutation(Op op, int target, int other, long number) {
    }

    enum Op {
        // on the message
        ATTRIBUTE_INTS, ATTRIBUTE_INT, ATTRIBUTE_TYPE, ATTRIBUTE_ADD, ATTRIBUTE_DROP, DIM, DIMS_COUNT, DIM_SYMBOLIC,
        INITIALIZER_DIM, INITIALIZER_DROP, INITIALIZER_DATA, INITIALIZER_TYPE, NODE_DROP, NODE_DUPLICATE,
        NODE_OP_TYPE, NODE_INPUT, NODE_INPUT_DROP, NODE_OUTPUT, INPUT_DROP, OPSET, IR_VERSION, OUTPUT_SHAPE,
        // on the bytes
        FLIP_BYTE, INSERT_BYTES, TRUNCATE, RANDOM_FIELDS;

        boolean onMessage() {
            return ordinal() <= OUTPUT_SHAPE.ordinal();
        }
    }

    /** Numbers at and beyond what an int, a long, a tensor and a machine's memory hold. */
    private static final long[] NUMBERS = {0, -1, 1, 2, 3, 7, -7, 64, 65535, 65536, 1L << 20, Integer.MAX_VALUE,
        1L + Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE / 2,
        3_037_000_500L, -2, 100_000};
    private static final List<String> ATTRIBUTES = List.of("kernel_shape", "strides", "pads", "dilations", "group",
            "axis", "axes", "perm", "hidden_size", "direction", "transA", "transB", "alpha", "beta", "epsilon",
            "auto_pad", "ceil_mode", "count_include_pad", "shape", "value", "keepdims", "layout", "to", "mode",
            "storage_order", "allowzero", "linear_before_reset");
    private static final List<String> OP_TYPES = List.of("Conv", "Gemm", "MatMul", "MaxPool", "AveragePool",
            "GlobalAveragePool", "GlobalMaxPool", "BatchNormalization", "Add", "Sum", "Concat", "Flatten", "Reshape",
            "Squeeze", "Unsqueeze", "Transpose", "Dropout", "Identity", "Cast", "LSTM", "GRU", "Pad", "Constant",
            "Shape", "Gather", "Relu", "Sigmoid", "Tanh", "Softmax", "Clip", "LeakyRelu", "HardSwish", "Mul", "Swishy",
            "", "If", "Loop", "RNN", "ConvTranspose");
    private static final List<String> STRINGS = List.of("", "forward", "reverse", "bidirectional", "SAME_UPPER",
            "SAME_LOWER", "VALID", "NOTSET", "sideways", "\u0000", "x".repeat(5000), "😀");

    @Provide
    Arbitrary<byte[]> mutatedModels() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(Op.class),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.oneOf(Arbitraries.of(Arrays.stream(NUMBERS).boxed().toList()),
                        Arbitraries.longs().between(-100, 100_000))).as(Mutation::new);
        return Combinators.combine(Arbitraries.integers().between(0, SEEDS.size() - 1),
                mutation.list().ofMinSize(1).ofMaxSize(4)).as((i, list) -> apply(SEEDS.get(i), list));
    }

    static byte[] apply(OnnxProto.Model seed, List<Mutation> mutations) {
        OnnxProto.Model.Builder m = seed.toBuilder();
        byte[] bytes = null;
        for (Mutation mu : mutations) {
            if (mu.op().onMessage() && bytes == null) {
                mutate(m, mu);
            } else {
                if (bytes == null) {
                    bytes = m.build().toByteArray();
                }
                bytes = mutate(bytes, mu);
            }
        }
        return bytes != null ? bytes : m.build().toByteArray();
    }

    private static void mutate(OnnxProto.Model.Builder m, Mutation mu) {
        OnnxProto.Graph.Builder g = m.getGraphBuilder();
        int t = mu.target();
        long n = mu.number();
        OnnxProto.Node.Builder node = g.getNodeCount() == 0 ? null : g.getNodeBuilder(t % g.getNodeCount());
        switch (mu.op()) {
            case ATTRIBUTE_INTS, ATTRIBUTE_INT, ATTRIBUTE_TYPE, ATTRIBUTE_ADD -> {
                if (node == null) {
                    return;
                }
                String name = node.getAttributeCount() > 0 && mu.op() != Op.ATTRIBUTE_ADD
                        ? node.getAttribute(mu.other() % node.getAttributeCount()).getName()
                        : ATTRIBUTES.get(mu.other() % ATTRIBUTES.size());
                OnnxProto.Attribute.Builder a = OnnxProto.Attribute.newBuilder().setName(name);
                switch (mu.op()) {
                    case ATTRIBUTE_INTS -> {
                        a.setType(7);
                        for (int i = 0; i < mu.other() % 9; i++) {
                            a.addInts(i % 2 == 0 ? n : NUMBERS[(mu.other() + i) % NUMBERS.length]);
                        }
                    }
                    case ATTRIBUTE_INT -> a.setType(2).setI(n);
                    default -> {
                        switch (mu.other() % 5) {
                            case 0 -> a.setType(1).setF(n == 0 ? Float.NaN : n * 1e30f);
                            case 1 -> a.setType(3).setS(ByteString.copyFromUtf8(STRINGS.get((int) Math.floorMod(n,
                                    (long) STRINGS.size()))));
                            case 2 -> a.setType(4).setT(weight("t", Math.floorMod(n, 5)));
                            case 3 -> a.setType((int) n);
                            default -> a.setType(6).addFloats(1.5f).addFloats(Float.POSITIVE_INFINITY);
                        }
                    }
                }
                for (int i = 0; i < node.getAttributeCount(); i++) {
                    if (node.getAttribute(i).getName().equals(name)) {
                        node.removeAttribute(i);
                        break;
                    }
                }
                node.addAttribute(a);
            }
            case ATTRIBUTE_DROP -> {
                if (node != null && node.getAttributeCount() > 0) {
                    node.removeAttribute(mu.other() % node.getAttributeCount());
                }
            }
            case DIM, DIMS_COUNT, DIM_SYMBOLIC -> {
                if (g.getInputCount() == 0) {
                    return;
                }
                OnnxProto.TensorShape.Builder shape = g.getInputBuilder(t % g.getInputCount()).getTypeBuilder()
                        .getTensorTypeBuilder().getShapeBuilder();
                if (mu.op() == Op.DIMS_COUNT) {
                    if (mu.other() % 2 == 0 && shape.getDimCount() > 0) {
                        shape.removeDim(shape.getDimCount() - 1);
                    } else {
                        shape.addDim(OnnxProto.TensorShape.Dimension.newBuilder().setDimValue(n));
                    }
                } else if (shape.getDimCount() > 0) {
                    var d = shape.getDimBuilder(mu.other() % shape.getDimCount());
                    if (mu.op() == Op.DIM) {
                        d.setDimValue(n);
                    } else {
                        d.clearDimValue().setDimParam(mu.other() % 3 == 0 ? "" : "batch");
                    }
                }
            }
            case INITIALIZER_DIM, INITIALIZER_DROP, INITIALIZER_DATA, INITIALIZER_TYPE -> {
                if (g.getInitializerCount() == 0) {
                    return;
                }
                int i = t % g.getInitializerCount();
                OnnxProto.Tensor.Builder w = g.getInitializerBuilder(i);
                switch (mu.op()) {
                    case INITIALIZER_DIM -> {
                        if (w.getDimsCount() > 0 && mu.other() % 3 != 0) {
                            w.setDims(mu.other() % w.getDimsCount(), n);
                        } else {
                            w.addDims(n);
                        }
                    }
                    case INITIALIZER_DROP -> g.removeInitializer(i);
                    case INITIALIZER_DATA -> {
                        w.clearFloatData();
                        if (mu.other() % 2 == 0) {
                            w.setRawData(ByteString.copyFrom(new byte[(int) Math.floorMod(n, 4097L)]));
                        } else {
                            w.addInt64Data(n).addInt64Data(-n);
                        }
                    }
                    default -> w.setDataType((int) Math.floorMod(n, 20L) * (n < 0 ? -1 : 1));
                }
            }
            case NODE_DROP -> {
                if (node != null) {
                    g.removeNode(t % g.getNodeCount());
                }
            }
            case NODE_DUPLICATE -> {
                if (node != null) {
                    g.addNode(mu.other() % (g.getNodeCount() + 1), node.build());
                }
            }
            case NODE_OP_TYPE -> {
                if (node != null) {
                    node.setOpType(OP_TYPES.get(mu.other() % OP_TYPES.size()));
                }
            }
            case NODE_INPUT -> {
                if (node != null) {
                    // Another node's output (perhaps a later one: a cycle), a graph input, or a dangling name.
                    List<String> names = new ArrayList<>(List.of("", "nowhere", "x"));
                    g.getNodeList().forEach(o -> names.addAll(o.getOutputList()));
                    String name = names.get(mu.other() % names.size());
                    if (node.getInputCount() > 0 && n % 2 == 0) {
                        node.setInput((int) Math.floorMod(n, (long) node.getInputCount()), name);
                    } else {
                        node.addInput(name);
                    }
                }
            }
            case NODE_INPUT_DROP -> {
                if (node != null && node.getInputCount() > 0) {
                    List<String> inputs = new ArrayList<>(node.getInputList());
                    inputs.remove(mu.other() % inputs.size());
                    node.clearInput().addAllInput(inputs);
                }
            }
            case NODE_OUTPUT -> {
                if (node != null) {
                    List<String> outputs = new ArrayList<>(List.of("", "x", "y"));
                    g.getNodeList().forEach(o -> outputs.addAll(o.getOutputList()));
                    if (node.getOutputCount() > 0 && n % 2 == 0) {
                        node.setOutput(0, outputs.get(mu.other() % outputs.size()));
                    } else if (n % 3 == 0) {
                        node.clearOutput();
                    } else {
                        node.addOutput(outputs.get(mu.other() % outputs.size()));
                    }
                }
            }
            case INPUT_DROP -> {
                if (g.getInputCount() > 0) {
                    g.removeInput(t % g.getInputCount());
                } else {
                    g.addInput(value("x", n));
                }
            }
            case OPSET -> m.setOpsetImport(0, OnnxProto.OperatorSetId.newBuilder()
                    .setDomain(mu.other() % 4 == 0 ? "com.microsoft" : "").setVersion(n));
            case IR_VERSION -> m.setIrVersion(n);
            case OUTPUT_SHAPE -> {
                if (g.getOutputCount() > 0) {
                    g.setOutput(t % g.getOutputCount(), value(g.getOutput(t % g.getOutputCount()).getName(), n, n));
                }
            }
            default -> throw new IllegalStateException(mu.op().name());
        }
    }

    private static byte[] mutate(byte[] bytes, Mutation mu) {
        int at = bytes.length == 0 ? 0 : mu.target() % bytes.length;
        switch (mu.op()) {
            case TRUNCATE -> {
                return Arrays.copyOf(bytes, mu.other() % (bytes.length + 1));
            }
            case INSERT_BYTES, RANDOM_FIELDS -> {
                // Random protobuf-ish bytes: field tags of every wire type with varints and lengths at the extremes.
                java.util.Random r = new java.util.Random(mu.number() * 31 + mu.other());
                byte[] extra = new byte[1 + mu.other() % 24];
                r.nextBytes(extra);
                if (mu.op() == Op.RANDOM_FIELDS) {
                    return mu.other() % 2 == 0 ? extra : concat(extra, bytes);
                }
                byte[] out = new byte[bytes.length + extra.length];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(extra, 0, out, at, extra.length);
                System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
                return out;
            }
            default -> {
                if (bytes.length > 0) {
                    bytes[at] ^= (byte) (1 << (mu.other() % 8));
                }
                return bytes;
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
