package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.onnx.proto.OnnxProto;

/** A transformer's attention through the CLI: imported with --dim, evaluated with its MACs' shares. */
class TransformerCliTest {
    @TempDir
    Path dir;

    /** One attention head over seq_len tokens of 8 features: q = x·Wq, k = x·Wk, softmax(q·kᵀ)·x. */
    private Path attention() throws IOException {
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName("one-head")
                .addInput(value("x", "batch", "seq_len", 8L))
                .addOutput(value("y", "batch", "seq_len", 8L))
                .addInitializer(weight("wq", 8, 8)).addInitializer(weight("wk", 8, 8))
                .addNode(node("MatMul", "q", "q", "x", "wq"))
                .addNode(node("MatMul", "k", "k", "x", "wk"))
                .addNode(node("Transpose", "kt", "kt", "k")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("perm").setType(7)
                                .addInts(0).addInts(2).addInts(1)))
                .addNode(node("MatMul", "scores", "s", "q", "kt"))
                .addNode(node("Softmax", "probs", "p", "s"))
                .addNode(node("MatMul", "context", "y", "p", "x"));
        OnnxProto.Model m = OnnxProto.Model.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxProto.OperatorSetId.newBuilder().setDomain("").setVersion(17)).setGraph(g).build();
        Path p = dir.resolve("one-head.onnx");
        Files.write(p, m.toByteArray());
        return p;
    }

    private static OnnxProto.ValueInfo value(String name, Object... dims) {
        OnnxProto.TensorShape.Builder shape = OnnxProto.TensorShape.newBuilder();
        for (Object d : dims) {
            shape.addDim(d instanceof String s ? OnnxProto.TensorShape.Dimension.newBuilder().setDimParam(s)
                    : OnnxProto.TensorShape.Dimension.newBuilder().setDimValue((Long) d));
        }
        return OnnxProto.ValueInfo.newBuilder().setName(name).setType(OnnxProto.Type.newBuilder()
                .setTensorType(OnnxProto.Type.TensorType.newBuilder().setElemType(1).setShape(shape))).build();
    }

    private static OnnxProto.Tensor weight(String name, long rows, long cols) {
        OnnxProto.Tensor.Builder t = OnnxProto.Tensor.newBuilder().setName(name).setDataType(1).addDims(rows)
                .addDims(cols);
        for (int i = 0; i < rows * cols; i++) {
            t.addFloatData(0.1f);
        }
        return t.build();
    }

    private static OnnxProto.Node.Builder node(String op, String name, String output, String... inputs) {
        return OnnxProto.Node.newBuilder().setOpType(op).setName(name).addAllInput(Arrays.asList(inputs))
                .addOutput(output);
    }

    @Test
    void theSequenceLengthIsAFlagAndAttentionIsAMatmulLayer() throws IOException {
        CliRunner r = CliRunner.run("network", attention().toString(), "--dim", "seq_len=16", "--format", "csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // q·kᵀ: 16 × 8 × 16 MACs; p·x: 16 × 16 × 8.
        assertThat(r.out()).contains("scores,matmul,16x16,-,0,2048,").contains("context,matmul,16x8,-,0,2048,")
                .contains("q,linear,16x8,8x8,64,1024,");
    }

    @Test
    void withoutTheFlagTheSymbolicDimensionIsNamed() throws IOException {
        CliRunner r = CliRunner.run("network", attention().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'seq_len'").contains("graph.input[0]('x')").doesNotContain("Exception");
    }

    @Test
    void evaluateReportsTheSharesOfMacsAndPricesTheDigitalProducts() throws IOException {
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", attention().toString(),
                "--dim", "seq_len=16");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // 2 × 1,024 on crossbars and 2 × 2,048 on digital units: a third and two thirds.
        assertThat(r.out()).contains("MACs by where they run")
                .containsPattern("on crossbars\\s+2,048\\s+MACs  33\\.3 %")
                .containsPattern("on digital units \\(matmul\\)\\s+4,096\\s+MACs  66\\.7 %");
        String scores = r.out().lines().filter(l -> l.trim().startsWith("scores ")).findFirst().orElseThrow();
        assertThat(scores).as("the scores layer is priced").doesNotMatch("\\s*scores\\s+0\\s.*");
    }

    @Test
    void aBatchBelowOneIsRefused() throws IOException {
        CliRunner r = CliRunner.run("network", attention().toString(), "--dim", "seq_len=16", "--batch", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--batch must be at least 1");
    }
}
