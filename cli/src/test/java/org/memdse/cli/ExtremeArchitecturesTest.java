package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.memdse.core.arch.read.ArchitectureBounds;
import org.memdse.core.spec.Bounds;
import org.memdse.core.units.Dimension;

/**
 * Finite results, through the command line: systems whose every number lies somewhere in its
 * physically possible range (at an edge, at a calibrated edge, or anywhere between, log-uniformly)
 * are validated, described and evaluated. {@code validate} accepts them or names what no model
 * prices (exit 2); whatever it accepts, {@code evaluate} prices with finite figures (exit 0) or
 * reports that the network does not fit (exit 1). No internal error, no Infinity, no NaN.
 * Fixed seed: CI runs the same systems every time.
 */
class ExtremeArchitecturesTest {
    private static final Pattern NUMBER = Pattern.compile("\"[a-z_0-9]+\": (null|[-0-9.eE+]+)");
    private static final Path DIR = tempDir();

    @Property(tries = 120, seed = "4242", shrinking = ShrinkingMode.BOUNDED)
    void everyPossibleSystemValidatesAndEvaluatesToFiniteFigures(@ForAll("systems") String yaml) throws IOException {
        Path file = DIR.resolve("extreme.yaml");
        Files.writeString(file, yaml);
        CliRunner validate = CliRunner.run("validate", file.toString());
        assertThat(validate.err()).doesNotContain("internal error", "Exception");
        assertThat(validate.exitCode()).as(validate.err()).isIn(ExitCodes.OK, ExitCodes.BAD_INPUT);
        if (validate.exitCode() != ExitCodes.OK) {
            assertThat(validate.err().lines().filter(l -> l.contains(": error: ")))
                    .allSatisfy(l -> assertThat(l).startsWith(file + ":"));
            Statistics.collect("refused by validate: " + validate.err().lines().filter(l -> l.contains(": error: "))
                    .findFirst().map(l -> l.replaceAll("^.*: error: ([a-z_.\\-]+): .*$", "$1")).orElse("?"));
            return;
        }
        CliRunner describe = CliRunner.run("describe", file.toString());
        assertThat(describe.exitCode()).as(describe.err()).isEqualTo(ExitCodes.OK);
        CliRunner evaluate = CliRunner.run("evaluate", "--arch", file.toString(), "--network", "fig4-hybrid",
                "--mapper", "sequential", "--format", "json");
        assertThat(evaluate.err()).doesNotContain("internal error", "Exception");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isIn(ExitCodes.OK, ExitCodes.FAILURE);
        if (evaluate.exitCode() == ExitCodes.FAILURE) {
            assertThat(evaluate.err()).contains("does not fit");
            Statistics.collect("does not fit");
            return;
        }
        Matcher m = NUMBER.matcher(evaluate.out());
        int numbers = 0;
        while (m.find()) {
            assertThat(m.group(1)).as("%s in%n%s", m.group(), evaluate.out()).isNotEqualTo("null");
            assertThat(Double.parseDouble(m.group(1))).as(m.group()).isFinite();
            numbers++;
        }
        assertThat(numbers).isGreaterThan(15);
        Statistics.collect("evaluated");
    }

    @Provide
    Arbitrary<String> systems() {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Bounds b : List.of(ArchitectureBounds.NODE, ArchitectureBounds.VDD, ArchitectureBounds.CLOCK,
                ArchitectureBounds.T_READ, ArchitectureBounds.V_WRITE,
                ArchitectureBounds.WRITE_ENERGY, ArchitectureBounds.WRITE_TIME, ArchitectureBounds.SAMPLE_RATE,
                ArchitectureBounds.TIME_STEP, ArchitectureBounds.FLIT, ArchitectureBounds.LINK_LENGTH,
                ArchitectureBounds.PACKET, ArchitectureBounds.FIGURE_AREA, ArchitectureBounds.FIGURE_ENERGY,
                ArchitectureBounds.FIGURE_POWER, ArchitectureBounds.FIGURE_LATENCY, ArchitectureBounds.CHIP_FREQUENCY)) {
            parts.add(value(b));
        }
        Arbitrary<String> values = Combinators.combine(parts).as(v -> String.join("|", v));
        // r_on, r_off and a read voltage whose read current v_read / r_on stays possible (at most 10 mA).
        Arbitrary<double[]> resistances = Combinators.combine(raw(ArchitectureBounds.RESISTANCE_STATE),
                raw(ArchitectureBounds.RESISTANCE_STATE), raw(ArchitectureBounds.V_READ))
                .as((a, b, v) -> new double[] {Math.min(a, b), Math.max(a, b),
                    Math.max(1e-3, Math.min(v, 0.99 * ArchitectureBounds.CELL_READ_CURRENT.max() * Math.min(a, b)))})
                .filter(r -> r[1] > r[0] * 1.001);
        // crossbar lines, bits per cell, ADC bits, SNN weight bits, macros per tile, input buffer bits
        Arbitrary<int[]> counts = Combinators.combine(Arbitraries.of(1, 16, 128, 1024, 4096),
                Arbitraries.of(1, 4, 16), Arbitraries.of(1, 2, 3, 4, 5, 6, 8, 10, 14, 16), Arbitraries.of(1, 4, 8, 16),
                Arbitraries.of(1, 4, 16), Arbitraries.of(2, 64, 1024))
                .as((lines, bitsPerCell, adcBits, weightBits, macros, buffer) -> new int[] {lines, bitsPerCell,
                    adcBits, weightBits, macros, buffer});
        Arbitrary<String> adcKind = Arbitraries.of("sar", "flash", "ramp", "memristor");
        Arbitrary<String> flavour = Arbitraries.of("hp", "lstp");
        return Combinators.combine(values, resistances, counts, adcKind, flavour).as(ExtremeArchitecturesTest::yaml);
    }

    /** A value of {@code b} as written: an edge, a calibrated edge, or log-uniform in between. */
    private static Arbitrary<String> value(Bounds b) {
        return raw(b).map(v -> b.integer() ? Math.rint(v) : v)
                .map(v -> b.dimension() == Dimension.DIMENSIONLESS ? Long.toString(v.longValue()) : b.format(v));
    }

    private static Arbitrary<Double> raw(Bounds b) {
        double low = b.min() > 0 ? b.min() : Math.min(b.max(), Math.max(b.calibratedMin(), b.max() * 1e-12));
        double logLow = Math.log(low);
        double logHigh = Math.log(b.max());
        Arbitrary<Double> between = Arbitraries.integers().between(0, 1_000_000)
                .map(t -> Math.exp(logLow + t / 1e6 * (logHigh - logLow)))
                .map(v -> Math.min(b.max(), Math.max(b.min(), v)));
        Arbitrary<Double> edges = Arbitraries.of(b.min(), b.max(), b.calibratedMin(), b.calibratedMax());
        return Arbitraries.frequencyOf(List.of(Tuple.of(2, edges), Tuple.of(3, between)));
    }

    private static String yaml(String joined, double[] resistance, int[] c, String adcKind, String flavour) {
        String[] v = joined.split("\\|", -1);
        Map<String, String> x = new java.util.HashMap<>();
        String[] keys = {"node", "vdd", "clock", "t_read", "v_write", "write_energy", "write_time",
            "sample_rate", "time_step", "flit", "link_length", "packet", "area", "energy", "power", "latency",
            "chip_frequency"};
        for (int i = 0; i < keys.length; i++) {
            x.put(keys[i], v[i]);
        }
        Bounds r = ArchitectureBounds.RESISTANCE_STATE;
        x.put("v_read", ArchitectureBounds.V_READ.format(resistance[2]));
        int lines = c[0];
        int bitsPerCell = c[1];
        int levels = 1 << bitsPerCell;
        int columnsPerAdc = Math.max(1, Math.min(lines, 8));
        return """
                version: 1
                name: extreme
                technology: {node: %s, vdd: %s, clock: %s, flavour: %s}
                devices:
                  rram: {kind: rram, r_on: %s, r_off: %s, levels: %d, v_read: %s, t_read: %s, v_write: %s,
                         write_energy: %s, write_time: %s,
                         write: {set: {voltage: 2 V, width: 50 ns}, reset: {voltage: 2 V, width: 50 ns}, endurance: 1e6}}
                  diffusive: {kind: diffusive, r_on: %s, r_off: %s, levels: 2, v_read: %s, t_read: %s}
                templates:
                  tile:
                    kind: cim-tile
                    macros: %d
                    macro:
                      crossbars: {count: 8, rows: %d, cols: %d, bits_per_cell: %d, device: rram}
                      adc: {kind: %s, bits: %d, columns_per_adc: %d, sample_rate: %s}
                      dac: {bits: 1}
                      sample_hold: {}
                      shift_add: {count: 4}
                      buffers:
                        - {name: input, kind: register, capacity: %d bit, width: %d bit}
                    buffers:
                      - {name: tile, kind: sram, capacity: 64 KiB, width: 256 bit, leakage_power: %s}
                    digital:
                      - {kind: activation, count: 2, energy: %s, latency: %s}
                  core:
                    kind: snn-core
                    neurons: 256
                    neuron: {model: lif, circuit: diffusive-memristor, power: %s}
                    synapses: {rows: 256, cols: 256, weight_bits: %d, device: rram}
                    learning: {rule: stdp-pair, event_rate: 10 Hz}
                    time_step: %s
                subsystems:
                  encoder: {kind: encoder, channels: 64, scheme: rate, area: %s}
                  snn: {template: core, count: 16}
                  cim: {template: tile, count: 32}
                  integration: {kind: integration, direction: spike-to-voltage, channels: 256}
                  adda: {kind: adda, channels: 8, adc: {kind: sar, bits: 8}, dac: {bits: 8}}
                interconnect:
                  on_chip: {topology: mesh, flit: %s, link_length: %s}
                  spikes: {routing: address-event, packet: %s}
                  chip_to_chip: {links: 4, width: 32 bit, frequency: %s}
                """.formatted(x.get("node"), x.get("vdd"), x.get("clock"), flavour,
                r.format(resistance[0]), r.format(resistance[1]), levels, x.get("v_read"), x.get("t_read"),
                x.get("v_write"), x.get("write_energy"), x.get("write_time"),
                r.format(resistance[0]), r.format(resistance[1]), x.get("v_read"), x.get("t_read"),
                c[4], lines, lines, bitsPerCell, adcKind, c[2], columnsPerAdc, x.get("sample_rate"),
                c[5], Math.min(c[5], 64), x.get("power"), x.get("energy"), x.get("latency"), x.get("power"),
                c[3], x.get("time_step"), x.get("area"), x.get("flit"), x.get("link_length"),
                x.get("packet"), x.get("chip_frequency"));
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("memdse-extreme");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
