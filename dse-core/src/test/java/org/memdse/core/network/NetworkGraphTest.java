package org.memdse.core.network;

import org.memdse.core.arch.NeuronModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.spec.SpecException;

/** Shape inference and per-node counts, checked against hand calculations; built with the Java API. */
class NetworkGraphTest {
    private static final ActivationFunction NONE = ActivationFunction.IDENTITY;

    @Test
    void conv2dShapeMatrixParamsAndMacs() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new InputNode("in", Shape.of(3, 32, 32)))
                .add(new Conv2d("conv", 3, 16, ConvGeometry.of(3, 2, 1), true, false, ActivationFunction.RELU), "in")
                .build();
        NodeStats s = g.stats("conv");
        // out = floor((32 + 2·1 − 1·(3 − 1) − 1) / 2) + 1 = floor(31 / 2) + 1 = 16
        assertThat(s.outputShape()).isEqualTo(Shape.of(16, 16, 16));
        // rows = Cin/groups·kh·kw = 3·3·3 = 27, cols = Cout = 16, applied at 16·16 positions
        assertThat(s.weights()).contains(new WeightMatrix(27, 16, 8, 256));
        assertThat(s.params()).isEqualTo(27 * 16 + 16);
        assertThat(s.macs()).isEqualTo(16L * 16 * 16 * 27);
        assertThat(s.inputActivations()).isEqualTo(3 * 32 * 32);
        assertThat(s.outputActivations()).isEqualTo(16 * 16 * 16);
        assertThat(s.digitalOps()).isEqualTo(16 * 16 * 16); // the fused ReLU
    }

    @Test
    void depthwiseConvWithFoldedBatchNorm() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new InputNode("in", Shape.of(32, 16, 16)))
                .add(new Conv2d("dw", 0, 32, ConvGeometry.of(3, 1, 1).withGroups(32), false, true, NONE), "in")
                .build();
        NodeStats s = g.stats("dw");
        assertThat(s.weights().orElseThrow()).hasToString("9x32");
        assertThat(s.params()).isEqualTo(9 * 32 + 2 * 32);
        assertThat(s.macs()).isEqualTo(16L * 16 * 32 * 9);
    }

    @Test
    void dilationAsymmetricPaddingAndCeilModePooling() {
        ConvGeometry dilated = new ConvGeometry(Size2.square(3), Size2.square(1), Padding.NONE, Size2.square(2), 1);
        NetworkGraph g = new NetworkBuilder("t")
                .add(new InputNode("in", Shape.of(1, 10, 10)))
                .add(new Conv2d("dil", 0, 2, dilated, true, false, NONE), "in")
                .add(new Conv2d("asym", 0, 2, new ConvGeometry(Size2.square(2), Size2.square(1),
                        new Padding(0, 0, 1, 1), Size2.square(1), 1), true, false, NONE), "dil")
                .add(new Pool2d("floor", PoolMode.MAX, Size2.square(2), Size2.square(2), Padding.NONE, false), "asym")
                .add(new Pool2d("ceil", PoolMode.MAX, Size2.square(2), Size2.square(2), Padding.NONE, true), "asym")
                .build();
        // dilation 2: the 3x3 kernel spans 5 pixels; 10 − 5 + 1 = 6
        assertThat(g.stats("dil").outputShape()).isEqualTo(Shape.of(2, 6, 6));
        // 2x2 kernel with one row/column of padding at the bottom/right keeps 6x6... then 7 − 2 + 1 = 6
        assertThat(g.stats("asym").outputShape()).isEqualTo(Shape.of(2, 6, 6));
        assertThat(g.stats("floor").outputShape()).isEqualTo(Shape.of(2, 3, 3));
        assertThat(g.stats("ceil").outputShape()).isEqualTo(Shape.of(2, 3, 3));
        assertThat(g.stats("floor").digitalOps()).isEqualTo(2 * 3 * 3 * 4);
    }

    @Test
    void ceilModeRoundsUp() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new InputNode("in", Shape.of(1, 7, 7)))
                .add(new Pool2d("ceil", PoolMode.AVG, Size2.square(2), Size2.square(2), Padding.NONE, true), "in")
                .add(new Pool2d("floor", PoolMode.AVG, Size2.square(2), Size2.square(2), Padding.NONE, false), "in")
                .build();
        assertThat(g.stats("ceil").outputShape()).isEqualTo(Shape.of(1, 4, 4));
        assertThat(g.stats("floor").outputShape()).isEqualTo(Shape.of(1, 3, 3));
    }

    @Test
    void linearOnASequenceRunsOncePerStep() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new InputNode("in", Shape.of(5, 20)))
                .add(new Linear("fc", 20, 7, true, false, NONE), "in")
                .build();
        NodeStats s = g.stats("fc");
        assertThat(s.outputShape()).isEqualTo(Shape.of(5, 7));
        assertThat(s.weights()).contains(new WeightMatrix(20, 7, 8, 5));
        assertThat(s.params()).isEqualTo(20 * 7 + 7);
        assertThat(s.macs()).isEqualTo(5 * 20 * 7);
    }

    @Test
    void lstmAndGruGateMatrices() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new InputNode("in", Shape.of(10, 8)))
                .add(new Recurrent("lstm", RecurrentCell.LSTM, 8, 16, true, true), "in")
                .add(new Recurrent("gru", RecurrentCell.GRU, 16, 16, true, false), "lstm")
                .build();
        NodeStats lstm = g.stats("lstm");
        // rows = in + hidden = 24, cols = 4 gates · 16 = 64, once per step
        assertThat(lstm.weights()).contains(new WeightMatrix(24, 64, 8, 10));
        assertThat(lstm.params()).isEqualTo(4 * (8 * 16 + 16 * 16) + 4 * 16);
        assertThat(lstm.macs()).isEqualTo(24L * 64 * 10);
        assertThat(lstm.outputShape()).isEqualTo(Shape.of(10, 16));
        NodeStats gru = g.stats("gru");
        assertThat(gru.weights().orElseThrow()).hasToString("32x48");
        assertThat(gru.params()).isEqualTo(3 * (16 * 16 + 16 * 16) + 3 * 16);
        assertThat(gru.outputShape()).isEqualTo(Shape.of(16));
    }

    @Test
    void concatReshapeFlattenGlobalPoolAndBatchNorm() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new InputNode("in", Shape.of(4, 8, 8)))
                .add(new Conv2d("c", 0, 6, ConvGeometry.of(1, 1, 0), false, false, NONE), "in")
                .add(new Concat("cat", 0), "in", "c")
                .add(new BatchNorm("bn"), "cat")
                .add(new GlobalPool("gap", PoolMode.AVG), "bn")
                .add(new Flatten("flat"), "gap")
                .add(new Reshape("r", List.of(2, -1)), "flat")
                .build();
        assertThat(g.stats("cat").outputShape()).isEqualTo(Shape.of(10, 8, 8));
        assertThat(g.stats("bn").params()).isEqualTo(2 * 10);
        assertThat(g.stats("bn").weights()).isEmpty(); // folded: no crossbar of its own
        assertThat(g.stats("gap").outputShape()).isEqualTo(Shape.of(10, 1, 1));
        assertThat(g.stats("flat").outputShape()).isEqualTo(Shape.of(10));
        assertThat(g.stats("r").outputShape()).isEqualTo(Shape.of(2, 5));
    }

    @Test
    void residualAddAndActivationTraffic() {
        NetworkGraph g = new NetworkBuilder("t").precision(4, 6)
                .add(new InputNode("in", Shape.of(2, 4, 4)))
                .add(new Activation("relu", ActivationFunction.RELU), "in")
                .add(new Add("sum", NONE), "relu", "in")
                .build();
        assertThat(g.stats("sum").digitalOps()).isEqualTo(32);
        // every edge carries 32 activations of 6 bits
        assertThat(g.edges()).hasSize(3).allSatisfy(e -> {
            assertThat(e.signal()).isEqualTo(Signal.ACTIVATIONS);
            assertThat(e.bitsPerInference()).isEqualTo(32 * 6);
        });
        assertThat(g.inputs(g.node("sum").orElseThrow())).extracting(TrafficEdge::source).containsExactly("relu", "in");
        // two edges with the same traffic are still two edges
        assertThat(g.graph().edgeSet()).hasSize(3);
        assertThat(g.nodes()).extracting(NetworkNode::name).containsExactly("in", "relu", "sum");
    }

    @Test
    void snnDenseSparseAndSpikeTraffic() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new Encoder("enc", Shape.of(100), Encoding.RATE, 10, 0.1))
                .add(Projection.dense("d", 50, 4, LearningRule.STDP), "enc")
                .add(new Population("pop", 50, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.2), "d")
                .add(Projection.sparse("s", 20, 0.1, 4, LearningRule.NONE), "pop")
                .add(new Population("out", 0, NeuronModel.IF, Double.NaN, Double.NaN, Double.NaN, 0.05), "s")
                .build();
        NodeStats d = g.stats("d");
        assertThat(d.weights()).contains(new WeightMatrix(100, 50, 4, 10));
        assertThat(d.synapses()).isEqualTo(5000);
        // 100 inputs · 0.1 spikes per step each reach 50 synapses: 500 per step, 5,000 over 10 steps
        assertThat(d.synapticOpsPerStep()).isCloseTo(500, within(1e-9));
        assertThat(d.synapticOpsPerInference()).isCloseTo(5000, within(1e-9));
        NodeStats s = g.stats("s");
        // the pairs seed 0 draws: 92 of the 0.1 · 50 · 20 = 100 expected
        assertThat(s.synapses()).isEqualTo(92);
        assertThat(s.synapticOpsPerStep()).isCloseTo(92 * 0.2, within(1e-9));
        assertThat(g.stats("out").outputActivations()).isEqualTo(20);
        assertThat(g.stats("out").timeSteps()).isEqualTo(10);
        TrafficEdge encToD = g.inputs(g.node("d").orElseThrow()).get(0);
        // 100 · 0.1 · 10 = 100 spikes of ⌈log2 100⌉ = 7 address bits
        assertThat(encToD.signal()).isEqualTo(Signal.SPIKES);
        assertThat(encToD.spikesPerInference()).isCloseTo(100, within(1e-9));
        assertThat(encToD.bitsPerElement()).isEqualTo(7);
        assertThat(encToD.bitsPerInference()).isCloseTo(700, within(1e-9));
        TrafficEdge dToPop = g.inputs(g.node("pop").orElseThrow()).get(0);
        assertThat(dToPop.signal()).isEqualTo(Signal.CURRENTS);
        assertThat(dToPop.bitsPerInference()).isZero();
    }

    @Test
    void convProjectionCountsConnectionsPerOutputNeuron() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new Encoder("enc", Shape.of(2, 8, 8), Encoding.DELTA, 5, 0.5))
                .add(Projection.conv("c", 4, ConvGeometry.of(3, 1, 1), 8, LearningRule.NONE), "enc")
                .add(new Population("pop", 256, NeuronModel.ADAPTIVE_LIF, Double.NaN, 0.01, 1.0, 0.1), "c")
                .build();
        NodeStats c = g.stats("c");
        assertThat(c.weights().orElseThrow()).hasToString("18x4");
        assertThat(c.synapses()).isEqualTo(72); // shared kernel weights
        // 4·8·8 postsynaptic neurons, each with a window of 2·3·3 = 18 taps, but taps on the padding
        // connect nothing: per axis 2 + 6·3 + 2 = 22 taps over 8 positions, so 4·2·22·22 synapses;
        // sources fire 0.5 per step
        assertThat(c.synapticOpsPerStep()).isCloseTo(4 * 2 * 22 * 22 * 0.5, within(1e-9));
        assertThat(g.stats("pop").outputShape()).isEqualTo(Shape.of(4, 8, 8));
    }

    @Test
    void hybridIntegrationBothWays() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new Encoder("enc", Shape.of(16), Encoding.RATE, 8, 0.25))
                .add(Projection.oneToOne("p", 1), "enc")
                .add(new Population("pop", 0, NeuronModel.LIF, Double.NaN, Double.NaN, Double.NaN, 0.5), "p")
                .add(Integration.spikeToVoltage("s2v", 4), "pop")
                .add(new Linear("fc", 0, 8, true, false, NONE), "s2v")
                .add(Integration.voltageToSpike("v2s", Encoding.TEMPORAL, 20, 0.05), "fc")
                .build();
        assertThat(g.stats("p").synapses()).isEqualTo(16);
        assertThat(g.stats("s2v").output()).isEqualTo(Signal.ACTIVATIONS);
        assertThat(g.stats("s2v").digitalOps()).isEqualTo(16 * 8 / 2); // spikes counted: 16 · 0.5 · 8
        assertThat(g.outputs(g.node("s2v").orElseThrow()).get(0).bitsPerInference()).isEqualTo(16 * 4);
        assertThat(g.stats("v2s").output()).isEqualTo(Signal.SPIKES);
        assertThat(g.stats("v2s").timeSteps()).isEqualTo(20);
    }

    @Test
    void feedbackProjectionIsKeptOutOfTheAcyclicGraph() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new Encoder("enc", Shape.of(10), Encoding.RATE, 4, 0.1))
                .add(Projection.dense("ff", 5, 8, LearningRule.NONE), "enc")
                .add(new Population("pop", 5, NeuronModel.LIF, Double.NaN, Double.NaN, Double.NaN, 0.1), "ff", "lat")
                .add(Projection.dense("lat", 5, 1, LearningRule.NONE).asFeedback(), "pop")
                .build();
        assertThat(g.feedbackEdges()).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("lat");
            assertThat(e.target()).isEqualTo("pop");
            assertThat(e.feedback()).isTrue();
        });
        assertThat(g.graph().edgeSet()).hasSize(3);
        assertThat(g.inputs(g.node("pop").orElseThrow())).extracting(TrafficEdge::source).containsExactly("ff", "lat");
        assertThat(g.totals().synapses()).isEqualTo(50 + 25);
    }

    /**
     * graph() is built on first use from nodes() and edges(): the same vertices in the same
     * (topological) order, the forward edges only, and one graph shared with density variants.
     */
    @Test
    void graphBuiltOnDemandMatchesNodesAndEdges() {
        NetworkGraph g = new NetworkBuilder("t")
                .add(new InputNode("in", Shape.of(8)))
                .add(new Add("sum", NONE), "b", "a")   // added before its inputs: ordered by the builder's graph
                .add(new Linear("a", 0, 8, true, false, NONE, java.util.Optional.empty()), "in")
                .add(new Linear("b", 0, 8, true, false, NONE, java.util.Optional.empty()), "a")
                .build();
        assertThat(g.nodes()).extracting(NetworkNode::name).containsExactly("in", "a", "b", "sum");
        assertThat(g.graph().vertexSet()).containsExactlyElementsOf(g.nodes());
        assertThat(g.graph().edgeSet()).containsExactlyInAnyOrderElementsOf(g.edges());
        assertThat(g.graph().getEdgeSource(g.inputs(g.node("sum").orElseThrow()).get(0)).name()).isEqualTo("b");
        assertThat(g.withInputBitDensity(0.3).graph()).isSameAs(g.graph());
    }

    @Test
    void programmaticProblemsAreDiagnosticsToo() {
        NetworkBuilder b = new NetworkBuilder("model.onnx")
                .add(new InputNode("in", Shape.of(8)))
                .add(new Linear("a", 0, 4, true, false, NONE), "b")
                .add(new Linear("b", 0, 4, true, false, NONE), "a")
                .add(new Linear("c", 7, 4, true, false, NONE), "in")
                .add(new Linear("d", 0, 4, true, false, NONE), "missing");
        SpecException e = catchThrowableOfType(SpecException.class, b::build);
        assertThat(e.diagnostics()).extracting(d -> d.path() + ": " + d.message()).containsExactlyInAnyOrder(
                "b: cycle: b -> a -> b; a network must be acyclic (a recurrent SNN projection is marked feedback: true)",
                "d: unknown input 'missing' for linear 'd'");
        assertThat(e.diagnostics()).allSatisfy(d -> assertThat(d.position().file()).isEqualTo("model.onnx"));
        // shapes are checked once the graph is sound
        SpecException shapes = catchThrowableOfType(SpecException.class, () -> new NetworkBuilder("m")
                .add(new InputNode("in", Shape.of(8)))
                .add(new Linear("c", 7, 4, true, false, NONE), "in").build());
        assertThat(shapes.getMessage()).contains("c: linear 'c' expects in_features 7, but 'in' gives 8 (shape 8)");
    }
}
