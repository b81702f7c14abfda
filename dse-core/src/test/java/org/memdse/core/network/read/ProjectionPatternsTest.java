package org.memdse.core.network.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.network.Connectivity;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Projection;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/** The projection patterns of network YAML: each is read, sized and counted; bad ones are errors with file:line. */
class ProjectionPatternsTest {
    private static final String HEAD = "name: t\nlayers:\n"
            + "  - {name: in, kind: encoder, shape: [2, 6, 6], encoding: rate, time_steps: 10, firing_rate: 0.1}\n";

    private static NetworkGraph read(String yaml) {
        return NetworkReader.read(SpecSource.ofText("net.yaml", yaml));
    }

    private static String error(SpecSource source) {
        SpecException e = catchThrowableOfType(SpecException.class, () -> NetworkReader.read(source));
        assertThat(e).as("expected a SpecException").isNotNull();
        assertThat(e.diagnostics()).hasSize(1);
        return e.diagnostics().get(0).toString();
    }

    @Test
    void everyPatternIsReadWithItsSynapses() {
        NetworkGraph g = read(HEAD + """
                  - {name: c, kind: projection, connectivity: convolution, out_channels: 4, kernel: 3, padding: 1}
                  - {name: p1, kind: population, model: lif, firing_rate: 0.1}
                  - {name: a, kind: projection, connectivity: all-but-self}
                  - {name: p2, kind: population, neurons: 144, model: lif, firing_rate: 0.1}
                  - {name: r, kind: projection, connectivity: random, neurons: 50, connection_probability: 0.2, seed: 3}
                  - {name: p3, kind: population, model: lif, firing_rate: 0.1}
                  - {name: d, kind: projection, connectivity: all-to-all, neurons: 5}
                  - {name: p4, kind: population, model: lif, firing_rate: 0.1}
                """);
        Projection c = (Projection) g.node("c").orElseThrow();
        assertThat(c.connectivity()).isEqualTo(Connectivity.CONV);
        // Stored: the shared 2x3x3 kernel per output channel; along which spikes travel: the windows inside the input.
        assertThat(g.stats(c).synapses()).isEqualTo(4 * 2 * 9);
        long taps = (4 * 4 + 4 * 4 * 6 + 16 * 9); // per 6x6 map: 4 corners, 16 edge, 16 inside positions
        assertThat(g.stats(c).synapticOpsPerStep()).isCloseTo(4 * 2 * taps * 0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.stats(g.node("a").orElseThrow()).synapses()).isEqualTo(144 * 143);
        Projection r = (Projection) g.node("r").orElseThrow();
        assertThat(r.seed()).isEqualTo(3);
        assertThat(g.stats(r).synapses()).isBetween(1200L, 1680L); // 144 x 50 x 0.2 = 1,440
        assertThat(g.stats(g.node("d").orElseThrow()).synapses()).isEqualTo(250);
    }

    @Test
    void aListIsReadFromAFileNextToTheNetwork(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pairs.txt"), "# pre post\n0 1\n71, 2\n\n3\t0  # tab\n");
        Files.writeString(dir.resolve("net.yaml"), HEAD + """
                  - {name: l, kind: projection, connectivity: file, neurons: 3, synapses: pairs.txt}
                  - {name: p, kind: population, model: lif, firing_rate: 0.1}
                """);
        NetworkGraph g = NetworkReader.read(dir.resolve("net.yaml"));
        Projection l = (Projection) g.node("l").orElseThrow();
        assertThat(l.synapseList().size()).isEqualTo(3);
        assertThat(l.synapseList().line(1)).isEqualTo(3);
        assertThat(g.stats(l).synapses()).isEqualTo(3);
    }

    @Test
    void aPresynapticIndexBeyondTheSourceNamesTheListsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pairs.txt"), "0 1\n72 2\n");
        Files.writeString(dir.resolve("net.yaml"), HEAD + """
                  - {name: l, kind: projection, connectivity: file, neurons: 3, synapses: pairs.txt}
                  - {name: p, kind: population, model: lif, firing_rate: 0.1}
                """);
        assertThat(error(SpecSource.of(dir.resolve("net.yaml"))))
                .contains("net.yaml:4:").contains("layers[1].synapses")
                .contains(dir.resolve("pairs.txt") + ":2: presynaptic neuron 72 does not exist: 'in' has 72 neurons (0 to 71)");
    }

    @Test
    void aPostsynapticIndexBeyondTheProjectionNamesTheListsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pairs.txt"), "0 1\n# ok so far\n5 3\n");
        Files.writeString(dir.resolve("net.yaml"), HEAD + """
                  - {name: l, kind: projection, connectivity: file, neurons: 3, synapses: pairs.txt}
                  - {name: p, kind: population, model: lif, firing_rate: 0.1}
                """);
        assertThat(error(SpecSource.of(dir.resolve("net.yaml"))))
                .contains(dir.resolve("pairs.txt") + ":3: postsynaptic neuron 3 does not exist: the projection is onto 3 neurons (0 to 2)");
        Files.writeString(dir.resolve("pairs.txt"), "0 1\n5 x\n");
        assertThat(error(SpecSource.of(dir.resolve("net.yaml"))))
                .contains(dir.resolve("pairs.txt") + ":2: expected 'pre post' (two 0-based neuron indices), found '5 x'");
        Files.delete(dir.resolve("pairs.txt"));
        assertThat(error(SpecSource.of(dir.resolve("net.yaml")))).contains("cannot read the synapse list");
    }

    @Test
    void aProbabilityOutsideZeroToOneIsRefusedAtItsLine() {
        assertThat(error(SpecSource.ofText("net.yaml", HEAD + """
                  - {name: r, kind: projection, connectivity: random, neurons: 5, connection_probability: 1.5}
                  - {name: p, kind: population, model: lif, firing_rate: 0.1}
                """))).startsWith("net.yaml:4:").contains("layers[1].connection_probability")
                .contains("expected a fraction in (0, 1], found '1.5'");
        assertThat(error(SpecSource.ofText("net.yaml", HEAD + """
                  - {name: r, kind: projection, connectivity: random, neurons: 5, connection_probability: -0.1}
                  - {name: p, kind: population, model: lif, firing_rate: 0.1}
                """))).startsWith("net.yaml:4:").contains("layers[1].connection_probability");
    }

    @Test
    void aPatternThatDoesNotMatchTheShapesIsRefusedAtItsLine() {
        // all-but-self keeps the source's 72 neurons; the population says 50.
        assertThat(error(SpecSource.ofText("net.yaml", HEAD + """
                  - {name: a, kind: projection, connectivity: all-but-self}
                  - {name: p, kind: population, neurons: 50, model: lif, firing_rate: 0.1}
                """))).startsWith("net.yaml:5:").contains("declares 50 neurons, but 'a' projects onto 72");
        // a convolution over a vector.
        assertThat(error(SpecSource.ofText("net.yaml", """
                name: t
                layers:
                  - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 10, firing_rate: 0.1}
                  - {name: c, kind: projection, connectivity: conv, out_channels: 2, kernel: 3}
                  - {name: p, kind: population, model: lif, firing_rate: 0.1}
                """))).startsWith("net.yaml:4:").contains("(conv) needs a [channels, height, width] source");
        // a kernel larger than the input.
        assertThat(error(SpecSource.ofText("net.yaml", HEAD + """
                  - {name: c, kind: projection, connectivity: conv, out_channels: 2, kernel: 7}
                  - {name: p, kind: population, model: lif, firing_rate: 0.1}
                """))).startsWith("net.yaml:4:").contains("does not fit the 6x6 input");
        // an unknown pattern.
        assertThat(error(SpecSource.ofText("net.yaml", HEAD + """
                  - {name: c, kind: projection, connectivity: all-but-slef}
                  - {name: p, kind: population, model: lif, firing_rate: 0.1}
                """))).startsWith("net.yaml:4:").contains("did you mean 'all-but-self'");
    }
}
