package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ShrinkingMode;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/**
 * {@link NetworkReader#read} reads {@code layers} item by item as the parser reaches them;
 * {@link NetworkReader#readWhole} reads the whole composed tree. Both must give the same network
 * (every node, statistic, edge and input-bit density) or the same problems (every error and
 * warning, with position, path and message), on the bundled networks, on thousands of mutated
 * ones and on the cases where the two could part: keys after the list, anchors and aliases,
 * duplicate lists, YAML errors after layers with errors of their own.
 */
class NetworkStreamingTest {
    private static final String FILE = "net.yaml";

    @Property(tries = 1500, seed = "20261206", shrinking = ShrinkingMode.BOUNDED)
    void mutatedNetworksReadTheSameEitherWay(@ForAll("mutatedNetworks") String text) {
        assertSame(text);
    }

    @Provide
    Arbitrary<String> mutatedNetworks() {
        return NetworkFuzzTest.MUTATIONS.documents();
    }

    @Example
    void everySeedReadsTheSameEitherWay() {
        for (String seed : NetworkFuzzTest.SEEDS) {
            assertThat(outcome(seed, NetworkReader::read)).as(seed).startsWith("network ");
            assertSame(seed);
        }
    }

    @Example
    void keysAfterTheLayersAndWeightBitsAfterThemAreRead() {
        String snn = """
                layers:
                  - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 8, firing_rate: 0.1}
                  - {name: syn, kind: projection, connectivity: dense, neurons: 4}
                  - {name: pop, kind: population, model: lif, tau_mem: 10 ms, firing_rate: 0.05}
                """;
        assertSame("name: snn\n" + snn + "weight_bits: 3\n");
        assertSame("weight_bits: 5\n" + snn + "name: snn\nweight_bits: 3\n");
        assertSame(snn + "name: snn\nactivation_bits: 4\ninput_bit_density: 0.3\ndescription: after\n");
        assertThat(outcome("name: snn\n" + snn + "weight_bits: 3\n", NetworkReader::read)).contains("3 bit");
    }

    @Example
    void listsWithAnchorsAliasesOrTwiceAreReadTheSameEitherWay() {
        String layer = "{name: c, kind: conv2d, out_channels: 4, kernel: 3, colour: red}";
        assertSame("name: a\nlayers: &all\n  - {name: in, kind: input, shape: [1, 8, 8]}\nagain: *all\n");
        assertSame("name: a\nlayers: !!seq\n  - {name: in, kind: input, shape: [1, 8, 8]}\n");
        assertSame("name: a\nlayers:\n  - {name: in, kind: input, shape: [1, 8, 8]}\n  - &c " + layer + "\n  - *c\n");
        assertSame("name: a\nlayers:\n  - {name: in, kind: input, shape: [1, 8, 8]}\n  - &c " + layer
                + "\nother: *c\n");
        assertSame("name: a\nlayers:\n  - {name: in, kind: input, shape: [1, 8, 8]}\nlayers:\n  - {name: x}\n");
        assertSame("name: a\nlayers: []\n");
        assertSame("name: a\nlayers: {name: in}\n");
        assertSame("name: a\nlayers:\n");
        assertSame("name: a\n");
        assertSame("- layers:\n  - {name: in, kind: input, shape: [1]}\n");
        assertSame("name: a\nnested: {layers: [{name: in, kind: input, shape: [1]}]}\nlayers:\n  - {name: in, kind: input, shape: [1]}\n");
    }

    @Example
    void problemsInLayersAndGraphChecksPointAtTheSamePlaces() {
        String text = """
                name: bad
                layers:
                  - {name: in, kind: input, shape: [1, 8, 8]}
                  - {name: c1, kind: conv2d, out_channels: 4, kernel: 3, colour: red}
                  - name: fc
                    kind: linear
                    in_features: 7
                    out_features: 10
                  - {name: c2, kind: conv2d, out_channels: 0, kernel: 3, inputs: [nowhere]}
                  - {name: c1, kind: add, inputs: [in, fc]}
                  - {kind: konv2d}
                """;
        assertThat(outcome(text, NetworkReader::readWhole)).contains("unknown key 'colour'", "unknown input 'nowhere'",
                "duplicate node name 'c1'", "did you mean 'conv2d'");
        assertSame(text);
        String shapes = """
                name: bad
                layers:
                  - {name: in, kind: input, shape: [64]}
                  - name: fc
                    kind: linear
                    in_features: 7
                    out_features: 10
                """;
        assertThat(outcome(shapes, NetworkReader::readWhole)).contains("net.yaml:6:18", "@layers[1].in_features");
        assertSame(shapes);
    }

    @Example
    void aYamlErrorAfterLayersWithErrorsIsTheOnlyProblemEitherWay() {
        String text = "name: a\nlayers:\n  - {name: in, kind: input, shape: [1, 8, 8]}\n"
                + "  - {name: c, kind: conv2d, out_channels: -1, kernel: 3}\n  - {name: d, kind: [\n";
        String streamed = outcome(text, NetworkReader::read);
        assertThat(streamed).contains("not valid YAML").doesNotContain("out_channels");
        assertSame(text);
        assertSame("name: a\nlayers:\n  - {name: in, kind: input, shape: [1, 8, 8], bogus: 1}\n---\nname: b\n");
    }

    @Example
    void aLongChainReadsTheSameEitherWay() {
        StringBuilder text = new StringBuilder("name: chain\nlayers:\n  - {name: in, kind: input, shape: [4, 8, 8]}\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("  - {name: c").append(i).append(", kind: conv2d, out_channels: 4, kernel: 3, padding: 1")
                    .append(i % 700 == 5 ? ", in_channels: 5" : "").append("}\n");
        }
        assertSame(text.toString());
        assertSame(text.toString().replace(", in_channels: 5", ""));
    }

    private static void assertSame(String text) {
        assertThat(outcome(text, NetworkReader::read)).as(text).isEqualTo(outcome(text, NetworkReader::readWhole));
    }

    /** Everything the network says, or every problem with its place, as text. */
    private static String outcome(String text, Function<SpecSource, NetworkGraph> reader) {
        NetworkGraph g;
        try {
            g = reader.apply(SpecSource.ofText(FILE, text));
        } catch (SpecException e) {
            return "problems " + e.diagnostics().stream().map(d -> d + " @" + d.path()).toList() + " warnings "
                    + e.warnings().stream().map(d -> d + " @" + d.path()).toList();
        }
        StringBuilder b = new StringBuilder("network ").append(g.name()).append(' ').append(g.weightBits())
                .append(" bit ").append(g.activationBits()).append(" bit ").append(g.networkInputBitDensity())
                .append('\n');
        for (NetworkNode node : g.nodes()) {
            b.append(node).append(' ').append(g.stats(node)).append(' ').append(g.inputs(node)).append(' ')
                    .append(g.outputs(node)).append(' ').append(g.inputActivity(node)).append('\n');
        }
        List<?> edges = g.edges();
        return b.append(edges).append(' ').append(g.feedbackEdges()).append(' ').append(g.totals()).toString();
    }
}
