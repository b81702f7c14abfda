package org.memdse.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.arch.SpikeDelivery;
import org.memdse.core.network.NetworkGraph;
import org.memdse.mapping.partition.ConnectivityPartitioner;
import org.memdse.mapping.partition.CoreGeometry;
import org.memdse.mapping.partition.NeuronGraph;
import org.memdse.mapping.partition.SpikeCut;

/**
 * The check: on cores of 256 neurons and 2,048 synapse rows over a bus (where every
 * core-to-core spike costs the same), the spike bits crossing cores under memdse's partition are
 * at most 1.10x those under gpmetis's partition of the same neuron-level graph (edge u-v weighted
 * by the spike bits u sends v plus those v sends u; as many parts as hold the neurons at 248 per
 * part and METIS's default 3 % imbalance, so that no part exceeds 256). Both partitions are
 * scored by {@link SpikeCut} with multicast routing. METIS does not see the rows limit; memdse's
 * partition keeps it.
 *
 * <p>Measured (gpmetis 5.1, seed 1): 0.80x diehl-cook-stdp, 0.95x fig4-hybrid, 1.02x
 * dvs-gesture-csnn (1.07x before two-hop matching, 1.00x with three coarse refinement passes),
 * 0.85x / 0.49x / 0.67x the random SNNs.
 */
class MetisComparisonTest {
    private static final Logger LOG = Logger.getLogger(MetisComparisonTest.class.getName());
    /** Debian's gpmetis (package metis); the property lets .ci/run check the suite as on a machine without it. */
    static final Path GPMETIS = Path.of(System.getProperty("memdse.gpmetis", "/usr/bin/gpmetis"));
    private static final CoreGeometry CORE = new CoreGeometry(256, 2048);
    /** The bound: memdse's cut at most 1.10x gpmetis's. */
    private static final double TARGET = 1.10;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("diehl-cook-stdp", Bundled.network("diehl-cook-stdp"), TARGET),
                Arguments.of("fig4-hybrid (SNN part)", Bundled.network("fig4-hybrid"), TARGET),
                Arguments.of("dvs-gesture-csnn", Bundled.network("dvs-gesture-csnn"), TARGET),
                Arguments.of("random SNN 1", RandomSnns.of(1), TARGET),
                Arguments.of("random SNN 2", RandomSnns.of(2), TARGET),
                Arguments.of("random SNN 3", RandomSnns.of(3), TARGET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void memdseCutsAtMostTenPercentMoreSpikeBitsThanMetis(String name, NetworkGraph network, double bound,
            @TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(GPMETIS), GPMETIS + " is missing; apt-get install metis");
        NeuronGraph g = NeuronGraph.of(network);
        ConnectivityPartitioner.Result ours = new ConnectivityPartitioner(g, CORE, 1).partition();
        int[] rows = SpikeCut.rows(g, ours.part(), ours.parts());
        int[] neurons = SpikeCut.neurons(ours.part(), ours.parts());
        for (int p = 0; p < ours.parts(); p++) {
            assertThat(neurons[p]).as("neurons on core %d", p).isLessThanOrEqualTo(256);
            assertThat(rows[p]).as("rows on core %d", p).isLessThanOrEqualTo(2048);
        }
        double oursBits = SpikeCut.of(g, ours.part(), ours.parts(), SpikeDelivery.MULTICAST).coreToCoreBits();

        int parts = (g.neurons() + 247) / 248;
        int[] metis = parts == 1 ? new int[g.neurons()] : gpmetis(g, parts, dir);
        double metisBits = SpikeCut.of(g, metis, parts, SpikeDelivery.MULTICAST).coreToCoreBits();
        LOG.info(() -> String.format(Locale.ROOT, "%s: %d neurons, %d synapses; core-to-core spike bits: memdse %.1f"
                        + " on %d cores, gpmetis %.1f on %d: ratio %.3f", name, g.neurons(), g.pins(), oursBits,
                ours.parts(), metisBits, parts, metisBits == 0 ? 0 : oursBits / metisBits));
        assertThat(oursBits).as(name).isLessThanOrEqualTo(bound * metisBits + 1e-9);
    }

    /** gpmetis's parts for the symmetrised neuron graph. */
    static int[] gpmetis(NeuronGraph g, int parts, Path dir) throws IOException, InterruptedException {
        int n = g.neurons();
        // Adjacency: u-v for every synapse between population neurons, both ways, deduplicated.
        long[] keys = new long[2 * g.pins()];
        int size = 0;
        double maxBits = 0;
        for (int net = 0; net < g.nets(); net++) {
            int s = g.source(net);
            if (s < 0) {
                continue;
            }
            maxBits = Math.max(maxBits, g.bits(net));
            for (int k = g.pinStart(net); k < g.pinEnd(net); k++) {
                int t = g.pin(k);
                keys[size++] = (long) s << 32 | t;
                keys[size++] = (long) t << 32 | s;
            }
        }
        long[] sorted = java.util.Arrays.copyOf(keys, size);
        java.util.Arrays.sort(sorted);
        int[] degree = new int[n];
        long edges = 0;
        long previous = -1;
        for (long k : sorted) {
            if (k != previous) {
                degree[(int) (k >>> 32)]++;
                edges++;
                previous = k;
            }
        }
        Path graph = dir.resolve("snn.graph");
        double scale = maxBits > 0 ? 1000 / maxBits : 1;
        try (BufferedWriter w = Files.newBufferedWriter(graph)) {
            w.write(n + " " + edges / 2 + " 001\n");
            int i = 0;
            for (int u = 0; u < n; u++) {
                StringBuilder line = new StringBuilder();
                previous = -1;
                while (i < sorted.length && (int) (sorted[i] >>> 32) == u) {
                    long k = sorted[i++];
                    if (k == previous) {
                        continue;
                    }
                    previous = k;
                    int v = (int) k;
                    double bits = sends(g, u, v) + sends(g, v, u);
                    long weight = Math.max(1, Math.round(bits * scale));
                    line.append(v + 1).append(' ').append(weight).append(' ');
                }
                w.write(line.toString().trim());
                w.write('\n');
            }
        }
        Process p = new ProcessBuilder(GPMETIS.toString(), "-seed=1", "-ufactor=30", graph.toString(),
                String.valueOf(parts)).redirectErrorStream(true).redirectOutput(dir.resolve("gpmetis.log").toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("gpmetis.log"))).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("snn.graph.part." + parts));
        int[] part = new int[n];
        for (int v = 0; v < n; v++) {
            part[v] = Integer.parseInt(lines.get(v).trim());
        }
        return part;
    }

    /** Spike bits u sends v per inference (0 if u has no synapse onto v). */
    private static double sends(NeuronGraph g, int u, int v) {
        int net = g.outNet(u);
        if (net < 0) {
            return 0;
        }
        int lo = g.pinStart(net);
        int hi = g.pinEnd(net) - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int t = g.pin(mid);
            if (t == v) {
                return g.bits(net);
            }
            if (t < v) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0;
    }
}
