package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.memdse.core.network.ActivityDefaults;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.InputActivity;
import org.memdse.core.network.LearningRule;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.network.Padding;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Shape;
import org.memdse.core.network.Size2;
import org.memdse.core.spec.SpecSource;

/** What the network YAML accepts, beyond the bundled networks. */
class NetworkReaderTest {
    private static NetworkGraph read(String yaml) {
        return NetworkReader.read(SpecSource.ofText("net.yaml", yaml));
    }

    @Test
    void inputsDefaultToThePreviousLayerAndMayBeOneName() {
        NetworkGraph g = read("""
                name: t
                layers:
                  - {name: in, kind: input, shape: [3, 8, 8]}
                  - {name: a, kind: conv2d, out_channels: 3, kernel: 3, padding: 1}
                  - {name: b, kind: conv2d, out_channels: 3, kernel: 3, padding: 1, inputs: in}
                  - {name: sum, kind: add, inputs: [a, b], activation: relu}
                """);
        assertThat(g.inputs(g.node("a").orElseThrow())).extracting(e -> e.source()).containsExactly("in");
        assertThat(g.inputs(g.node("b").orElseThrow())).extracting(e -> e.source()).containsExactly("in");
        assertThat(g.stats("sum").outputShape()).isEqualTo(Shape.of(3, 8, 8));
    }

    @Test
    void kernelStrideAndPaddingForms() {
        NetworkGraph g = read("""
                name: t
                weight_bits: 4
                activation_bits: 6
                layers:
                  - {name: in, kind: input, shape: [1, 9, 9]}
                  - {name: c, kind: conv2d, out_channels: 2, kernel: [3, 1], stride: [2, 1], padding: [0, 1, 2, 1]}
                """);
        Conv2d c = (Conv2d) g.node("c").orElseThrow();
        assertThat(c.geometry().kernel()).isEqualTo(new Size2(3, 1));
        assertThat(c.geometry().padding()).isEqualTo(new Padding(0, 1, 2, 1));
        assertThat(c.bias()).isTrue(); // no batch norm: a bias by default
        // h: (9 + 2 − 2 − 1) / 2 + 1 = 5; w: 9 + 2 − 0 − 1 + 1 = 11
        assertThat(g.stats("c").outputShape()).isEqualTo(Shape.of(2, 5, 11));
        assertThat(g.stats("c").weights().orElseThrow().weightBits()).isEqualTo(4);
        assertThat(g.stats("c").activationBits()).isEqualTo(6);
    }

    @Test
    void inputBitDensityIsAWorkloadStatisticWithADefault() {
        String layers = """
                layers:
                  - {name: in, kind: input, shape: [16]}
                  - {name: fc, kind: linear, out_features: 4}
                """;
        NetworkGraph plain = read("name: t\n" + layers);
        assertThat(plain.networkInputBitDensity()).isEmpty();
        assertThat(plain.inputBitDensity(plain.node("fc").orElseThrow())).isEqualTo(0.5);
        NetworkGraph sparse = read("name: t\ninput_bit_density: 0.2\n" + layers);
        assertThat(sparse.networkInputBitDensity()).hasValue(0.2);
        assertThat(sparse.inputBitDensity(sparse.node("fc").orElseThrow())).isEqualTo(0.2);
        // the CLI's override shares the graph
        NetworkGraph dense = sparse.withInputBitDensity(1);
        assertThat(dense.inputBitDensity(dense.node("fc").orElseThrow())).isEqualTo(1.0);
        assertThat(dense.inputActivities().get("fc").source()).isEqualTo(InputActivity.Source.OVERRIDE);
        assertThat(dense.nodes()).isSameAs(sparse.nodes());
        assertThat(dense.graph()).isSameAs(sparse.graph());
        assertThat(dense.totals()).isEqualTo(sparse.totals());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("name: t\ninput_bit_density: 1.5\n" + layers))
                .isInstanceOf(org.memdse.core.spec.SpecException.class)
                .hasMessage("net.yaml:2:20: error: input_bit_density: expected the share of activation bits that are 1, "
                        + "in (0, 1], e.g. 0.25; found '1.5'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("name: t\ninput_bit_density: 0\n" + layers))
                .isInstanceOf(org.memdse.core.spec.SpecException.class)
                .hasMessage("net.yaml:2:20: error: input_bit_density: expected the share of activation bits that are 1, "
                        + "in (0, 1], e.g. 0.25; found '0'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sparse.withInputBitDensity(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCrossbarLayerTakesTheDensityOfWhatProducedItsInput() {
        NetworkGraph g = read("""
                name: t
                layers:
                  - {name: in, kind: input, shape: [3, 8, 8]}
                  - {name: c1, kind: conv2d, out_channels: 4, kernel: 3, activation: relu}
                  - {name: pool, kind: max-pool, kernel: 2}
                  - {name: c2, kind: conv2d, out_channels: 4, kernel: 1}
                  - {name: c3, kind: conv2d, out_channels: 4, kernel: 1, activation: sigmoid}
                  - {name: cat, kind: concat, inputs: [pool, c3]}
                  - {name: c4, kind: conv2d, out_channels: 4, kernel: 1, input_bit_density: 0.3}
                  - {name: flat, kind: flatten, inputs: [cat]}
                  - {name: fc, kind: linear, out_features: 2}
                """);
        Map<String, InputActivity> a = g.inputActivities();
        assertThat(a.keySet()).containsExactly("c1", "c2", "c3", "c4", "fc");
        assertThat(a.get("c1")).isEqualTo(new InputActivity(ActivityDefaults.NETWORK_INPUT, InputActivity.Source.DEFAULT,
                "default for the network input"));
        // through the max-pool to the ReLU of c1
        assertThat(a.get("c2")).isEqualTo(new InputActivity(ActivityDefaults.AFTER_RELU, InputActivity.Source.DEFAULT,
                "default after relu"));
        assertThat(a.get("c3")).isEqualTo(new InputActivity(0.5, InputActivity.Source.DEFAULT, "default after identity"));
        assertThat(a.get("c4")).isEqualTo(new InputActivity(0.3, InputActivity.Source.LAYER, "given"));
        // a concat of 4x4x4 post-ReLU and 4x4x4 post-sigmoid elements: their mean
        assertThat(a.get("fc").density()).isCloseTo((ActivityDefaults.AFTER_RELU + 0.5) / 2, within(1e-12));
        assertThat(a.get("fc").description()).isEqualTo("default after concat of relu and sigmoid");
        assertThat(g.inputActivity(g.node("pool").orElseThrow())).isEmpty();

        // The network's figure replaces the defaults, not the layers' own; the override replaces all.
        NetworkGraph n = g.withNetworkInputBitDensity(0.4);
        assertThat(n.inputActivities().get("c2")).isEqualTo(new InputActivity(0.4, InputActivity.Source.NETWORK,
                "network's input_bit_density"));
        assertThat(n.inputActivities().get("c4").density()).isEqualTo(0.3);
        NetworkGraph layer = n.withLayerInputBitDensity("c2", 0.05);
        assertThat(layer.inputActivities().get("c2")).isEqualTo(new InputActivity(0.05, InputActivity.Source.LAYER, "given"));
        assertThat(layer.inputActivities().get("c3").density()).isEqualTo(0.4);
        assertThat(layer.withInputBitDensity(0.9).inputActivities().values())
                .allSatisfy(x -> assertThat(x.density()).isEqualTo(0.9));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> g.withLayerInputBitDensity("pool", 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no crossbar layer 'pool'");
    }

    @Test
    void aRecurrentLayerCountsItsStateRowsAsDense() {
        NetworkGraph g = read("""
                name: t
                layers:
                  - {name: in, kind: input, shape: [5, 6]}
                  - {name: fc, kind: linear, out_features: 6, activation: relu}
                  - {name: lstm, kind: lstm, hidden_size: 2}
                """);
        // rows: 6 of x (after ReLU) and 2 of h (0.5)
        InputActivity a = g.inputActivities().get("lstm");
        assertThat(a.density()).isCloseTo((6 * ActivityDefaults.AFTER_RELU + 2 * 0.5) / 8, within(1e-12));
        assertThat(a.description()).isEqualTo("default: x after relu, h (the recurrent state) 0.5");
    }

    @Test
    void aLayerDensityOutsideZeroToOneOrOnALayerWithoutCrossbarsIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("""
                name: t
                layers:
                  - {name: in, kind: input, shape: [16]}
                  - {name: fc, kind: linear, out_features: 4, input_bit_density: 1.2}
                  - {name: act, kind: activation, function: relu, input_bit_density: 0.2}
                  - {name: fc2, kind: linear, out_features: 4, input_bit_density: 0}
                """)).isInstanceOf(org.memdse.core.spec.SpecException.class)
                .hasMessageContaining("net.yaml:4:66: error: layers[1].input_bit_density: expected the share of "
                        + "activation bits that are 1, in (0, 1], e.g. 0.25; found '1.2'")
                .hasMessageContaining("net.yaml:5:70: error: layers[2].input_bit_density: only crossbar layers (conv2d, "
                        + "linear, lstm, gru) take an input-bit density; activation layers drive no crossbar rows")
                .hasMessageContaining("net.yaml:6:67: error: layers[3].input_bit_density: expected the share of "
                        + "activation bits that are 1, in (0, 1], e.g. 0.25; found '0'");
    }

    @Test
    void blockStyleSnnWithUnitsAndAFeedbackProjection() {
        NetworkGraph g = read("""
                version: 1
                name: wta
                description: winner-take-all
                layers:
                  - name: in
                    kind: encoder
                    shape: [64]
                    encoding: temporal
                    time_steps: 50
                    firing_rate: 0.02
                  - {name: ff, kind: projection, connectivity: dense, neurons: 10, learning: stdp, weight_bits: 4}
                  - name: exc
                    kind: population
                    inputs: [ff, inhibit]
                    model: adaptive-lif
                    threshold: -52 mV
                    tau_mem: 100 ms
                    tau_adapt: 1 s
                    firing_rate: 0.01
                  - {name: inhibit, kind: projection, connectivity: dense, neurons: 10, feedback: true}
                """);
        Population exc = (Population) g.node("exc").orElseThrow();
        assertThat(exc.model()).isEqualTo(NeuronModel.ADAPTIVE_LIF);
        assertThat(exc.threshold()).isEqualTo(-0.052, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(exc.tauMem()).isEqualTo(0.1, org.assertj.core.api.Assertions.within(1e-12));
        Projection ff = (Projection) g.node("ff").orElseThrow();
        assertThat(ff.learning()).isEqualTo(LearningRule.STDP);
        assertThat(ff.weightBits()).isEqualTo(4);
        assertThat(g.feedbackEdges()).hasSize(1);
        assertThat(g.stats("exc").timeSteps()).isEqualTo(50);
    }

    @Test
    void layersWrittenOutOfOrderAreListedInTopologicalOrder() {
        // Written in order, a file's order is the network's; otherwise the graph orders it (as before
        // the in-order shortcut: a, then what reads it, in the order the graph found).
        NetworkGraph g = read("""
                name: ooo
                layers:
                  - {name: d, kind: add, inputs: [b, c]}
                  - {name: c, kind: linear, out_features: 4, inputs: [a]}
                  - {name: b, kind: linear, out_features: 4, inputs: [a]}
                  - {name: e, kind: linear, out_features: 4, inputs: [d]}
                  - {name: a, kind: input, shape: [4]}
                  - {name: f, kind: linear, out_features: 4, inputs: [b]}
                """);
        assertThat(g.nodes()).extracting(n -> n.name()).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(g.edges()).extracting(e -> e.source() + ">" + e.target())
                .containsExactly("a>b", "a>c", "b>d", "c>d", "d>e", "b>f");
    }
}
