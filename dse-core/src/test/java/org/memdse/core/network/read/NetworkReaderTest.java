package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.memdse.core.network.Conv2d;
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
        assertThat(read("name: t\n" + layers).inputBitDensity()).isEqualTo(0.5);
        NetworkGraph sparse = read("name: t\ninput_bit_density: 0.2\n" + layers);
        assertThat(sparse.inputBitDensity()).isEqualTo(0.2);
        // the CLI's override shares the graph
        NetworkGraph dense = sparse.withInputBitDensity(1);
        assertThat(dense.inputBitDensity()).isEqualTo(1.0);
        assertThat(dense.nodes()).isSameAs(sparse.nodes());
        assertThat(dense.totals()).isEqualTo(sparse.totals());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("name: t\ninput_bit_density: 1.5\n" + layers))
                .isInstanceOf(org.memdse.core.spec.SpecException.class)
                .hasMessage("net.yaml:2:20: error: input_bit_density: expected the share of activation bits that are 1, "
                        + "in (0, 1], e.g. 0.25; found '1.5'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("name: t\ninput_bit_density: 0\n" + layers))
                .isInstanceOf(org.memdse.core.spec.SpecException.class)
                .hasMessageStartingWith("net.yaml:2:20: error: input_bit_density:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sparse.withInputBitDensity(0))
                .isInstanceOf(IllegalArgumentException.class);
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
}
