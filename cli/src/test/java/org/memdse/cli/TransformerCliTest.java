package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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

    @Test
    void aDimWithoutItsNameIsRefused() throws IOException {
        CliRunner r = CliRunner.run("network", attention().toString(), "--dim", "=16");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--dim =16: give the symbolic dimension's name, as the file spells it, before '='");
    }

    // ---- bundled transformers on ISAAC: one chip is too small, two are enough -------------------

    @Test
    void aTransformerThatDoesNotFitOneChipSaysHowManyItNeeds() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "bert-base");
        assertThat(r.exitCode()).isEqualTo(1);
        // 21,750 crossbars of 128x128, 96 a tile: 227 tiles, 2 chips of 168.
        assertThat(r.err()).contains("bert-base needs 21750 crossbars of 128x128")
                .contains("it needs at least 227 such tiles, 2 chips of 168 tiles")
                .contains("a board: section with chips: 2").doesNotContain("Exception");
    }

    @Test
    void bertOnTwoIsaacChipsReportsItsSharesEnergyAndLatency() {
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce-2chip", "--network", "bert-base", "--mapper",
                "sequential");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // 12 layers x 2 x 128^2 x 768 = 301,989,888 MACs of attention on digital units, 2.7 % of 11.17 G.
        assertThat(r.out()).containsPattern("on crossbars\\s+1\\.087e\\+10\\s+MACs  97\\.3 %")
                .containsPattern("on digital units \\(matmul\\)\\s+301,989,888\\s+MACs  2\\.7 %")
                .containsPattern("on rewritten crossbars\\s+0\\s+MACs  0\\.0 %")
                .containsPattern("energy\\s+[0-9.]+e\\+11  pJ").contains("latency (layer by layer)")
                .contains("chips (2 on a line board");
        CliRunner json = CliRunner.run("evaluate", "--arch", "isaac-ce-2chip", "--network", "bert-base", "--mapper",
                "sequential", "--format", "json");
        assertThat(json.out()).contains("\"macs_by_where\": {\"crossbar\": 10872225792, \"digital\": 301989888, "
                + "\"rewritten_crossbar\": 0}");
    }

    // ---- decoding with a KV cache, token after token ---------------------------------------------

    /**
     * One attention head decoding one token of 8 features: k and v of the new token appended to the
     * cache past_k/past_v ([batch, past_len, 8]) as present_k/present_v, the query against them.
     */
    private Path decodingStep() throws IOException {
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName("one-head-step")
                .addInput(value("x", "batch", 1L, 8L))
                .addInput(value("past_k", "batch", "past_len", 8L)).addInput(value("past_v", "batch", "past_len", 8L))
                .addOutput(value("y", "batch", 1L, 8L))
                .addOutput(value("present_k", "batch", "total_len", 8L))
                .addOutput(value("present_v", "batch", "total_len", 8L))
                .addInitializer(weight("wq", 8, 8)).addInitializer(weight("wk", 8, 8)).addInitializer(weight("wv", 8, 8))
                .addNode(node("MatMul", "q", "q", "x", "wq"))
                .addNode(node("MatMul", "k", "k", "x", "wk"))
                .addNode(node("MatMul", "v", "v", "x", "wv"))
                .addNode(node("Concat", "cache_k", "present_k", "past_k", "k").addAttribute(axis(1)))
                .addNode(node("Concat", "cache_v", "present_v", "past_v", "v").addAttribute(axis(1)))
                .addNode(node("Transpose", "kt", "kt", "present_k")
                        .addAttribute(OnnxProto.Attribute.newBuilder().setName("perm").setType(7)
                                .addInts(0).addInts(2).addInts(1)))
                .addNode(node("MatMul", "scores", "s", "q", "kt"))
                .addNode(node("Softmax", "probs", "p", "s"))
                .addNode(node("MatMul", "context", "y", "p", "present_v"));
        OnnxProto.Model m = OnnxProto.Model.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxProto.OperatorSetId.newBuilder().setDomain("").setVersion(17)).setGraph(g).build();
        Path p = dir.resolve("one-head-step.onnx");
        Files.write(p, m.toByteArray());
        return p;
    }

    private static OnnxProto.Attribute axis(long a) {
        return OnnxProto.Attribute.newBuilder().setName("axis").setType(2).setI(a).build();
    }

    @Test
    void decodingReportsTheLatencyOfEveryTokenWithTheCache() throws IOException {
        Path step = decodingStep();
        CliRunner r = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", step.toString(), "--decode",
                "past_len=4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        // Token 1 reads 1 key and 1 value of 8 (16 values), token 4 reads 4 of each (64); each appends 16.
        assertThat(r.out()).contains("decoding 4 tokens with the KV cache (past_len = 1..4")
                .containsPattern("KV cache read, first token\\s+16  values")
                .containsPattern("KV cache read, last token\\s+64  values")
                .containsPattern("appended per token\\s+16  values")
                .containsPattern("latency per token, mean\\s+[0-9,.]+  ns")
                .containsPattern("decode time, 4 tokens\\s+[0-9,.]+  ns");
        CliRunner json = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", step.toString(), "--decode",
                "past_len=4", "--format", "json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        List<Double> perToken = numbers(json.out(), "\"latency_ns_by_token\": \\[([^\\]]*)\\]");
        assertThat(perToken).hasSize(4);
        for (int i = 1; i < perToken.size(); i++) {
            assertThat(perToken.get(i)).as("a longer cache takes no less time").isGreaterThanOrEqualTo(perToken.get(i - 1));
        }
        // The last token's step is the file evaluated at past_len = 4.
        CliRunner last = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", step.toString(), "--dim",
                "past_len=4", "--format", "json");
        assertThat(numbers(last.out(), "\"latency_ns\": ([0-9.eE+-]+)").get(0)).isEqualTo(perToken.get(3));
        double mean = perToken.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertThat(numbers(json.out(), "\"latency_ns_mean\": ([0-9.eE+-]+)").get(0))
                .isCloseTo(mean, org.assertj.core.data.Percentage.withPercentage(1e-9));
    }

    private static List<Double> numbers(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::trim).map(Double::parseDouble).toList();
    }

    @Test
    void decodingNeedsAnOnnxStepWithACacheSizedByTheDimension() throws IOException {
        CliRunner yaml = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", "bert-base", "--decode",
                "past_len=4");
        assertThat(yaml.exitCode()).isEqualTo(2);
        assertThat(yaml.err()).contains("--decode needs an ONNX decoding step with a KV cache");
        CliRunner noCache = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", attention().toString(),
                "--decode", "seq_len=4");
        assertThat(noCache.exitCode()).isEqualTo(2);
        assertThat(noCache.err()).contains("has no KV cache").doesNotContain("Exception");
        CliRunner bad = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", decodingStep().toString(),
                "--decode", "past_len");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("expected NAME=TOKENS");
        CliRunner both = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", decodingStep().toString(),
                "--decode", "past_len=4", "--dim", "past_len=3");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("both size 'past_len'");
    }

    // ---- shapes that no sequence length resolves -------------------------------------------------

    @Test
    void aShapeComputedAtRunTimeIsNamedWithFileAndNode() throws IOException {
        // The heads' Reshape takes its target shape from a graph input: known only when the model runs.
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName("runtime-shape")
                .addInput(value("x", "batch", "seq_len", 8L))
                .addInput(OnnxProto.ValueInfo.newBuilder().setName("target").setType(OnnxProto.Type.newBuilder()
                        .setTensorType(OnnxProto.Type.TensorType.newBuilder().setElemType(7)
                                .setShape(OnnxProto.TensorShape.newBuilder().addDim(
                                        OnnxProto.TensorShape.Dimension.newBuilder().setDimValue(3))))))
                .addOutput(value("y", "batch", "seq_len", 8L))
                .addInitializer(weight("wq", 8, 8))
                .addNode(node("MatMul", "q", "q", "x", "wq"))
                .addNode(node("Reshape", "split_heads", "y", "q", "target"));
        Path p = dir.resolve("runtime-shape.onnx");
        Files.write(p, OnnxProto.Model.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxProto.OperatorSetId.newBuilder().setDomain("").setVersion(17)).setGraph(g).build()
                .toByteArray());
        CliRunner r = CliRunner.run("network", p.toString(), "--dim", "seq_len=16");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("runtime-shape.onnx").contains("split_heads").contains("'target'")
                .doesNotContain("Exception").doesNotContain("\tat ");
        CliRunner e = CliRunner.run("evaluate", "--arch", "isaac-ce", "--network", p.toString(), "--dim", "seq_len=16");
        assertThat(e.exitCode()).isEqualTo(2);
        assertThat(e.err()).contains("runtime-shape.onnx").contains("split_heads");
    }

    @Test
    void sequenceLengthsThatDisagreeAreNamedAtTheNodeWhereTheyMeet() throws IOException {
        // Queries over seq_len tokens against keys over kv_len: the products need kv_len = seq_len.
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName("two-lengths")
                .addInput(value("x", "batch", "seq_len", 8L)).addInput(value("mem", "batch", "kv_len", 8L))
                .addOutput(value("y", "batch", "seq_len", 8L))
                .addNode(node("Add", "mix", "y", "x", "mem"));
        Path p = dir.resolve("two-lengths.onnx");
        Files.write(p, OnnxProto.Model.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxProto.OperatorSetId.newBuilder().setDomain("").setVersion(17)).setGraph(g).build()
                .toByteArray());
        CliRunner r = CliRunner.run("network", p.toString(), "--dim", "seq_len=16", "--dim", "kv_len=12");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("two-lengths.onnx").contains("mix").doesNotContain("Exception");
        CliRunner missing = CliRunner.run("network", p.toString(), "--dim", "seq_len=16");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("two-lengths.onnx").contains("'kv_len'").contains("--dim");
    }
}
