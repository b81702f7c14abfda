package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return MemdseCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void tableOfABundledNetwork() {
        assertThat(run("network", "lenet5")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("network lenet5")
                .containsPattern("c1\\s+conv2d\\s+6x28x28\\s+25x6\\s+156\\s+118 k")
                .containsPattern("total\\s+9 nodes\\s+61.5 k cells\\s+61.7 k\\s+417 k");
    }

    /**
     * A long network's rows and cells are made in parallel chunks: the text must not depend on
     * how many (each chunk formats its own figures; the widths are the whole table's).
     */
    @Test
    void aLongNetworkPrintsTheSameInOneChunkOrSeveral() {
        StringBuilder yaml = new StringBuilder("version: 1\nname: long\nlayers:\n  - {name: input, kind: input, shape: [4, 8, 8]}\n");
        for (int i = 0; i < 1000; i++) {
            // Growing channels and a long name late on: the widths come from the last chunk.
            yaml.append("  - {name: c").append(i).append(i == 997 ? "_with_a_much_longer_name" : "")
                    .append(", kind: conv2d, out_channels: ").append(4 + i % 7).append(", kernel: 3, padding: 1}\n");
            yaml.append("  - {name: r").append(i).append(", kind: activation, function: relu}\n");
        }
        org.memdse.core.network.NetworkGraph g = org.memdse.core.network.read.NetworkReader.read(
                org.memdse.core.spec.SpecSource.ofText("long.yaml", yaml.toString()));
        for (NetworkCommand.Format format : NetworkCommand.Format.values()) {
            String one = printed(g, format, 1);
            assertThat(one).contains("c997_with_a_much_longer_name");
            for (int chunks : new int[] {2, 3, 4}) {
                assertThat(printed(g, format, chunks)).as(format + " in " + chunks + " chunks").isEqualTo(one);
            }
        }
        assertThat(NetworkCommand.chunks(NetworkCommand.PARALLEL_FROM_ROWS - 1)).isEqualTo(1);
    }

    private static String printed(org.memdse.core.network.NetworkGraph g, NetworkCommand.Format format, int chunks) {
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        NetworkCommand.print(w, g, format, chunks);
        w.flush();
        return text.toString();
    }

    @Test
    void aReservoirSaysWhatItWillBePricedFor() {
        assertThat(run("network", "zhong2021-henon")).isEqualTo(ExitCodes.OK);
        // 25 devices x mask 4 = 100 virtual nodes; a step of 4 x 1 ms, which tau = 400 us spans a tenth of.
        assertThat(out.toString()).containsPattern("reservoir\\s+reservoir\\s+1x100")
                .contains("reservoir reservoir: 1 node x 25 parallel = 25 dynamic memristors, mask 4 -> 100 virtual nodes; "
                        + "tau 400 us, pulse 1 ms (a time step 4 ms, memory ~0.1 steps); per inference 1 time step: "
                        + "100 pulses, 100 mask MACs, 100 samples; pulse energy from the architecture's reservoir array");
    }

    @Test
    void aReservoirsCountsAreInTheJsonToo() {
        // Issue 18: the table's reservoir line had no JSON counterpart. The same figures, units in the keys:
        // 400 us = 400000 ns exactly (not 399999.99999999994), a step of 4 x 1 ms, tau / step = 0.1.
        assertThat(run("network", "zhong2021-henon", "--format", "json")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("{\"name\": \"reservoir\", \"kind\": \"reservoir\", \"output_shape\": \"1x100\"")
                .contains(", \"reservoir\": {\"nodes\": 1, \"parallel\": 25, \"devices\": 25, \"mask_length\": 4, "
                        + "\"virtual_nodes\": 100, \"tau_ns\": 400000, \"pulse_width_ns\": 1000000, \"time_step_ns\": 4000000, "
                        + "\"memory_time_steps\": 0.1, \"time_steps\": 1, \"pulses\": 100, \"mask_macs\": 100, \"samples\": 100, "
                        + "\"pulse_energy_pj\": null}},")
                // Only reservoir layers carry the key: the readout's line ends as every other layer's does.
                .containsOnlyOnce("\"reservoir\": {");
    }

    @Test
    void aReservoirsOwnPulseEnergyIsInTheJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("res.yaml");
        Files.writeString(file, "version: 1\nname: r\nlayers:\n  - {name: in, kind: input, shape: [3, 2]}\n"
                + "  - {name: res, kind: reservoir, nodes: 2, mask_length: 5, tau: 10 us, pulse_width: 2 us, pulse_energy: 25 nJ}\n"
                + "  - {name: out, kind: linear, out_features: 1}\n");
        assertThat(run("network", file.toString(), "--format", "json")).isEqualTo(ExitCodes.OK);
        // T = 3 steps x V = 10 virtual nodes = 30 pulses, x F = 2 features = 60 mask MACs; a step of 10 us = tau.
        assertThat(out.toString()).contains("\"reservoir\": {\"nodes\": 2, \"parallel\": 1, \"devices\": 2, "
                + "\"mask_length\": 5, \"virtual_nodes\": 10, \"tau_ns\": 10000, \"pulse_width_ns\": 2000, "
                + "\"time_step_ns\": 10000, \"memory_time_steps\": 1, \"time_steps\": 3, \"pulses\": 30, \"mask_macs\": 60, "
                + "\"samples\": 30, \"pulse_energy_pj\": 25000}");
    }

    @Test
    void csvAndJson() {
        assertThat(run("network", "mlp-mnist", "--format", "csv")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("name,kind,output_shape,weight_matrix,params,macs,synaptic_ops,traffic_out_bits,"
                        + "input_bit_density,input_bit_density_source\n")
                .contains("input,input,400,-,0,0,0,3200,,\n")
                .contains("hidden,linear,100,400x100,40000,40000,0,800,0.5,default for the network input\n")
                .contains("output,linear,10,100x10,1000,1000,0,0,0.5,default after sigmoid\n")
                .contains("total,,,,41000,41000,0,4000,,\n");
        out.getBuffer().setLength(0);
        assertThat(run("network", "diehl-cook-stdp", "--format", "json")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("\"network\": \"diehl-cook-stdp\"")
                .contains("{\"name\": \"input_exc\", \"kind\": \"projection\", \"output_shape\": \"400\", \"weight_matrix\": \"784x400\"")
                .contains("\"synapses\": 473600");
    }

    @Test
    void aFileWithErrorsExitsWith2AndPointsIntoIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nlayers:\n  - {name: in, kind: input, shape: [4]}\n  - {name: fc, kind: linaer, out_features: 2}\n");
        assertThat(run("network", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":4:22: error: layers[1].kind: expected one of")
                .contains("(did you mean 'linear'?)").contains("1 error");
    }

    @Test
    void aSynapseListWithAnIndexBeyondItsSourceExitsWith2AndNamesTheListsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pairs.txt"), "0 0\n1 1\n16 2\n");
        Path file = dir.resolve("snn.yaml");
        Files.writeString(file, "name: snn\nlayers:\n"
                + "  - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 10, firing_rate: 0.1}\n"
                + "  - {name: syn, kind: projection, connectivity: file, neurons: 4, synapses: pairs.txt}\n"
                + "  - {name: pop, kind: population, model: lif, firing_rate: 0.1}\n");
        assertThat(run("network", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":4:").contains("layers[1].synapses")
                .contains(dir.resolve("pairs.txt") + ":3: presynaptic neuron 16 does not exist: 'in' has 16 neurons")
                .doesNotContain("Exception");
        assertThat(out.toString()).isEmpty();
        err.getBuffer().setLength(0);
        Files.writeString(file, "name: snn\nlayers:\n"
                + "  - {name: in, kind: encoder, shape: [16], encoding: rate, time_steps: 10, firing_rate: 0.1}\n"
                + "  - {name: syn, kind: projection, connectivity: random, neurons: 4, connection_probability: 2}\n"
                + "  - {name: pop, kind: population, model: lif, firing_rate: 0.1}\n");
        assertThat(run("network", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":4:").contains("expected a fraction in (0, 1], found '2'");
    }

    @Test
    void eachCrossbarLayersInputBitDensityIsShownWithItsSource(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sparse.yaml");
        Files.writeString(file, "name: sparse\ninput_bit_density: 0.2\nlayers:\n  - {name: in, kind: input, shape: [4]}\n"
                + "  - {name: fc, kind: linear, out_features: 2, activation: relu}\n"
                + "  - {name: fc2, kind: linear, out_features: 2, input_bit_density: 0.7}\n");
        assertThat(run("network", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("network sparse (weights 8 bit, activations 8 bit, input_bit_density 0.2;")
                .containsPattern("fc\\s+linear .* 0.2 \\(network's input_bit_density\\)")
                .containsPattern("fc2\\s+linear .* 0.7 \\(given\\)");
        out.getBuffer().setLength(0);
        assertThat(run("network", "vgg8-cifar10")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).containsPattern("conv1\\s+conv2d .* 0.5 \\(default for the network input\\)")
                .containsPattern("conv2\\s+conv2d .* 0.15 \\(default after relu\\)")
                .containsPattern("pool2\\s+max-pool .* -\\n")
                .containsPattern("fc2\\s+linear .* 0.15 \\(default after relu\\)");
        out.getBuffer().setLength(0);
        assertThat(run("network", "vgg8-cifar10", "--format", "json")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("\"input_bit_density\": null,")
                .contains("\"input_bit_density\": 0.15, \"input_bit_density_source\": \"default after relu\"}")
                .contains("\"input_bit_density\": null, \"input_bit_density_source\": null}");
    }

    @Test
    void anUnknownNameSuggestsABundledOne() {
        assertThat(run("network", "resnet81")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("no bundled network of that name (did you mean 'resnet18'?)");
    }

    @Test
    void numbersAreRoundedAsStringFormatRoundsThem() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.005, 0.015, 0.125, 2.675, 9.995,
                99.95, 99.949999, 999.5, 1.005, -0.001, -2.5, 1e-9, 123456.5, 0.0049999999));
        for (int i = 0; i < 3_000; i++) {
            values.add(Math.pow(10, random.nextDouble() * 8 - 3) * (random.nextInt(10) == 0 ? -1 : 1));
            values.add(Math.round(random.nextDouble() * 100_000) / 1000.0 + 0.0005 * random.nextInt(3));
        }
        for (double v : values) {
            for (int decimals = 0; decimals <= 2; decimals++) {
                assertThat(NetworkCommand.fixed(v, decimals)).as("%s to %d decimals", v, decimals)
                        .isEqualTo(String.format(java.util.Locale.ROOT, "%." + decimals + "f", v));
            }
        }
        assertThat(NetworkCommand.si(1_234_567)).isEqualTo("1.23 M");
        assertThat(NetworkCommand.si(99_950)).isEqualTo("100.0 k");
        assertThat(NetworkCommand.si(147_456)).isEqualTo("147 k");
    }
}
