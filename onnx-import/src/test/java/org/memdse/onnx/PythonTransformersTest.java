package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NodeKind;

/**
 * BERT-base, ViT-B/16 and GPT-2 small written at full size by {@code src/test/python/make_transformers.py}
 * with Debian's python3-onnx helper API, layer by layer (issue 18), then checked by ONNX's own
 * checker and strict shape inference: memdse's import gives the bundled network YAML's parameter
 * and MAC totals exactly, the same MACs on crossbars (linear, conv) and on digital units (matmul),
 * and agrees with every intermediate shape ONNX inferred. Independent of {@link TransformerZoo}
 * (the same models built in Java with memdse's protobuf classes), so a slip in one builder does not
 * hide in both. The weights are external data in an empty file: the models are 65-80 kB. Without
 * python3-onnx every test is skipped with the reason (checked per test, as ResNet50ImportTest does).
 */
class PythonTransformersTest {
    private static final Logger LOG = Logger.getLogger(PythonTransformersTest.class.getName());
    @TempDir
    static Path dir;

    /** Why the models could not be generated, or null once they exist. */
    static String missing;

    @BeforeAll
    static void generate() throws IOException, InterruptedException {
        missing = PythonOnnx.missing();
        if (missing != null) {
            return;
        }
        long start = System.nanoTime();
        String out = PythonOnnx.run("make_transformers.py", 120, dir.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "make_transformers.py: " + millis + " ms\n" + out);
    }

    @BeforeEach
    void requirePythonOnnx() {
        assumeTrue(missing == null, missing);
    }

    private static long macs(NetworkGraph g, NodeKind kind) {
        return g.nodes().stream().filter(n -> n.kind() == kind).mapToLong(n -> g.stats(n).macs()).sum();
    }

    private static long count(NetworkGraph g, NodeKind kind) {
        return g.nodes().stream().filter(n -> n.kind() == kind).count();
    }

    @ParameterizedTest(name = "{0} at {1} tokens")
    @CsvSource({"bert-base, 128, 109482240, 11174215680", "vit-b16, 197, 86567656, 17563828224",
        "gpt2-small, 1024, 124439808, 145824153600"})
    void importsToTheBundledTotals(String id, long seqLen, long params, long totalMacs) {
        Path file = dir.resolve(id + ".onnx");
        NetworkGraph onnx = OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", seqLen)));
        NetworkGraph yaml = TransformerZooTest.bundled(id);
        // The published counts (the YAML headers' hand counts, BundledNetworksTest), then the YAML's own.
        assertThat(onnx.totals().params()).as("parameters").isEqualTo(params).isEqualTo(yaml.totals().params());
        assertThat(onnx.totals().macs()).as("MACs").isEqualTo(totalMacs).isEqualTo(yaml.totals().macs());
        for (NodeKind k : new NodeKind[] {NodeKind.LINEAR, NodeKind.CONV2D, NodeKind.MATMUL}) {
            assertThat(macs(onnx, k)).as("MACs of %s layers", k.key()).isEqualTo(macs(yaml, k));
            assertThat(count(onnx, k)).as("%s layers", k.key()).isEqualTo(count(yaml, k));
        }
        assertThat(count(onnx, NodeKind.LAYER_NORM)).isEqualTo(count(yaml, NodeKind.LAYER_NORM));
        assertThat(count(onnx, NodeKind.EMBEDDING)).isEqualTo(count(yaml, NodeKind.EMBEDDING));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bert-base, 128", "vit-b16, 197", "gpt2-small, 1024"})
    void everyShapeOnnxInferredIsTheImportersShape(String id, long seqLen) {
        Path file = dir.resolve(id + ".onnx");
        OnnxModel model = OnnxModelReader.read(file);
        OnnxNetwork network = OnnxNetworkReader.readLayers(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", seqLen)));
        int compared = 0;
        for (OnnxValueInfo v : model.graph().valueInfos()) {
            boolean computed = network.layers().stream().anyMatch(l -> l.onnxValues().contains(v.name()));
            if (!computed) {
                continue; // folded into a neighbour (a constant's transpose, a scalar operand)
            }
            List<Long> recorded = v.shape().orElseThrow().stream()
                    .map(d -> d.isKnown() ? d.value() : d.symbol().equals("seq_len") ? seqLen : 1L).toList();
            assertThat(DebianModelsTest.inferredShape(network, v.name())).as(v.name()).isEqualTo(recorded);
            compared++;
        }
        int shapes = compared;
        LOG.info(() -> id + ": " + shapes + " of " + model.graph().valueInfos().size() + " inferred shapes compared");
        // All of them but GPT-2's transposed token table, which the tied LM head reads as its weights.
        assertThat(compared).as("shapes compared").isEqualTo(model.graph().valueInfos().size()
                - (id.equals("gpt2-small") ? 1 : 0));
    }
}
