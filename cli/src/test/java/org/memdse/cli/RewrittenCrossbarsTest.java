package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.RewriteFigures;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecSource;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;

/**
 * Crossbars rewritten per input (issue 18): with {@code activation_products: {run_on:
 * rewritten-crossbars}} on the CIM tile template, attention's products map onto crossbars whose
 * cells are written with the B operand for every inference, priced with the device's write model;
 * without it nothing changes.
 */
class RewrittenCrossbarsTest {
    @TempDir
    Path dir;

    /**
     * Two heads of 16 tokens of 8 features: scores = q · kᵀ, the product of two computed tensors;
     * kᵀ (2 x 8 x 16) is the B operand. 2 x 16 x 8 x 16 = 4,096 MACs.
     */
    private static final String TWO_HEADS = """
            version: 1
            name: two-heads
            activation_bits: 8
            layers:
              - {name: q, kind: input, shape: [2, 16, 8]}
              - {name: kt, kind: input, shape: [2, 8, 16]}
              - {name: scores, kind: matmul, inputs: [q, kt]}
            """;

    /** BERT-base's attention of one layer at 128 tokens: 12 heads, scores then weighted values. */
    private static final String BERT_ATTENTION = """
            version: 1
            name: bert-attention
            activation_bits: 8
            layers:
              - {name: q, kind: input, shape: [12, 128, 64]}
              - {name: kt, kind: input, shape: [12, 64, 128]}
              - {name: v, kind: input, shape: [12, 128, 64]}
              - {name: scores, kind: matmul, inputs: [q, kt]}
              - {name: probs, kind: activation, function: softmax}
              - {name: ctx, kind: matmul, inputs: [probs, v]}
            """;

    /** The bundled ISAAC-CE written out, its CIM tiles' products on rewritten crossbars when asked. */
    private static String isaac(boolean rewritten) {
        CliRunner r = CliRunner.run("describe", "--format", "yaml", "isaac-ce");
        assertThat(r.exitCode()).as(r.err()).isZero();
        String text = r.out();
        if (!rewritten) {
            return text;
        }
        assertThat(text).contains("    input_loading: once\n");
        return text.replace("    input_loading: once\n",
                "    input_loading: once\n    activation_products: {run_on: rewritten-crossbars}\n");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Metrics evaluate(Path arch, String network) {
        Architecture a = ArchitectureReader.read(arch);
        NetworkGraph g = NetworkReader.read(SpecSource.ofText("net.yaml", network));
        MappingOutcome o = new SequentialMapper().map(a, g, MapperOptions.DEFAULT);
        assertThat(o).isInstanceOf(MappingOutcome.Mapped.class);
        Mapping m = ((MappingOutcome.Mapped) o).mapping();
        return new SystemEvaluator(ComponentModelRegistry.load()).evaluate(a, g, m,
                org.memdse.core.eval.OpConvention.INT8);
    }

    @Test
    void twoHeadsOfScoresByHand() throws IOException {
        Metrics x = evaluate(write("isaac.yaml", isaac(true)), TWO_HEADS);
        RewriteFigures r = x.rewrite();
        // kᵀ: 2 heads of 8 x 16 values. ISAAC-CE's 128 x 128 arrays hold 2 bits a cell: an 8-bit value
        // takes 4 cells (offset encoding: one shared unit column, none per value), so a head is 8 rows
        // x 64 columns: 512 cells, 1,024 for both.
        assertThat(r.cellsWritten()).isEqualTo(1024.0);
        assertThat(r.macs()).isEqualTo(4096.0);
        // HfO2 RRAM (rram_hfo2_neurosim_v13): 32 write levels, 4 stored levels, so a cell moves
        // (4 + 1) / (3 x 4) x 32 = 13.333 device steps from one input's value to the next; at
        // NeuroSim's curves (1.75 LTP, 1.46 LTD) a step takes 1.1809 SET or 1.1212 RESET pulses:
        // 15.745 and 14.949 pulses, 15.347 on average (half the cells move up, half down).
        double set = 13.333333 * 1.1809;
        double reset = 13.333333 * 1.1212;
        assertThat(r.pulsesPerCell()).isCloseTo((set + reset) / 2, within(0.01));
        // Energy = cells x pulses x pulse energy: the device's published write_energy, 1 pJ, wins
        // over V^2 G t. 1,024 x 15.347 x 1 pJ = 15.72 nJ.
        assertThat(r.writeEnergyJ()).isCloseTo(1024 * (set + reset) / 2 * 1e-12, within(0.02e-9));
        assertThat(r.verifyEnergyJ()).isZero();
        // Time: 8 rows one after another, each a SET phase and a RESET phase of 50 ns pulses (every
        // array at once): 8 x (15.745 + 14.949) x 50 ns = 12.28 us.
        assertThat(r.writeTimeS()).isCloseTo(8 * (set + reset) * 50e-9, within(5e-9));
        // Wear: the busiest cell takes 15.745 pulses an inference; endurance 1e6 pulses.
        assertThat(r.lifetimeInferences()).isCloseTo(1e6 / set, within(10.0));
        // The write is in the layer's energy and time, under cell_write.
        assertThat(x.energyByKind().get("cell_write")).isEqualTo(r.writeEnergyJ());
        assertThat(x.energyByLayer().get("scores")).isGreaterThan(r.writeEnergyJ());
        assertThat(x.latencyByLayerAndCause().get("scores").get("cell_write")).isEqualTo(r.writeTimeS());
        assertThat(x.latencyByLayerAndCause().get("scores").get("array")).isPositive();
    }

    @Test
    void withoutTheKeyProductsStayDigitalAndNothingIsWritten() throws IOException {
        Metrics x = evaluate(write("isaac.yaml", isaac(false)), TWO_HEADS);
        assertThat(x.rewrite()).isEqualTo(RewriteFigures.NONE);
        assertThat(x.energyByKind().get("cell_write")).isZero();
        assertThat(x.latencyByLayerAndCause().get("scores").get("digital")).isPositive();
        assertThat(x.latencyByLayerAndCause().get("scores").get("array")).isZero();
    }

    @Test
    void expensiveWritesCostMoreEnergyThanDigitalCheapOnesLess() throws IOException {
        // BERT-base's attention (one layer, 128 tokens, 8-bit) on ISAAC-CE, whose products run on
        // shift-and-add units (b + 1 operations a MAC) while the chip leaks: per inference,
        // digital against rewritten crossbars with a write pulse of 10 nJ and of 10 fJ.
        double digital = evaluate(write("digital.yaml", isaac(false)), BERT_ATTENTION).energyJ();
        String rewritten = isaac(true);
        assertThat(rewritten).contains("    write_energy: 1 pJ\n");
        Metrics expensive = evaluate(write("expensive.yaml", rewritten.replace("    write_energy: 1 pJ\n",
                "    write_energy: 10 nJ\n")), BERT_ATTENTION);
        Metrics cheap = evaluate(write("cheap.yaml", rewritten.replace("    write_energy: 1 pJ\n",
                "    write_energy: 10 fJ\n")), BERT_ATTENTION);
        assertThat(expensive.energyJ()).isGreaterThan(digital);
        assertThat(cheap.energyJ()).isLessThan(digital);
        // The same cells and pulses either way: only the pulse energy differs (10 nJ / 10 fJ = 1e6).
        assertThat(expensive.rewrite().cellsWritten()).isEqualTo(cheap.rewrite().cellsWritten());
        assertThat(expensive.rewrite().writeEnergyJ() / cheap.rewrite().writeEnergyJ()).isCloseTo(1e6, within(1.0));
        // 12 heads x (64 x 128 + 128 x 64) values x 4 cells = 786,432 cells.
        assertThat(cheap.rewrite().cellsWritten()).isEqualTo(786_432.0);
        assertThat(cheap.rewrite().macs()).isEqualTo(2.0 * 12 * 128 * 64 * 128);
    }

    @Test
    void evaluateReportsTheSharesAndTheRewrite() throws IOException {
        Path arch = write("isaac.yaml", isaac(true));
        Path net = write("net.yaml", BERT_ATTENTION);
        CliRunner r = CliRunner.run("evaluate", "--arch", arch.toString(), "--network", net.toString(), "--mapper",
                "sequential");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("on digital units \\(matmul\\)\\s+0\\s+MACs  0\\.0 %")
                .containsPattern("on rewritten crossbars\\s+25,165,824\\s+MACs  100\\.0 %")
                .contains("rewritten crossbars (each product's B operand written into the cells per inference, open-loop)")
                .containsPattern("cells written\\s+786,432\\s+cells per inference")
                .contains("inferences until the busiest cell's endurance").contains("cell_write");
        CliRunner json = CliRunner.run("evaluate", "--arch", arch.toString(), "--network", net.toString(), "--mapper",
                "sequential", "--format", "json");
        assertThat(json.out()).contains("\"macs_by_where\": {\"crossbar\": 0, \"digital\": 0, "
                + "\"rewritten_crossbar\": 25165824}").contains("\"rewrite\": {\"cells_written\": 786432");
    }

    @Test
    void theKeyOnADeviceWithoutWriteParametersIsBadInput() throws IOException {
        String text = isaac(true);
        int start = text.indexOf("    write:\n");
        int end = text.indexOf("templates:");
        assertThat(start).isPositive().isLessThan(end);
        // Drop hfo2-rram's write: block (up to the next device or the templates).
        int next = text.indexOf("\n  ", start + 1);
        while (next > 0 && next < end && text.charAt(next + 3) == ' ') {
            next = text.indexOf("\n  ", next + 1);
        }
        String noWrite = text.substring(0, start) + text.substring(next + 1);
        assertThat(noWrite).doesNotContain("    write:\n").contains("run_on: rewritten-crossbars");
        Path file = write("a.yaml", noWrite);
        CliRunner v = CliRunner.run("evaluate", "--arch", file.toString(), "--network", "bert-base");
        assertThat(v.exitCode()).as(v.err()).isEqualTo(ExitCodes.BAD_INPUT);
        Matcher m = Pattern.compile("a\\.yaml:(\\d+):(\\d+): error: templates\\.[a-z-]+\\.activation_products\\.run_on: ")
                .matcher(v.err());
        assertThat(m.find()).as(v.err()).isTrue();
        assertThat(noWrite.lines().toList().get(Integer.parseInt(m.group(1)) - 1)).contains("run_on");
        assertThat(v.err()).contains("device 'hfo2-rram'", "has no write parameters", "add write: {levels",
                "or set run_on: digital").doesNotContain("Exception", "\tat ");
    }
}
