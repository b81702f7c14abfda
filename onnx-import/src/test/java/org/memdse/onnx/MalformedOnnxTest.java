package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.spec.SpecException;
import org.memdse.onnx.proto.OnnxProto;

/** Broken ONNX input: each must give a SpecException with a clear message, never a stack trace. */
class MalformedOnnxTest {
    @TempDir
    Path dir;

    /** conv1 (Conv 3→8, 3×3) → relu1 → gap → fc (Gemm 8→10): small, with every kind of reference. */
    static OnnxProto.Model.Builder smallCnn() {
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName("small")
                .addInput(value("x", 1, 3, 8, 8))
                .addOutput(value("y", 1, 10))
                .addInitializer(weight("w1", 8, 3, 3, 3))
                .addInitializer(weight("b1", 8))
                .addInitializer(weight("wf", 10, 8))
                .addNode(node("Conv", "conv1", new String[] {"x", "w1", "b1"}, "c1")
                        .addAttribute(ints("kernel_shape", 3, 3)).addAttribute(ints("pads", 1, 1, 1, 1)))
                .addNode(node("Relu", "relu1", new String[] {"c1"}, "r1"))
                .addNode(node("GlobalAveragePool", "gap", new String[] {"r1"}, "p1"))
                .addNode(node("Flatten", "flat", new String[] {"p1"}, "f1"))
                .addNode(node("Gemm", "fc", new String[] {"f1", "wf"}, "y")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("transB").setType(2).setI(1)));
        return OnnxProto.Model.newBuilder().setIrVersion(7)
                .addOpsetImport(OnnxProto.OperatorSetId.newBuilder().setDomain("").setVersion(13)).setGraph(g);
    }

    static OnnxProto.ValueInfo value(String name, long... dims) {
        OnnxProto.TensorShape.Builder shape = OnnxProto.TensorShape.newBuilder();
        for (long d : dims) {
            shape.addDim(OnnxProto.TensorShape.Dimension.newBuilder().setDimValue(d));
        }
        return OnnxProto.ValueInfo.newBuilder().setName(name).setType(OnnxProto.Type.newBuilder()
                .setTensorType(OnnxProto.Type.TensorType.newBuilder().setElemType(1).setShape(shape))).build();
    }

    static OnnxProto.Tensor weight(String name, long... dims) {
        long n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        OnnxProto.Tensor.Builder t = OnnxProto.Tensor.newBuilder().setName(name).setDataType(1);
        Arrays.stream(dims).forEach(t::addDims);
        for (long i = 0; i < n; i++) {
            t.addFloatData(0.5f);
        }
        return t.build();
    }

    static OnnxProto.Node.Builder node(String op, String name, String[] inputs, String output) {
        return OnnxProto.Node.newBuilder().setOpType(op).setName(name).addAllInput(Arrays.asList(inputs))
                .addOutput(output);
    }

    static OnnxProto.Attribute ints(String name, long... values) {
        OnnxProto.Attribute.Builder a = OnnxProto.Attribute.newBuilder().setName(name).setType(7);
        Arrays.stream(values).forEach(a::addInts);
        return a.build();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private Path write(String name, OnnxProto.Model.Builder model) throws IOException {
        return write(name, model.build().toByteArray());
    }

    private static SpecException failure(Path file) {
        try {
            OnnxNetworkReader.read(file, OnnxImportOptions.defaults());
        } catch (SpecException e) {
            assertThat(e.diagnostics()).isNotEmpty();
            assertThat(e.diagnostics().get(0).position().file()).isEqualTo(file.toString());
            return e;
        }
        throw new AssertionError("no SpecException for " + file);
    }

    @Test
    void theWellFormedBaseImports() throws IOException {
        Path file = write("ok.onnx", smallCnn());
        assertThat(OnnxNetworkReader.isOnnx(file)).isTrue();
        var graph = OnnxNetworkReader.read(file, OnnxImportOptions.defaults());
        assertThat(graph.nodes()).extracting(n -> n.name()).containsExactly("x", "conv1", "gap", "flat", "fc");
        assertThat(graph.stats("fc").outputShape().dims()).containsExactly(10);
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(failure(write("empty.onnx", new byte[0]))).hasMessageContaining("the file is empty");
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] whole = smallCnn().build().toByteArray();
        Path file = write("cut.onnx", Arrays.copyOf(whole, whole.length - 37));
        assertThat(failure(file)).hasMessageContaining("not a valid protobuf").hasMessageContaining("truncated");
    }

    @Test
    void wrongMagicYamlText() throws IOException {
        Path file = write("net.onnx", "name: lenet\nlayers:\n  - conv: {out: 6}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(OnnxNetworkReader.isOnnx(file)).isFalse();
        assertThat(failure(file)).hasMessageContaining("not an ONNX model");
    }

    @Test
    void wrongMagicPngHeader() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = write("picture.onnx", png);
        assertThat(OnnxNetworkReader.isOnnx(file)).isFalse();
        assertThat(failure(file)).hasMessageContaining("not an ONNX model");
    }

    @Test
    void protobufWithoutIrVersion() throws IOException {
        Path file = write("noir.onnx", smallCnn().clearIrVersion());
        assertThat(OnnxNetworkReader.isOnnx(file)).isFalse();
        assertThat(failure(file)).hasMessageContaining("no ir_version");
    }

    @Test
    void missingGraph() throws IOException {
        assertThat(failure(write("nograph.onnx", smallCnn().clearGraph()))).hasMessageContaining("has no graph");
    }

    @Test
    void missingInitializer() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().removeInitializer(0);
        assertThat(failure(write("now.onnx", m)))
                .hasMessageContaining("graph.node[0](Conv 'conv1')")
                .hasMessageContaining("'w1' is not a graph input, an initializer, or the output of any node");
    }

    @Test
    void danglingInputNameWithSuggestion() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().getNodeBuilder(1).setInput(0, "c2");
        assertThat(failure(write("dangling.onnx", m)))
                .hasMessageContaining("graph.node[1](Relu 'relu1')")
                .hasMessageContaining("'c2'").hasMessageContaining("did you mean 'c1'");
    }

    @Test
    void weightChannelsDoNotMatchInput() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().setInitializer(0, weight("w1", 8, 4, 3, 3));
        assertThat(failure(write("channels.onnx", m)))
                .hasMessageContaining("graph.node[0](Conv 'conv1')")
                .hasMessageContaining("shape mismatch").hasMessageContaining("4 input channels");
    }

    @Test
    void recordedOutputShapeDisagrees() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().setOutput(0, value("y", 1, 12));
        assertThat(failure(write("recorded.onnx", m)))
                .hasMessageContaining("graph.node[4](Gemm 'fc')")
                .hasMessageContaining("shape mismatch: output 'y' has shape [1, 10]")
                .hasMessageContaining("records [1, 12]");
    }

    @Test
    void initializerDataDoesNotFitDims() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().setInitializer(1, weight("b1", 8).toBuilder().clearDims().addDims(9).build());
        assertThat(failure(write("data.onnx", m)))
                .hasMessageContaining("graph.initializer[1]('b1')")
                .hasMessageContaining("holds 8 elements of FLOAT, but dims [9] need 9");
    }

    @Test
    void unknownOperatorNamesItAndItsNode() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().getNodeBuilder(1).setOpType("Swishy");
        assertThat(failure(write("unknown.onnx", m)))
                .hasMessageContaining("graph.node[1](Swishy 'relu1')")
                .hasMessageContaining("unsupported operator Swishy")
                .hasMessageContaining("--skip-unsupported");
    }

    @Test
    void unknownOperatorCanBeSkipped() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().getNodeBuilder(1).setOpType("Swishy");
        var graph = OnnxNetworkReader.read(write("skip.onnx", m), OnnxImportOptions.defaults().withSkipUnsupported(true));
        assertThat(graph.stats("relu1").outputShape().dims()).containsExactly(8, 8, 8);
        assertThat(graph.stats("fc").outputShape().dims()).containsExactly(10);
    }

    @Test
    void cycle() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        // relu1 reads the pooled value, which is computed from relu1's own output.
        m.getGraphBuilder().getNodeBuilder(1).setInput(0, "p1");
        assertThat(failure(write("cycle.onnx", m))).hasMessageContaining("cycle");
    }

    @Test
    void valueProducedTwice() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().getNodeBuilder(2).setOutput(0, "r1");
        assertThat(failure(write("twice.onnx", m)))
                .hasMessageContaining("graph.node[2](GlobalAveragePool 'gap')")
                .hasMessageContaining("output 'r1' is already produced");
    }

    @Test
    void symbolicInputDimensionNeedsAValue() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        OnnxProto.ValueInfo.Builder x = m.getGraphBuilder().getInputBuilder(0);
        x.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(2).clearDimValue().setDimParam("height");
        assertThat(failure(write("symbolic.onnx", m)))
                .hasMessageContaining("graph.input[0]('x') dimension 2 is symbolic ('height')");
        var graph = OnnxNetworkReader.read(dir.resolve("symbolic.onnx"),
                OnnxImportOptions.defaults().withDimensionValues(java.util.Map.of("height", 8L)));
        assertThat(graph.stats("conv1").outputShape().dims()).containsExactly(8, 8, 8);
    }

    @Test
    void missingRequiredAttribute() throws IOException {
        OnnxProto.Model.Builder m = smallCnn();
        m.getGraphBuilder().getNodeBuilder(2).setOpType("MaxPool");
        assertThat(failure(write("attr.onnx", m)))
                .hasMessageContaining("graph.node[2](MaxPool 'gap')")
                .hasMessageContaining("'kernel_shape' is missing");
    }

    @Test
    void everyTruncationIsASpecException() throws IOException {
        byte[] whole = smallCnn().build().toByteArray();
        for (int len = 1; len < whole.length; len += 7) {
            Path file = write("cut" + len + ".onnx", Arrays.copyOf(whole, len));
            try {
                OnnxNetworkReader.read(file, OnnxImportOptions.defaults());
            } catch (SpecException expected) {
                assertThat(expected.getMessage()).contains(file.toString());
            }
        }
    }
}
