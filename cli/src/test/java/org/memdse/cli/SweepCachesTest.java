package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.arch.Architecture;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.Evaluator;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.explore.DesignPoint;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.Mappers;

/** Issue 17's mapping reuse: the cache key is what a mapping depends on, and a reused mapping is the one a fresh solve gives. */
class SweepCachesTest {
    @TempDir
    Path dir;

    private SweepSetup setup(String parameters) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                name: keys
                architecture: fig4-hybrid
                networks: [fig4-hybrid, mlp-mnist]
                mapper: sequential
                parameters:
                """ + parameters);
        return SweepSetup.prepare(f.toString());
    }

    private static List<Architecture> architectures(SweepSetup setup) {
        List<Architecture> out = new ArrayList<>();
        for (long i = 0; i < setup.sampler.size(); i++) {
            DesignPoint p = setup.sampler.point(i);
            out.add(setup.variants.build(p));
        }
        return out;
    }

    /** What the evaluator prices: everything of a mapping but its report's solve time. */
    private static List<Object> placed(MappingOutcome outcome) {
        assertThat(outcome).isInstanceOf(MappingOutcome.Mapped.class);
        Mapping m = ((MappingOutcome.Mapped) outcome).mapping();
        return List.of(m.architecture(), m.units(), m.endpoints(), m.placements(), m.routes(), m.linkLoads());
    }

    @Test
    void knobsTheMapperDoesNotReadShareOneKeyAndOneMapping() throws IOException {
        SweepSetup setup = setup("""
                  - path: templates.cim-tile.macro.adc.bits
                    values: [4, 8]
                  - path: templates.cim-tile.macro.adc.columns_per_adc
                    values: [16, 128]
                  - path: devices.hfo2-rram.r_on
                    values: [50 kOhm, 200 kOhm]
                  - path: technology.node
                    values: [32 nm, 45 nm]
                  - path: templates.snn-core.neuron.circuit
                    values: [diffusive-memristor, cmos]
                  - path: interconnect.on_chip.flit
                    values: [32 bit, 64 bit]
                """);
        List<Architecture> points = architectures(setup);
        assertThat(points).hasSize(64);
        Set<List<Object>> keys = new HashSet<>();
        points.forEach(a -> keys.add(SweepCaches.mappingKey(a)));
        assertThat(keys).hasSize(1);
        // ... and the mapper agrees: each point mapped afresh gives the first point's mapping.
        Mapper sequential = Mappers.byName("sequential").orElseThrow();
        for (NetworkGraph network : setup.networks) {
            List<Object> first = placed(sequential.map(points.get(0), network, MapperOptions.DEFAULT));
            for (Architecture a : points) {
                assertThat(placed(sequential.map(a, network, MapperOptions.DEFAULT))).isEqualTo(first);
            }
        }
    }

    @Test
    void knobsThatChangeTheMappingProblemChangeTheKey() throws IOException {
        SweepSetup setup = setup("""
                  - path: templates.cim-tile.macro.crossbars.rows
                    values: [64, 128]
                    tied: templates.cim-tile.macro.crossbars.cols
                  - path: templates.cim-tile.macro.crossbars.bits_per_cell
                    values: [1, 2]
                  - path: subsystems.cim.count
                    values: [16, 32]
                  - path: templates.snn-core.neurons
                    values: [128, 256]
                    tied: templates.snn-core.synapses.cols
                  - path: interconnect.on_chip.columns
                    values: [8, 14]
                """);
        List<Architecture> points = architectures(setup);
        Set<List<Object>> keys = new HashSet<>();
        points.forEach(a -> keys.add(SweepCaches.mappingKey(a)));
        assertThat(keys).hasSize(points.size()).hasSize(32);
    }

    @Test
    void aSolverSweepSolvesEachProblemOnceAndReusesWhatAFreshSolveGives() throws IOException {
        Path sweep = dir.resolve("solver.yaml");
        Files.writeString(sweep, """
                name: reuse
                architecture: fig4-hybrid
                networks: mlp-mnist
                mapper: {name: solver, steps: 20, seed: 7}
                parameters:
                  - path: templates.cim-tile.macro.crossbars.rows
                    values: [64, 128]
                    tied: templates.cim-tile.macro.crossbars.cols
                  - path: templates.cim-tile.macro.adc.bits
                    values: [4, 6, 8]
                """);
        Path reused = dir.resolve("reused.csv");
        CliRunner r = CliRunner.run("sweep", sweep.toString(), "-o", reused.toString(), "--threads", "2");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        // two crossbar sizes, two problems; the three ADC resolutions of each share one solve
        assertThat(r.err()).contains("sweep: mappings: 2 solved, 4 reused (mapper solver;");
        Path fresh = dir.resolve("fresh.csv");
        CliRunner b = CliRunner.run("bench", "sweep", "--sweep", sweep.toString(), "--threads", "2", "--warmup", "0",
                "--solve-every-point", "-o", fresh.toString());
        assertThat(b.exitCode()).as(b.err()).isEqualTo(ExitCodes.OK);
        assertThat(b.out()).contains("every point");
        assertThat(rowsWithoutPareto(fresh)).isEqualTo(rowsWithoutPareto(reused)).hasSize(7);
    }

    @Test
    void pointsThatShareAMappingShareItsLayoutAndPriceAsIfEvaluatedAlone() throws IOException {
        SweepSetup setup = setup("""
                  - path: templates.cim-tile.macro.adc.bits
                    values: [4, 8]
                  - path: templates.cim-tile.macro.crossbars.bits_per_cell
                    values: [1, 2]
                  - path: technology.node
                    values: [32 nm, 45 nm]
                  - path: templates.cim-tile.analog_transfer
                    values: [true, false]
                  - path: power_gating.gate
                    values: [none, unused]
                """);
        ComponentModelRegistry registry = ComponentModelRegistry.load();
        Evaluator shared = SweepCaches.pricing(registry, EvaluationMode.INFERENCE);
        SystemEvaluator alone = new SystemEvaluator(registry);
        Mapper mapper = SweepCaches.mapping(Mappers.byName("sequential").orElseThrow());
        Set<Object> metrics = new HashSet<>();
        for (NetworkGraph network : setup.networks) {
            for (Architecture a : architectures(setup)) {
                Mapping m = ((MappingOutcome.Mapped) mapper.map(a, network, MapperOptions.DEFAULT)).mapping();
                Metrics reused = shared.evaluate(a, network, m, OpConvention.INT8);
                assertThat(reused).isEqualTo(alone.evaluate(a, network, m, OpConvention.INT8));
                metrics.add(reused);
            }
        }
        // the knobs change the figures: the layout carried nothing of the first point's circuits
        assertThat(metrics).hasSize(2 * 32);
    }

    /** The rows sorted, without the last column (the sweep marks the front, the benchmark does not). */
    private static List<String> rowsWithoutPareto(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).sorted().toList();
    }
}
