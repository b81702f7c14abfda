package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/**
 * Long networks and long texts are read whole: no walk along a chain of layers recurses once
 * per layer (20,000 pooling layers overflowed the stack), no name grows with the depth of
 * nested concatenations, and a character YAML refuses is reported where it stands.
 */
class LongNetworksTest {
    @Test
    void aLongChainOfPoolingLayersIsRead() {
        StringBuilder text = new StringBuilder("name: pools\nlayers:\n  - {name: in, kind: input, shape: [1, 4, 4]}\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("  - {name: p").append(i).append(", kind: max-pool, kernel: 1}\n");
        }
        text.append("  - {name: conv, kind: conv2d, out_channels: 2, kernel: 1}\n");
        NetworkGraph g = NetworkReader.read(SpecSource.ofText("pools.yaml", text.toString()));
        assertThat(g.nodes()).hasSize(20_002);
        assertThat(g.inputActivity(g.node("conv").orElseThrow()).orElseThrow().description())
                .isEqualTo("default for the network input");
    }

    @Test
    void deeplyNestedConcatenationsNameEachProducerOnce() {
        StringBuilder text = new StringBuilder("""
                name: cats
                layers:
                  - {name: in, kind: input, shape: [4]}
                  - {name: r, kind: activation, function: relu}
                  - {name: c0, kind: concat, inputs: [in, r]}
                """);
        for (int i = 1; i < 3_000; i++) {
            text.append("  - {name: c").append(i).append(", kind: concat, inputs: [c").append(i - 1).append(", ")
                    .append(i % 2 == 0 ? "in" : "r").append("]}\n");
        }
        text.append("  - {name: fc, kind: linear, out_features: 2}\n");
        NetworkGraph g = NetworkReader.read(SpecSource.ofText("cats.yaml", text.toString()));
        assertThat(g.inputActivity(g.node("fc").orElseThrow()).orElseThrow().description())
                .isEqualTo("default after concat of the network input and relu");
    }

    /**
     * Texts of a mebibyte and more are scanned on a thread of their own (SpecLoader's
     * SCAN_AHEAD_FROM_CHARS): the network is read whole, and a YAML error at the end is the only
     * problem reported, where it stands, as for a short text (the layers read before it count for
     * nothing, their unknown key included).
     */
    @Test
    void aLongTextParsedAheadReadsWholeAndReportsItsYamlErrorWhereItStands() {
        StringBuilder text = new StringBuilder("name: long\nlayers:\n  - {name: in, kind: input, shape: [1, 4, 4]}\n"
                + "  - {name: p, kind: max-pool, kernel: 1, colour: red}\n");
        int layers = 30_000;
        for (int i = 0; i < layers; i++) {
            text.append("  - name: q").append(i).append("\n    kind: max-pool  # block style\n    kernel: 1\n");
        }
        assertThat(text.length()).isGreaterThan(1 << 20);
        String valid = text.toString().replace(", colour: red", "");
        assertThat(NetworkReader.read(SpecSource.ofText("long.yaml", valid)).nodes()).hasSize(layers + 2);
        int lines = (int) text.chars().filter(c -> c == '\n').count();
        String broken = text + "  - {name: x, kind: [max-pool\n";
        assertThatThrownBy(() -> NetworkReader.read(SpecSource.ofText("long.yaml", broken)))
                .isInstanceOf(SpecException.class)
                .hasMessage("long.yaml:" + (lines + 2) + ":1: error: not valid YAML: while parsing a flow sequence (from line "
                        + (lines + 1) + ", column 21), expected ',' or ']', but got <stream end>");
    }

    @Test
    void aCharacterYamlRefusesIsReportedAtItsLineAndColumn() {
        assertThatThrownBy(() -> NetworkReader.read(SpecSource.ofText("bell.yaml",
                "name: x\nlayers:\n  - {name: in, kind: input, shape: [\u0007]}\n")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("bell.yaml:3:37: error: not valid YAML: the character U+0007 is not allowed");
    }
}
