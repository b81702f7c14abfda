package org.memdse.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.memdse.onnx.TransformerModels.D;
import static org.memdse.onnx.TransformerModels.F;
import static org.memdse.onnx.TransformerModels.H;
import static org.memdse.onnx.TransformerModels.HEADS;
import static org.memdse.onnx.TransformerModels.POSITIONS;
import static org.memdse.onnx.TransformerModels.VOCAB;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NodeKind;
import org.memdse.core.spec.SpecException;
import org.memdse.onnx.proto.OnnxProto;

/** Transformer blocks from ONNX: weight products on crossbars, attention's products and the rest digital. */
class TransformerImportTest {
    @TempDir
    Path dir;

    private Path write(String name, OnnxProto.Model.Builder model) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, model.build().toByteArray());
        return p;
    }

    private static long macs(NetworkGraph g, NodeKind kind) {
        return g.nodes().stream().filter(n -> n.kind() == kind).mapToLong(n -> g.stats(n).macs()).sum();
    }

    private static long count(NetworkGraph g, NodeKind kind) {
        return g.nodes().stream().filter(n -> n.kind() == kind).count();
    }

    @Test
    void encoderBlockPutsWeightProductsOnCrossbarsAndAttentionOnDigitalUnits() throws IOException {
        Path file = write("bert-block.onnx", TransformerModels.encoder());
        int s = 32;
        NetworkGraph g = OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", (long) s)));
        // Q, K, V, output projection and the two feed-forward layers: 6 weight matrices.
        assertThat(count(g, NodeKind.LINEAR)).isEqualTo(6);
        assertThat(macs(g, NodeKind.LINEAR)).isEqualTo(4L * s * H * H + 2L * s * H * F);
        // Scores Q·Kᵀ and weighted values P·V, per head: S × d × S each.
        assertThat(count(g, NodeKind.MATMUL)).isEqualTo(2);
        assertThat(macs(g, NodeKind.MATMUL)).isEqualTo(2L * HEADS * s * D * s);
        assertThat(count(g, NodeKind.LAYER_NORM)).isEqualTo(3);
        assertThat(count(g, NodeKind.EMBEDDING)).isEqualTo(2);
        NetworkNode scores = g.nodes().stream().filter(n -> n.kind() == NodeKind.MATMUL).findFirst().orElseThrow();
        assertThat(g.stats(scores).outputShape().dims()).containsExactly(HEADS, s, s);
        assertThat(g.stats(scores).weights()).isEmpty();
        // Every parameter: tables, 4 attention matrices with biases, the feed-forward pair, 3 layer norms.
        long params = (long) VOCAB * H + (long) POSITIONS * H + 4L * (H * H + H) + (H * F + F) + (F * H + H)
                + 3L * 2 * H;
        assertThat(g.totals().params()).isEqualTo(params);
        // The mask (Where), the scaling (Div) and the decomposed GELU (Div, Erf, Add, Mul, Mul) are digital.
        assertThat(g.nodes().stream().filter(n -> n.kind() == NodeKind.ELEMENTWISE).count()).isEqualTo(7);
        assertThat(g.nodes().stream().filter(n -> n.kind() == NodeKind.ACTIVATION).count()).isEqualTo(1);
    }

    @Test
    void theSequenceLengthScalesAttentionQuadraticallyAndWeightsLinearly() throws IOException {
        Path file = write("bert-block.onnx", TransformerModels.encoder());
        NetworkGraph g64 = OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", 64L)));
        NetworkGraph g128 = OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", 128L)));
        assertThat(macs(g128, NodeKind.LINEAR)).isEqualTo(2 * macs(g64, NodeKind.LINEAR));
        assertThat(macs(g128, NodeKind.MATMUL)).isEqualTo(4 * macs(g64, NodeKind.MATMUL));
        assertThat(g128.totals().params()).isEqualTo(g64.totals().params());
    }

    @Test
    void aSymbolicSequenceLengthWithoutASizeNamesTheInputAndTheOption() throws IOException {
        Path file = write("bert-block.onnx", TransformerModels.encoder());
        assertThatThrownBy(() -> OnnxNetworkReader.read(file, OnnxImportOptions.defaults()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("bert-block.onnx")
                .hasMessageContaining("graph.input[0]('input_ids')")
                .hasMessageContaining("'seq_len'");
    }

    @Test
    void aDecodingStepReadsTheKvCacheAndGrowsIt() throws IOException {
        Path file = write("gpt-step.onnx", TransformerModels.decoderStep());
        int past = 127;
        NetworkGraph g = OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("past_len", (long) past)));
        // The new token against past + 1 keys and values, per head: (past + 1) × d MACs each.
        assertThat(macs(g, NodeKind.MATMUL)).isEqualTo(2L * HEADS * (past + 1) * D);
        // One token through six weight matrices and the LM head.
        assertThat(macs(g, NodeKind.LINEAR)).isEqualTo(4L * H * H + 2L * H * F + (long) H * VOCAB);
        NetworkNode cache = g.nodes().stream().filter(n -> n.name().equals("cache_k")).findFirst().orElseThrow();
        assertThat(cache.kind()).isEqualTo(NodeKind.CONCAT);
        assertThat(g.stats(cache).outputShape().dims()).containsExactly(HEADS, past + 1, D);
        // The cache comes in as a network input: its bits are traffic of every step.
        assertThat(g.stats(cache).inputActivations()).isEqualTo((long) HEADS * (past + 1) * D);
        OnnxKvCache kv = OnnxKvCache.of(OnnxNetworkReader.readLayers(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("past_len", (long) past))));
        assertThat(kv.inputs()).containsExactly("past_key", "past_value");
        assertThat(kv.pastValues()).isEqualTo(2L * HEADS * past * D);
        assertThat(kv.appendedValues()).isEqualTo(2L * HEADS * D);
    }

    @Test
    void aLayerNormOverSeveralAxesIsNamedWithItsNode() throws IOException {
        OnnxProto.Model.Builder m = TransformerModels.encoder();
        OnnxProto.Graph.Builder g = m.getGraphBuilder();
        for (int i = 0; i < g.getNodeCount(); i++) {
            if (g.getNode(i).getOpType().equals("LayerNormalization")) {
                g.getNodeBuilder(i).clearAttribute().addAttribute(OnnxProto.Attribute.newBuilder().setName("axis")
                        .setType(2).setI(1));
                break;
            }
        }
        Path file = write("ln-axis.onnx", m);
        assertThatThrownBy(() -> OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", 8L))))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("LayerNormalization")
                .hasMessageContaining("last axis only");
    }

    @Test
    void anUnsupportedOperatorIsNamedWithItsNode() throws IOException {
        OnnxProto.Model.Builder m = TransformerModels.encoder();
        OnnxProto.Graph.Builder g = m.getGraphBuilder();
        for (int i = 0; i < g.getNodeCount(); i++) {
            if (g.getNode(i).getOpType().equals("Softmax")) {
                g.getNodeBuilder(i).setOpType("CumSum");
                break;
            }
        }
        Path file = write("cumsum.onnx", m);
        assertThatThrownBy(() -> OnnxNetworkReader.read(file, OnnxImportOptions.defaults()
                .withDimensionValues(Map.of("seq_len", 8L))))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("CumSum 'softmax_")
                .hasMessageContaining("unsupported operator CumSum");
    }
}
