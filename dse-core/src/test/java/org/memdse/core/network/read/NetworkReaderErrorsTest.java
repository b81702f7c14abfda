package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/**
 * Malformed network YAML: each case gives exactly one diagnostic, at the token that is wrong
 * (file, line, column), with the document path and a message that says what to fix.
 */
class NetworkReaderErrorsTest {
    private static final String FILE = "net.yaml";

    /**
     * @param yaml    the input
     * @param at      a snippet of the input the diagnostic must point at (its first occurrence)
     * @param path    the expected document path
     * @param message a fragment the message must contain
     */
    record Case(String id, String yaml, String at, String path, String message) {
        @Override
        public String toString() {
            return id;
        }
    }

    private static final String HEAD = "version: 1\nname: t\nlayers:\n  - {name: input, kind: input, shape: [1, 8, 8]}\n";

    private static final String RESERVOIR = "version: 1\nname: t\nlayers:\n  - {name: input, kind: input, shape: [10, 2]}\n";

    static Stream<Case> cases() {
        return Stream.of(
            new Case("reservoir with a zero time constant", RESERVOIR + """
                      - {name: res, kind: reservoir, nodes: 4, mask_length: 5, tau: 0 s, pulse_width: 1 ms}
                      - {name: readout, kind: linear, out_features: 3}
                    """, "0 s", "layers[1].tau", "expected the devices' decay time constant, a positive time such as '400 us'"),
            new Case("reservoir with a negative time constant", RESERVOIR + """
                      - {name: res, kind: reservoir, nodes: 4, mask_length: 5, tau: -400 us, pulse_width: 1 ms}
                      - {name: readout, kind: linear, out_features: 3}
                    """, "-400 us", "layers[1].tau", "found '-400 us'"),
            new Case("reservoir with mask length 0", RESERVOIR + """
                      - {name: res, kind: reservoir, nodes: 4, mask_length: 0, tau: 400 us, pulse_width: 1 ms}
                      - {name: readout, kind: linear, out_features: 3}
                    """, "0, tau", "layers[1].mask_length", "expected an integer >= 1, found '0'"),
            new Case("reservoir with a zero pulse width", RESERVOIR + """
                      - {name: res, kind: reservoir, nodes: 4, mask_length: 5, tau: 400 us, pulse_width: 0 ms}
                      - {name: readout, kind: linear, out_features: 3}
                    """, "0 ms", "layers[1].pulse_width", "a positive time such as '1 ms'"),
            new Case("reservoir without a readout", RESERVOIR + """
                      - {name: res, kind: reservoir, nodes: 4, mask_length: 5, tau: 400 us, pulse_width: 1 ms}
                      - {name: flat, kind: flatten}
                    """, "res, kind", "layers[1].name", "reservoir 'res' has no readout: no crossbar layer reads its states;"
                    + " add one after it, e.g. {name: readout, kind: linear, out_features: 10, inputs: [res]}"),
            // Issue 18: 2e9 x 2e9 x 3 virtual nodes wrapped an int (an internal error at the shape), and
            // 2e9 cubed wrapped a long (negative pulse counts printed with exit 0).
            new Case("reservoir with more virtual nodes than an int", RESERVOIR + """
                      - {name: res, kind: reservoir, nodes: 2000000000, parallel: 2000000000, mask_length: 3, tau: 400 us, pulse_width: 1 ms}
                      - {name: readout, kind: linear, out_features: 3}
                    """, "2000000000, parallel", "layers[1].nodes", "reservoir 'res' has 12000000000000000000 virtual nodes "
                    + "(nodes x parallel x mask_length = 2000000000 x 2000000000 x 3), more than a dimension holds "
                    + "(2147483647); lower nodes, parallel or mask_length"),
            new Case("reservoir with more virtual nodes than a long", RESERVOIR + """
                      - {name: res, kind: reservoir, nodes: 2000000000, parallel: 2000000000, mask_length: 2000000000, tau: 400 us, pulse_width: 1 ms}
                      - {name: readout, kind: linear, out_features: 3}
                    """, "2000000000, parallel", "layers[1].nodes", "has 8000000000000000000000000000 virtual nodes"),
            new Case("reservoir with more mask operations than a long", """
                    version: 1
                    name: t
                    layers:
                      - {name: input, kind: input, shape: [2000000000, 2000000000]}
                      - {name: res, kind: reservoir, nodes: 2000000000, mask_length: 1, tau: 400 us, pulse_width: 1 ms}
                      - {name: readout, kind: linear, out_features: 3}
                    """, "{name: res", "layers[1]", "would generate 8000000000000000000000000000 mask multiply-accumulates"
                    + " per inference (2000000000 time steps x 2000000000 virtual nodes x 2000000000 features), more than"
                    + " memdse counts (9223372036854775807); shorten the sequence or use fewer features or virtual nodes"),
            new Case("reservoir on an image", HEAD + """
                      - {name: res, kind: reservoir, nodes: 4, mask_length: 5, tau: 400 us, pulse_width: 1 ms}
                      - {name: readout, kind: linear, out_features: 3}
                    """, "{name: res", "layers[1]", "takes a sequence [time steps, features] or one vector, but 'input' gives"
                    + " 1x8x8; flatten or reshape it first"),
            // Counts past a long once wrapped silently (a [2^31, 2^31] input into a 2^31-wide
            // linear layer printed 4612 P MACs, a wrapped 2^93).
            new Case("a layer counting more MACs than a long holds", """
                    version: 1
                    name: t
                    layers:
                      - {name: input, kind: input, shape: [2147483647, 2147483647]}
                      - {name: fc, kind: linear, out_features: 2147483647}
                    """, "{name: fc", "layers[1]", "linear 'fc' counts more elements, weights or operations per inference than memdse holds"),
            new Case("an input of more elements than a long holds", """
                    version: 1
                    name: t
                    layers:
                      - {name: input, kind: input, shape: [2147483647, 2147483647, 2147483647]}
                    """, "{name: input", "layers[0]", "input 'input' counts more elements"),
            new Case("layers that together count more MACs than a long holds", """
                    version: 1
                    name: t
                    layers:
                      - {name: input, kind: input, shape: [2147483647]}
                      - {name: a, kind: linear, out_features: 2147483647}
                      - {name: b, kind: linear, out_features: 2147483647}
                      - {name: c, kind: linear, out_features: 2147483647}
                    """, "version", "", "the network's layers together count more"),
            new Case("unknown kind with did-you-mean", HEAD + """
                      - {name: fc, kind: linaer, out_features: 10}
                    """, "linaer", "layers[1].kind", "found 'linaer' (did you mean 'linear'?)"),
            new Case("unknown key with did-you-mean", HEAD + """
                      - {name: flat, kind: flatten}
                      - {name: fc, kind: linear, out_features: 10, biass: false}
                    """, "biass", "layers[2].biass", "unknown key 'biass' (did you mean 'bias'?)"),
            new Case("dangling input", HEAD + """
                      - {name: conv1, kind: conv2d, out_channels: 4, kernel: 3}
                      - {name: conv2, kind: conv2d, out_channels: 4, kernel: 3, inputs: [conv3]}
                    """, "conv3]", "layers[2].inputs[0]", "unknown input 'conv3' (did you mean 'conv1'?)"),
            new Case("cycle between ANN layers", HEAD + """
                      - {name: a, kind: activation, function: relu, inputs: [b]}
                      - {name: b, kind: activation, function: relu, inputs: [a]}
                    """, "a]}", "layers[2].inputs[0]", "cycle: b -> a -> b"),
            new Case("add of different shapes", HEAD + """
                      - {name: conv1, kind: conv2d, out_channels: 4, kernel: 3, padding: 1}
                      - {name: conv2, kind: conv2d, out_channels: 8, kernel: 3, padding: 1}
                      - {name: sum, kind: add, inputs: [conv1, conv2]}
                    """, "[conv1, conv2]", "layers[3].inputs", "'conv1' gives 4x8x8 and 'conv2' gives 8x8x8"),
            new Case("linear in_features mismatch", HEAD + """
                      - {name: flat, kind: flatten}
                      - {name: fc, kind: linear, in_features: 400, out_features: 10}
                    """, "400", "layers[2].in_features", "expects in_features 400, but 'flat' gives 64"),
            new Case("missing required key", HEAD + """
                      - {name: conv1, kind: conv2d, kernel: 3}
                    """, "{name: conv1", "layers[1].out_channels", "missing required key 'out_channels'"),
            new Case("wrong type", HEAD + """
                      - {name: conv1, kind: conv2d, out_channels: 4, kernel: three}
                    """, "three", "layers[1].kernel", "expected an integer >= 1, found 'three'"),
            new Case("duplicate layer name", HEAD + """
                      - {name: relu, kind: activation, function: relu}
                      - {name: relu, kind: activation, function: tanh}
                    """, "relu, kind: activation, function: tanh", "layers[2].name",
                    "duplicate node name 'relu' (first defined at net.yaml:5:5)"),
            new Case("duplicate key in a layer", HEAD + """
                      - {name: conv1, kind: conv2d, out_channels: 4, kernel: 3, kernel: 5}
                    """, "kernel: 5", "layers[1].kernel", "duplicate key 'kernel'"),
            new Case("first layer without input", """
                    name: t
                    layers:
                      - {name: fc, kind: linear, out_features: 10}
                    """, "{name: fc", "layers[0]", "has no previous layer to take its input from"),
            new Case("linear on a feature map", HEAD + """
                      - {name: fc, kind: linear, out_features: 10}
                    """, "{name: fc", "layers[1]", "gives 1x8x8; put a flatten layer before it"),
            new Case("kernel larger than the input", HEAD + """
                      - {name: conv1, kind: conv2d, out_channels: 4, kernel: 11}
                    """, "11", "layers[1].kernel", "the 11 kernel (dilation 1, padding 0) does not fit the 8x8 input"),
            new Case("ANN layer fed with spikes", """
                    name: t
                    layers:
                      - {name: in, kind: encoder, shape: [2, 8, 8], encoding: rate, time_steps: 10, firing_rate: 0.1}
                      - {name: conv1, kind: conv2d, out_channels: 4, kernel: 3}
                    """, "{name: conv1", "layers[1]", "sends spikes; put an integration node (direction: spike-to-voltage)"),
            new Case("projection fed with activations", HEAD + """
                      - {name: syn, kind: projection, connectivity: dense, neurons: 10}
                    """, "{name: syn", "layers[1]", "takes spikes, but 'input' sends activations"),
            new Case("firing rate above 1", """
                    name: t
                    layers:
                      - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 10, firing_rate: 1.5}
                    """, "1.5", "layers[0].firing_rate", "expected a fraction in 0..1, found '1.5'"),
            new Case("unsupported version", """
                    version: 2
                    name: t
                    layers:
                      - {name: input, kind: input, shape: [4]}
                    """, "2", "version", "unsupported version '2'"),
            new Case("not valid YAML", HEAD + """
                      - {name: fc, kind: linear, out_features: 10
                    """, "", "", "not valid YAML"),
            new Case("IF neuron with a leak", """
                    name: t
                    layers:
                      - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 10, firing_rate: 0.1}
                      - {name: syn, kind: projection, connectivity: dense, neurons: 8}
                      - {name: pop, kind: population, model: if, tau_mem: 10 ms, firing_rate: 0.1}
                    """, "10 ms", "layers[2].tau_mem", "an 'if' neuron does not leak"),
            new Case("threshold in the wrong unit", """
                    name: t
                    layers:
                      - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 10, firing_rate: 0.1}
                      - {name: syn, kind: projection, connectivity: dense, neurons: 8}
                      - {name: pop, kind: population, model: lif, threshold: 5 ms, firing_rate: 0.1}
                    """, "5 ms", "layers[2].threshold", "(a time)"),
            new Case("SNN loop without feedback", """
                    name: t
                    layers:
                      - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 10, firing_rate: 0.1}
                      - {name: syn, kind: projection, connectivity: dense, neurons: 8}
                      - {name: pop, kind: population, model: lif, firing_rate: 0.1, inputs: [syn, back]}
                      - {name: back, kind: projection, connectivity: dense, neurons: 8}
                    """, "{name: back", "layers[3]", "cycle: back -> pop -> back; a network must be acyclic (a recurrent SNN projection is marked feedback: true)"),
            new Case("reshape element count", HEAD + """
                      - {name: r, kind: reshape, shape: [10, 7]}
                    """, "[10, 7]", "layers[1].shape", "shape [10, 7] holds 70 elements, but 'input' gives 64"),
            new Case("groups do not divide channels", HEAD + """
                      - {name: conv1, kind: conv2d, out_channels: 6, kernel: 3, groups: 4}
                    """, "4}", "layers[1].groups", "groups 4 must divide both the 1 input channels"),
            new Case("population size mismatch", """
                    name: t
                    layers:
                      - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 10, firing_rate: 0.1}
                      - {name: syn, kind: projection, connectivity: dense, neurons: 8}
                      - {name: pop, kind: population, neurons: 9, model: lif, firing_rate: 0.1}
                    """, "9,", "layers[2].neurons", "declares 9 neurons, but 'syn' projects onto 8"),
            new Case("missing layers", """
                    name: t
                    """, "name: t", "layers", "missing required key 'layers'"),
            new Case("add with one input", HEAD + """
                      - {name: sum, kind: add}
                    """, "{name: sum", "layers[1]", "add 'sum' needs at least 2 inputs, found 1"),
            new Case("input layer with inputs", HEAD + """
                      - {name: second, kind: input, shape: [4], inputs: [input]}
                    """, "[input]", "layers[1].inputs", "input 'second' takes no inputs, found 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInputGivesOnePreciseDiagnostic(Case c) {
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> NetworkReader.read(SpecSource.ofText(FILE, c.yaml())));
        assertThat(e).as("expected a SpecException").isNotNull();
        List<Diagnostic> ds = e.diagnostics();
        assertThat(ds).as(e.getMessage()).hasSize(1);
        Diagnostic d = ds.get(0);
        assertThat(d.position().file()).isEqualTo(FILE);
        if (!c.at().isEmpty()) {
            int offset = c.yaml().indexOf(c.at());
            assertThat(offset).as("snippet '%s' in the input", c.at()).isNotNegative();
            String before = c.yaml().substring(0, offset);
            int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
            int column = offset - before.lastIndexOf('\n');
            assertThat(d.position().line() + ":" + d.position().column()).as(d.toString()).isEqualTo(line + ":" + column);
        } else {
            assertThat(d.position().line()).isPositive();
        }
        assertThat(d.path()).as(d.toString()).isEqualTo(c.path());
        assertThat(d.message()).as(d.toString()).contains(c.message());
        assertThat(d.toString()).startsWith(FILE + ":" + d.position().line() + ":" + d.position().column() + ": error: ");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnce() {
        String yaml = HEAD + """
                  - {name: conv1, kind: conv2d, out_channels: 4, kernel: three}
                  - {name: fc, kind: linaer, out_features: 10}
                  - {name: pool, kind: max-pool, kernel: 2, strides: 2}
                  - {name: out, kind: activation, function: relu, inputs: [poool]}
                """;
        SpecException e = catchThrowableOfType(SpecException.class,
                () -> NetworkReader.read(SpecSource.ofText(FILE, yaml)));
        assertThat(e.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "net.yaml:5:58: error: layers[1].kernel: expected an integer >= 1, found 'three'",
                "net.yaml:6:22: error: layers[2].kind: expected one of input, conv2d, linear, max-pool, avg-pool, "
                        + "global-avg-pool, global-max-pool, activation, batch-norm, add, concat, flatten, reshape, "
                        + "lstm, gru, encoder, population, projection, integration, matmul, layer-norm, embedding, elementwise, select, reservoir, found 'linaer' (did you mean 'linear'?)",
                "net.yaml:7:45: error: layers[3].strides: unknown key 'strides' (did you mean 'stride'?); allowed here: "
                        + "name, kind, inputs, kernel, stride, padding, ceil_mode",
                "net.yaml:8:60: error: layers[4].inputs[0]: unknown input 'poool' (did you mean 'pool'?) for activation 'out'");
    }
}
