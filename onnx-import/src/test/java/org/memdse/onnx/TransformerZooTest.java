package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NodeKind;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecSource;
import org.memdse.onnx.proto.OnnxProto;

/**
 * The bundled BERT-base, ViT-B/16 and GPT-2 small built again as ONNX models at full size
 * ({@link TransformerZoo}, as PyTorch exports them) import to the same totals as their network
 * YAML: parameters, MACs, and MACs on crossbars (weight layers) and on digital units (attention's
 * products), at the YAML's sequence length.
 */
class TransformerZooTest {
    @TempDir
    Path dir;

    static NetworkGraph bundled(String id) {
        return NetworkReader.read(SpecSource.ofResource(TransformerZooTest.class.getClassLoader(),
                "org/memdse/architectures/networks/" + id + ".yaml"));
    }

    private static long macs(NetworkGraph g, NodeKind kind) {
        return g.nodes().stream().filter(n -> n.kind() == kind).mapToLong(n -> g.stats(n).macs()).sum();
    }

    private static long count(NetworkGraph g, NodeKind kind) {
        return g.nodes().stream().filter(n -> n.kind() == kind).count();
    }

    static Stream<Arguments> models() {
        return Stream.of(Arguments.of("bert-base", 128, (Function<Boolean, OnnxProto.Model.Builder>) TransformerZoo::bert),
                Arguments.of("vit-b16", 197, (Function<Boolean, OnnxProto.Model.Builder>) TransformerZoo::vit),
                Arguments.of("gpt2-small", 1024, (Function<Boolean, OnnxProto.Model.Builder>) TransformerZoo::gpt2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theOnnxVersionImportsToTheBundledTotals(String id, int seqLen, Function<Boolean, OnnxProto.Model.Builder> model)
            throws IOException {
        Path file = dir.resolve(id + ".onnx");
        Files.write(file, model.apply(false).build().toByteArray());
        NetworkGraph onnx = OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", (long) seqLen)));
        NetworkGraph yaml = bundled(id);
        assertThat(onnx.totals().params()).as("parameters").isEqualTo(yaml.totals().params());
        assertThat(onnx.totals().macs()).as("MACs").isEqualTo(yaml.totals().macs());
        for (NodeKind k : new NodeKind[] {NodeKind.LINEAR, NodeKind.CONV2D, NodeKind.MATMUL}) {
            assertThat(macs(onnx, k)).as("MACs of %s layers", k.key()).isEqualTo(macs(yaml, k));
            assertThat(count(onnx, k)).as("%s layers", k.key()).isEqualTo(count(yaml, k));
        }
        assertThat(count(onnx, NodeKind.LAYER_NORM)).isEqualTo(count(yaml, NodeKind.LAYER_NORM));
        assertThat(count(onnx, NodeKind.EMBEDDING)).isEqualTo(count(yaml, NodeKind.EMBEDDING));
    }

    @Test
    void gpt2sHeadIsTiedToItsTokenTable() throws IOException {
        Path file = dir.resolve("gpt2.onnx");
        Files.write(file, TransformerZoo.gpt2(false).build().toByteArray());
        NetworkGraph g = OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", 128L)));
        assertThat(g.stats("lm_head").weights().orElseThrow()).hasToString("768x50257");
        assertThat(g.stats("lm_head").params()).isZero();
        assertThat(g.totals().params()).isEqualTo(124_439_808L);
    }

    @Test
    void bertsPoolerTakesTheFirstToken() throws IOException {
        Path file = dir.resolve("bert.onnx");
        Files.write(file, TransformerZoo.bert(false).build().toByteArray());
        NetworkGraph g = OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", 128L)));
        assertThat(g.nodes()).filteredOn(n -> n.kind() == NodeKind.SELECT).singleElement()
                .satisfies(n -> assertThat(g.stats(n).outputShape()).hasToString("768"));
        assertThat(g.totals().params()).isEqualTo(109_482_240L);
    }
}
