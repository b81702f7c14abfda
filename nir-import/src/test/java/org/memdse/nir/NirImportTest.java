package org.memdse.nir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.network.Connectivity;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NodeKind;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Shape;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

/**
 * NIR files written in the test step by Debian's python3-h5py (src/test/python/make_nir.py,
 * following NIR's own writer): every listed primitive imports, and a NIR file gives the same
 * layers, weight matrices, parameters and synaptic operations as the same network in memdse YAML.
 */
class NirImportTest {
    /** Debian's python3; the property lets .ci/run check the suite as on a machine without it. */
    private static final String PYTHON = System.getProperty("memdse.python3", "/usr/bin/python3");

    @TempDir
    static Path dir;

    private static String missing;

    @BeforeAll
    static void writeFiles() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            missing = "no " + PYTHON + "; apt-get install python3-h5py";
            return;
        }
        Process probe = new ProcessBuilder(PYTHON, "-c", "import h5py, numpy").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        if (probe.waitFor() != 0) {
            missing = "Debian's python3-h5py is not installed (python3 cannot import h5py); apt-get install python3-h5py";
            return;
        }
        Process p = new ProcessBuilder(PYTHON, "src/test/python/make_nir.py", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static NetworkGraph nir(String name) {
        assumeTrue(missing == null, missing);
        return NirNetworkReader.read(dir.resolve(name), NirImportOptions.defaults());
    }

    private static NetworkGraph yaml(String text) {
        return NetworkReader.read(SpecSource.ofText("same.yaml", text));
    }

    /** Same nodes (by name and kind), same counts and shapes, same edges. */
    private static void assertSameNetwork(NetworkGraph fromNir, NetworkGraph fromYaml) {
        assertThat(fromNir.nodes()).extracting(NetworkNode::name)
                .containsExactlyInAnyOrderElementsOf(fromYaml.nodes().stream().map(NetworkNode::name).toList());
        for (NetworkNode n : fromYaml.nodes()) {
            NetworkNode m = fromNir.node(n.name()).orElseThrow();
            assertThat(m.kind()).as(n.name()).isEqualTo(n.kind());
            assertThat(fromNir.stats(m)).as(n.name()).isEqualTo(fromYaml.stats(n));
            if (n instanceof Population p) {
                Population q = (Population) m;
                assertThat(q.model()).as(n.name()).isEqualTo(p.model());
                assertThat(q.firingRate()).as(n.name()).isEqualTo(p.firingRate());
                if (!Double.isNaN(p.threshold())) {
                    assertThat(q.threshold()).as(n.name()).isCloseTo(p.threshold(), within(1e-12));
                }
                if (!Double.isNaN(p.tauMem())) {
                    assertThat(q.tauMem()).as(n.name()).isCloseTo(p.tauMem(), within(1e-12));
                }
            } else {
                assertThat(m).as(n.name()).isEqualTo(n);
            }
        }
        assertThat(fromNir.edges().stream().map(e -> e.source() + "->" + e.target() + (e.feedback() ? " (feedback)" : "")))
                .containsExactlyInAnyOrderElementsOf(fromYaml.edges().stream()
                        .map(e -> e.source() + "->" + e.target() + (e.feedback() ? " (feedback)" : "")).toList());
        assertThat(fromNir.totals().synapticOps()).isEqualTo(fromYaml.totals().synapticOps());
        assertThat(fromNir.totals().synapses()).isEqualTo(fromYaml.totals().synapses());
    }

    @Test
    void affineLinearLifCubaLifLiScaleDelayAndOutputAsInYaml() {
        NetworkGraph g = nir("mlp.nir");
        assertSameNetwork(g, yaml("""
                name: mlp
                layers:
                  - {name: input, kind: encoder, shape: [20], encoding: rate, time_steps: 100, firing_rate: 0.1}
                  - {name: fc1, kind: projection, connectivity: dense, neurons: 30}
                  - {name: lif1, kind: population, neurons: 30, model: lif, threshold: 1 mV, tau_mem: 20 ms, firing_rate: 0.1}
                  - {name: fc2, kind: projection, connectivity: dense, neurons: 10}
                  - {name: cuba, kind: population, neurons: 10, model: lif, threshold: 2 mV, tau_mem: 10 ms, firing_rate: 0.1}
                  - {name: fc3, kind: projection, connectivity: dense, neurons: 4}
                  - {name: li, kind: population, neurons: 4, model: lif, tau_mem: 15 ms, firing_rate: 0}
                """));
        // Affine 20 -> 30: a 20 x 30 matrix; 20 inputs x 0.1 spikes x 30 targets per step.
        assertThat(g.stats("fc1").weights().orElseThrow().rows()).isEqualTo(20);
        assertThat(g.stats("fc1").synapticOpsPerStep()).isCloseTo(20 * 0.1 * 30, within(1e-9));
        assertThat(((Population) g.node("li").orElseThrow()).firingRate()).isZero();
    }

    @Test
    void conv2dIfSumPoolThresholdAvgPoolIntegratorAndFlattenAsInYaml() {
        NetworkGraph g = nir("cnn.nir");
        assertSameNetwork(g, yaml("""
                name: cnn
                layers:
                  - {name: input, kind: encoder, shape: [2, 16, 16], encoding: rate, time_steps: 100, firing_rate: 0.1}
                  - {name: conv1, kind: projection, connectivity: conv, out_channels: 8, kernel: 3, padding: 1}
                  - {name: if1, kind: population, neurons: 2048, model: if, threshold: 1 mV, firing_rate: 0.1}
                  - {name: pool, kind: projection, connectivity: conv, out_channels: 8, kernel: 2, stride: 2, groups: 8}
                  - {name: thr, kind: population, neurons: 512, model: if, threshold: 1 mV, firing_rate: 0.1}
                  - {name: avg, kind: projection, connectivity: conv, out_channels: 8, kernel: 2, stride: 2, groups: 8}
                  - {name: integ, kind: population, neurons: 128, model: if, firing_rate: 0}
                  - {name: fc, kind: projection, connectivity: dense, neurons: 10}
                  - {name: if2, kind: population, neurons: 10, model: if, threshold: 1 mV, firing_rate: 0.1}
                """));
        assertThat(g.stats("if1").outputShape()).isEqualTo(Shape.of(8, 16, 16));
        assertThat(g.stats("integ").outputShape()).isEqualTo(Shape.of(8, 4, 4));
    }

    @Test
    void conv1dAndCubaLiAsInYaml() {
        NetworkGraph g = nir("conv1d.nir");
        assertSameNetwork(g, yaml("""
                name: conv1d
                layers:
                  - {name: input, kind: encoder, shape: [3, 1, 50], encoding: rate, time_steps: 100, firing_rate: 0.1}
                  - {name: conv, kind: projection, connectivity: conv, out_channels: 6, kernel: [1, 5], padding: [0, 2]}
                  - {name: lif, kind: population, neurons: 300, model: lif, threshold: 1 mV, tau_mem: 20 ms, firing_rate: 0.1}
                  - {name: fc, kind: projection, connectivity: dense, neurons: 4}
                  - {name: cuba_li, kind: population, neurons: 4, model: lif, tau_mem: 10 ms, firing_rate: 0}
                """));
        assertThat(((Projection) g.node("conv").orElseThrow()).connectivity()).isEqualTo(Connectivity.CONV);
    }

    @Test
    void aRecurrentEdgeBecomesAFeedbackProjection() {
        NetworkGraph g = nir("recurrent.nir");
        assertSameNetwork(g, yaml("""
                name: recurrent
                layers:
                  - {name: input, kind: encoder, shape: [12], encoding: rate, time_steps: 100, firing_rate: 0.1}
                  - {name: fc_in, kind: projection, connectivity: dense, neurons: 16}
                  - {name: lif, kind: population, inputs: [fc_in, w_rec], neurons: 16, model: lif, threshold: 1 mV,
                     tau_mem: 20 ms, firing_rate: 0.1}
                  - {name: w_rec, kind: projection, connectivity: dense, neurons: 16, feedback: true, inputs: [lif]}
                  - {name: fc_out, kind: projection, connectivity: dense, neurons: 3, inputs: [lif]}
                  - {name: lif_out, kind: population, neurons: 3, model: lif, threshold: 1 mV, tau_mem: 20 ms,
                     firing_rate: 0.1}
                """));
        assertThat(((Projection) g.node("w_rec").orElseThrow()).feedback()).isTrue();
        assertThat(g.nodes().stream().filter(n -> n.kind() == NodeKind.POPULATION).map(n -> ((Population) n).model()))
                .containsOnly(NeuronModel.LIF);
    }

    @Test
    void theRatesAndTimeStepsComeFromTheOptions() {
        assumeTrue(missing == null, missing);
        NetworkGraph g = NirNetworkReader.read(dir.resolve("mlp.nir"), new NirImportOptions(50, 0.02, 0.2));
        assertThat(g.stats("lif1").timeSteps()).isEqualTo(50);
        assertThat(((Population) g.node("lif1").orElseThrow()).firingRate()).isEqualTo(0.02);
        assertThat(g.stats("fc1").synapticOpsPerStep()).isCloseTo(20 * 0.2 * 30, within(1e-9));
    }

    @Test
    void aDanglingEdgeIsNamedWithTheEdgeAndASuggestion() {
        assumeTrue(missing == null, missing);  // outside the lambda: a skip, not a thrown exception
        assertThatThrownBy(() -> nir("dangling.nir")).isInstanceOf(SpecException.class)
                .hasMessageContaining("dangling.nir").hasMessageContaining("node/edges[2]")
                .hasMessageContaining("'outptu' is no node of the graph");
    }

    @Test
    void aLoopWithoutASynapticLayerIsAnError() {
        assumeTrue(missing == null, missing);  // outside the lambda: a skip, not a thrown exception
        assertThatThrownBy(() -> nir("loop.nir")).isInstanceOf(SpecException.class)
                .hasMessageContaining("loop.nir").hasMessageContaining("closes a loop with no synaptic layer");
    }

    @Test
    void anUnsupportedPrimitiveIsNamedWithItsNode() {
        assumeTrue(missing == null, missing);  // outside the lambda: a skip, not a thrown exception
        assertThatThrownBy(() -> nir("unknown.nir")).isInstanceOf(SpecException.class)
                .hasMessageContaining("node/nodes/adex (AdEx)").hasMessageContaining("unsupported NIR primitive AdEx");
    }

    @Test
    void aWeightThatDoesNotFitItsSourceIsNamed() {
        assumeTrue(missing == null, missing);  // outside the lambda: a skip, not a thrown exception
        assertThatThrownBy(() -> nir("mismatch.nir")).isInstanceOf(SpecException.class)
                .hasMessageContaining("node/nodes/fc (Affine)").hasMessageContaining("takes 4 inputs, but input sends 5");
    }

    @Test
    void aTruncatedFileIsAnErrorOnTheFile() throws IOException {
        assumeTrue(missing == null, missing);
        byte[] whole = Files.readAllBytes(dir.resolve("mlp.nir"));
        Path cut = dir.resolve("cut.nir");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 3));
        assertThat(NirNetworkReader.isHdf5(cut)).isTrue();
        assertThatThrownBy(() -> NirNetworkReader.read(cut, NirImportOptions.defaults()))
                .isInstanceOf(SpecException.class).hasMessageContaining("cut.nir");
    }

    @Test
    void anHdf5FileThatIsNoNirGraphSaysSo() throws IOException {
        assumeTrue(missing == null, missing);
        Path notNir = dir.resolve("plain.h5");
        Process p = new ProcessBuilder(PYTHON, "-c", "import h5py, sys; f = h5py.File(sys.argv[1], 'w'); "
                + "f.create_dataset('x', data=[1, 2, 3]); f.close()", notNir.toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        try {
            assertThat(p.waitFor()).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThatThrownBy(() -> NirNetworkReader.read(notNir, NirImportOptions.defaults()))
                .isInstanceOf(SpecException.class).hasMessageContaining("not a NIR file");
    }
}
