package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NetworkTotals;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.TrafficEdge;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.YamlMutations;

/**
 * Property-based fuzzing of the network reader: network files made by mutating valid ones (the
 * bundled networks and a seed with every layer kind and key) must each be read into a network
 * whose every figure {@code memdse network} prints is a finite, non-negative count, or be
 * rejected with diagnostics that point into the file (line and column); nothing else may escape.
 * The seed is fixed, so CI runs the same inputs every time.
 */
class NetworkFuzzTest {
    /** How many generated networks one run reads. */
    static final int TRIES = 6000;
    private static final String FILE = "fuzz-network.yaml";
    static final List<String> SEEDS = seeds();

    @Property(tries = TRIES, seed = "20261205", shrinking = ShrinkingMode.BOUNDED)
    void everyMutatedNetworkIsReadOrRejectedWithPositions(@ForAll("mutatedNetworks") String text) {
        Statistics.collect(readOrReject(text));
    }

    @Example
    void everySeedIsAValidNetwork() {
        assertThat(SEEDS).hasSizeGreaterThanOrEqualTo(11);
        for (String seed : SEEDS) {
            NetworkReader.read(SpecSource.ofText(FILE, seed)); // a mistake in a seed shows its diagnostics
            assertThat(readOrReject(seed)).as(seed).isEqualTo("read");
        }
    }

    /** The property: read, with every printed figure a finite count, or rejected at a line and column. */
    static String readOrReject(String text) {
        NetworkGraph g;
        try {
            g = NetworkReader.read(SpecSource.ofText(FILE, text));
        } catch (SpecException e) {
            assertThat(e.diagnostics()).isNotEmpty().allSatisfy(NetworkFuzzTest::assertPositioned);
            return "rejected";
        }
        assertThat(g.nodes()).isNotEmpty();
        for (NetworkNode node : g.nodes()) {
            NodeStats s = g.stats(node);
            assertThat(s.outputShape().dims()).as("shape of %s", node.name()).allSatisfy(d -> assertThat(d).isPositive());
            assertThat(s.params()).as("params of %s", node.name()).isNotNegative();
            assertThat(s.macs()).as("MACs of %s", node.name()).isNotNegative();
            assertCount(s.synapticOpsPerInference(), "synaptic ops of " + node.name());
            for (TrafficEdge e : g.outputs(node)) {
                assertCount(e.bitsPerInference(), "traffic out of " + node.name());
            }
            g.inputActivity(node).ifPresent(a -> assertThat(a.density()).isBetween(0.0, 1.0));
        }
        NetworkTotals t = g.totals();
        assertThat(t.params()).isNotNegative();
        assertThat(t.macs()).isNotNegative();
        assertThat(t.matrixWeights()).isNotNegative();
        assertThat(t.synapses()).isNotNegative();
        assertCount(t.synapticOps(), "total synaptic ops");
        assertCount(t.spikes(), "total spikes");
        assertCount(t.trafficBits(), "total traffic");
        assertThat(g.toString()).isNotEmpty();
        return "read";
    }

    private static void assertCount(double v, String what) {
        assertThat(v).as(what).isFinite().isGreaterThanOrEqualTo(0.0);
    }

    private static void assertPositioned(Diagnostic d) {
        assertThat(d.position().file()).as("file of %s", d).isEqualTo(FILE);
        assertThat(d.position().line()).as("line of %s", d).isPositive();
        assertThat(d.position().column()).as("column of %s", d).isPositive();
        assertThat(d.message()).as("message of %s", d).isNotBlank();
    }

    // ---- generation ------------------------------------------------------------------------

    @Provide
    Arbitrary<String> mutatedNetworks() {
        return MUTATIONS.documents();
    }

    private static final List<String> KEYS = List.of("version", "name", "description", "source", "weight_bits",
            "activation_bits", "input_bit_density", "layers", "kind", "inputs", "shape", "in_channels",
            "out_channels", "kernel", "stride", "padding", "dilation", "groups", "bias", "batch_norm", "activation",
            "ceil_mode", "function", "axis", "in_features", "out_features", "hidden_size", "return_sequences",
            "encoding", "time_steps", "firing_rate", "neurons", "model", "threshold", "tau_mem", "tau_adapt",
            "connectivity", "connection_probability", "learning", "feedback", "direction", "input", "conv2d", "linear",
            "max-pool", "avg-pool", "global-avg-pool", "global-max-pool", "batch-norm", "add", "concat", "flatten",
            "reshape", "lstm", "gru", "encoder", "population", "projection", "integration", "dense", "sparse",
            "one-to-one", "conv", "rate", "temporal", "delta", "stdp", "none", "lif", "if", "adaptive-lif", "relu",
            "softmax", "spike-to-voltage", "voltage-to-spike", "image", "conv1", "fc1", "pop1", "syn1", "back");

    /**
     * Sizes at and beyond what a 32-bit count, a 64-bit product and the memory of a machine hold,
     * shapes and kernel pairs, fractions at and beyond their ends, voltages and times.
     */
    private static final List<String> BOUND_VALUES = List.of("0", "1", "-1", "2", "65535", "65536", "46341",
            "1048576", "2147483646", "2147483647", "2147483648", "4294967296", "[65536, 65536, 65536]",
            "[2147483647, 2147483647]", "[46341, 46341]", "[1, 1, 1, 1, 1, 1, 1, 1, 1]", "[0]", "[-1, 7]", "[-1, -1]",
            "[]", "[1, 2147483647]", "[2147483647, 1]", "[0, 0, 0, 0]", "[1, 2, 3]", "[3, 100000, 100000]",
            "[1000000000]", "0.0", "1e-300", "4.9e-324", "1.0000001", "0.9999999", "1e308", "-0.5", "1 V", "-1e300 V",
            "1e300 V", "0 s", "1e-300 s", "1e300 s", "1 ms", "64", "65", "63", "7", "8");
    /** Declared after what it uses (static fields initialise in order). */
    static final YamlMutations MUTATIONS = new YamlMutations(SEEDS, KEYS, BOUND_VALUES);

    // ---- seeds ----------------------------------------------------------------------------------

    /** The bundled networks of the architectures module, and one with every kind and key. */
    private static List<String> seeds() {
        Path bundled = Path.of("..", "architectures", "src", "main", "resources", "org", "memdse", "architectures",
                "networks");
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(bundled)) {
            for (Path file : files.sorted().toList()) {
                seeds.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            seeds.add(Files.readString(Path.of(NetworkFuzzTest.class.getResource("fuzz/kitchen-sink.yaml").toURI()),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz seeds are the bundled networks, looked for in "
                    + bundled.toAbsolutePath(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(seeds);
    }
}
