package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Shape;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/** The layer kinds of transformers in network YAML: their shapes and counts. */
class TransformerLayersTest {
    private static NetworkGraph read(String yaml) {
        return NetworkReader.read(SpecSource.ofText("net.yaml", yaml));
    }

    private static final String BLOCK = """
            name: t
            layers:
              - {name: ids, kind: input, shape: [10]}
              - {name: emb, kind: embedding, vocabulary: 100, features: 8}
              - {name: ln, kind: layer-norm}
              - {name: q, kind: linear, out_features: 8}
              - {name: qh, kind: reshape, shape: [2, 10, 4]}
              - {name: kh, kind: reshape, shape: [2, 4, 10], inputs: [q]}
              - {name: scores, kind: matmul, inputs: [qh, kh]}
              - {name: masked, kind: elementwise, op: where}
              - {name: probs, kind: activation, function: softmax}
              - {name: ctx, kind: matmul, inputs: [probs, qh]}
            """;

    @Test
    void attentionProductsCountTheirMacsAndHoldNoWeights() {
        NetworkGraph g = read(BLOCK);
        assertThat(g.stats("scores").outputShape()).isEqualTo(Shape.of(2, 10, 10));
        assertThat(g.stats("scores").macs()).isEqualTo(2L * 10 * 4 * 10);
        assertThat(g.stats("scores").digitalOps()).isEqualTo(2L * 10 * 4 * 10);
        assertThat(g.stats("scores").weights()).isEmpty();
        assertThat(g.stats("ctx").outputShape()).isEqualTo(Shape.of(2, 10, 4));
    }

    @Test
    void embeddingsAndLayerNormsCarryTheirParameters() {
        NetworkGraph g = read(BLOCK);
        assertThat(g.stats("emb").outputShape()).isEqualTo(Shape.of(10, 8));
        assertThat(g.stats("emb").params()).isEqualTo(800);
        assertThat(g.stats("emb").macs()).isZero();
        assertThat(g.stats("ln").params()).isEqualTo(16);
        // 7 operations per element and 4 per row of 8.
        assertThat(g.stats("ln").digitalOps()).isEqualTo(7L * 80 + 4L * 10);
        assertThat(g.stats("masked").digitalOps()).isEqualTo(200);
    }

    @Test
    void mismatchedProductsAreNamedWithBothShapes() {
        assertThatThrownBy(() -> read("""
                name: t
                layers:
                  - {name: a, kind: input, shape: [3, 4]}
                  - {name: b, kind: input, shape: [5, 6]}
                  - {name: p, kind: matmul, inputs: [a, b]}
                """)).isInstanceOf(SpecException.class)
                .hasMessageContaining("matmul 'p'").hasMessageContaining("'a' (3x4) has 4 columns")
                .hasMessageContaining("'b' (5x6) has 5 rows");
    }

    @Test
    void aMatmulNeedsTwoInputs() {
        assertThatThrownBy(() -> read("""
                name: t
                layers:
                  - {name: a, kind: input, shape: [3, 4]}
                  - {name: p, kind: matmul}
                """)).isInstanceOf(SpecException.class).hasMessageContaining("multiplies exactly 2 inputs, found 1");
    }

    private static final String LM = """
            name: lm
            layers:
              - {name: ids, kind: input, shape: [10]}
              - {name: wte, kind: embedding, vocabulary: 100, features: 8}
              - {name: cls, kind: select, axis: 0, index: 0, inputs: wte}
              - {name: head, kind: linear, out_features: 100, bias: false, tied_to: wte, inputs: wte}
            """;

    @Test
    void aTiedLayerCountsItsWeightsOnceAsTheTable() {
        NetworkGraph g = read(LM);
        assertThat(g.stats("head").weights().orElseThrow()).hasToString("8x100");
        assertThat(g.stats("head").params()).isZero();
        assertThat(g.stats("head").macs()).isEqualTo(10L * 8 * 100);
        assertThat(g.totals().params()).isEqualTo(800);
    }

    @Test
    void selectDropsTheAxisAndComputesNothing() {
        NetworkGraph g = read(LM);
        assertThat(g.stats("cls").outputShape()).isEqualTo(Shape.of(8));
        assertThat(g.stats("cls").digitalOps()).isZero();
        assertThat(g.stats("cls").macs()).isZero();
    }

    @Test
    void aTieToAMissingOrMisshapenTableIsNamedAtItsKey() {
        assertThatThrownBy(() -> read(LM.replace("tied_to: wte", "tied_to: wtf")))
                .isInstanceOf(SpecException.class).hasMessageContaining("net.yaml:6")
                .hasMessageContaining("tied to 'wtf', which the network does not have").hasMessageContaining("'wte'");
        assertThatThrownBy(() -> read(LM.replace("out_features: 100", "out_features: 99")))
                .isInstanceOf(SpecException.class).hasMessageContaining("tied_to")
                .hasMessageContaining("has 8x99 weights, but embedding 'wte' holds 100 rows of 8");
        assertThatThrownBy(() -> read(LM.replace("tied_to: wte", "tied_to: ids")))
                .isInstanceOf(SpecException.class).hasMessageContaining("only an embedding's table");
    }

    @Test
    void aSelectOutsideItsInputIsNamed() {
        assertThatThrownBy(() -> read(LM.replace("index: 0", "index: 10")))
                .isInstanceOf(SpecException.class).hasMessageContaining("net.yaml:5")
                .hasMessageContaining("select 'cls': index 10, but axis 0 of 'wte' (10x8) has 10 positions");
        assertThatThrownBy(() -> read(LM.replace("axis: 0", "axis: 2")))
                .isInstanceOf(SpecException.class).hasMessageContaining("axis 2, but 'wte' gives 10x8");
    }

    @Test
    void anEmptyReshapeIsAnErrorAtItsShape() {
        // Found by NetworkFuzzTest once the bundled transformers seeded it: the empty list escaped as an exception.
        assertThatThrownBy(() -> read(BLOCK.replace("shape: [2, 10, 4]}", "shape: []}")))
                .isInstanceOf(SpecException.class).hasMessageContaining("net.yaml:7")
                .hasMessageContaining("expected at least one dimension, found an empty list");
    }
}
