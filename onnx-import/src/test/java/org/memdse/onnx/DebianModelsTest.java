package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.memdse.core.spec.SpecException;

/**
 * Every model of Debian's {@code libonnx-testdata} in the PyTorch folders, and the node tests of
 * the operators memdse imports: a model built only from supported operators must import, and
 * every graph output must have the shape ONNX itself records (graph.output and the reference
 * output tensor of test_data_set_0); a model with another operator must fail naming it. Without
 * the package each factory gives one test, skipped with the reason.
 */
class DebianModelsTest {
    /** Operators the importer supports (handled, folded or constant-folded). */
    static final Set<String> SUPPORTED = Set.of("Conv", "Gemm", "MatMul", "MaxPool", "AveragePool",
            "GlobalAveragePool", "GlobalMaxPool", "BatchNormalization", "Add", "Sum", "Concat", "Flatten", "Reshape",
            "Squeeze", "Unsqueeze", "Transpose", "Dropout", "Identity", "Cast", "LSTM", "GRU", "Pad", "Constant",
            "Shape", "Relu", "Sigmoid", "Tanh", "LeakyRelu", "Softmax", "LogSoftmax", "Elu", "Selu", "Celu",
            "HardSigmoid", "HardSwish", "Softplus", "Softsign", "PRelu", "Gelu", "Mish", "ThresholdedRelu", "Clip",
            "Hardmax", "Erf", "LayerNormalization", "Mul", "Div", "Sub", "Pow", "Sqrt", "Reciprocal", "Exp", "Neg",
            "Max", "Min", "Where", "Gather");

    /** node/ tests of the operators in issue 3's list. */
    static final List<String> NODE_PREFIXES = List.of("test_conv_", "test_gemm_", "test_matmul_", "test_relu",
            "test_sigmoid", "test_tanh", "test_leakyrelu", "test_softmax_", "test_maxpool_", "test_averagepool_",
            "test_globalaveragepool", "test_globalmaxpool", "test_batchnorm_", "test_add", "test_concat_",
            "test_flatten_", "test_reshape_", "test_dropout_", "test_identity", "test_lstm_", "test_gru_",
            "test_constant_pad", "test_clip", "test_elu", "test_selu", "test_hardsigmoid", "test_softplus",
            "test_softsign", "test_prelu");

    /**
     * Node tests that are not inference networks memdse can take, by name prefix, with the error
     * they must give: values fed at run time where memdse needs constants, training-mode outputs,
     * graphs that compute nothing, and sequence/optional types.
     */
    static final Map<String, String> EXPECTED_ERRORS = Map.of(
            "test_reshape_", "not a constant in the file",
            "test_constant_pad", "not a constant in the file",
            "test_batchnorm_epsilon_training_mode", "training mode",
            "test_batchnorm_example_training_mode", "training mode",
            "test_dropout_", "the graph has no layers",
            "test_identity_opt", "records no shape",
            "test_identity_sequence", "records no shape",
            "test_identity", "the graph has no layers");

    @TestFactory
    Stream<DynamicTest> pytorchModelsAgreeWithOnnxShapes() {
        return DebianTestData.perModel(Stream.of("pytorch-converted", "pytorch-operator"), dir -> true,
                DebianModelsTest::check);
    }

    @TestFactory
    Stream<DynamicTest> nodeTestsAgreeWithOnnxShapes() {
        return DebianTestData.perModel(Stream.of("node"), dir -> NODE_PREFIXES.stream()
                .anyMatch(prefix -> dir.getFileName().toString().startsWith(prefix))
                // the *_expanded variants spell Softmax out in ReduceMax/Exp/Div: not the operator under test
                && !dir.getFileName().toString().endsWith("_expanded"), DebianModelsTest::check);
    }

    private static void check(Path dir) {
        Path file = dir.resolve("model.onnx");
        OnnxModel model = OnnxModelReader.read(file);
        Set<String> unsupported = model.graph().nodes().stream().map(OnnxNode::opType)
                .filter(op -> !SUPPORTED.contains(op)).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!unsupported.isEmpty()) {
            assertThatThrownBy(() -> OnnxNetworkReader.readLayers(file, OnnxImportOptions.defaults()))
                    .isInstanceOf(SpecException.class)
                    .hasMessageContaining("graph.node[")
                    .satisfies(e -> assertThat(unsupported).anyMatch(op -> e.getMessage()
                            .contains("unsupported operator " + op)));
            return;
        }
        String expectedError = EXPECTED_ERRORS.entrySet().stream()
                .filter(e -> dir.getFileName().toString().startsWith(e.getKey()))
                .sorted((a, b) -> b.getKey().length() - a.getKey().length()).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (expectedError != null) {
            assertThatThrownBy(() -> OnnxNetworkReader.readLayers(file, OnnxImportOptions.defaults()))
                    .isInstanceOf(SpecException.class).hasMessageContaining(expectedError);
            return;
        }
        OnnxNetwork network = OnnxNetworkReader.readLayers(file, OnnxImportOptions.defaults());
        List<OnnxValueInfo> outputs = model.graph().outputs();
        for (int i = 0; i < outputs.size(); i++) {
            String name = outputs.get(i).name();
            List<Long> inferred = inferredShape(network, name);
            List<Long> recorded = outputs.get(i).shape().orElseThrow().stream().map(OnnxDim::value).toList();
            assertThat(inferred).as("output '%s' vs graph.output", name).isEqualTo(recorded);
            if (DebianTestData.hasReferenceOutput(dir, i)) {
                assertThat(inferred).as("output '%s' vs test_data_set_0/output_%d.pb", name, i)
                        .isEqualTo(DebianTestData.referenceOutputDims(dir, i));
            }
        }
    }

    /** The shape of an ONNX value: its layer's output, or the recurrent state it names. */
    static List<Long> inferredShape(OnnxNetwork network, String value) {
        OnnxLayer layer = network.layers().stream().filter(l -> l.onnxValues().contains(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no layer computes " + value));
        if (layer.op() instanceof LayerOp.Recurrent r && !layer.onnxValues().get(0).equals(value)
                || layer.op() instanceof LayerOp.Recurrent r2 && !r2.returnSequences()) {
            LayerOp.Recurrent rec = (LayerOp.Recurrent) layer.op();
            long batch = layer.inputShapes().get(0).get(rec.batchFirst() ? 0 : 1);
            return rec.batchFirst() ? List.of(batch, (long) rec.directions(), rec.hiddenSize())
                    : List.of((long) rec.directions(), batch, rec.hiddenSize());
        }
        return layer.outputShape();
    }
}
