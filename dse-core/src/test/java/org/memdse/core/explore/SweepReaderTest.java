package org.memdse.core.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Topology;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.SpecSource;

class SweepReaderTest {
    private static SweepPlan read(String parameters) {
        return SweepReader.read(SpecSource.ofText("s.yaml", """
                name: t
                architecture: mini
                networks: net
                parameters:
                """ + parameters));
    }

    private static List<String> labels(SweepPlan plan, int p) {
        return plan.parameters().get(p).values().stream().map(ParameterValue::label).toList();
    }

    @Test
    void theModeIsInferenceUnlessTheFileNamesALearningMode() {
        String params = "  - path: a.b\n    values: [1, 2]\n";
        SweepPlan plain = read(params);
        assertThat(plain.mode()).isEqualTo(org.memdse.core.eval.EvaluationMode.INFERENCE);
        SweepPlan training = SweepReader.read(SpecSource.ofText("s.yaml",
                "name: t\narchitecture: mini\nnetworks: net\nmode: training\nparameters:\n" + params));
        assertThat(training.mode()).isEqualTo(org.memdse.core.eval.EvaluationMode.TRAINING);
        assertThat(training.modeAt().line()).isEqualTo(4);
        assertThat(training.withObjectives(List.of()).mode()).isEqualTo(org.memdse.core.eval.EvaluationMode.TRAINING);
        assertThatThrownBy(() -> SweepReader.read(SpecSource.ofText("s.yaml",
                "name: t\narchitecture: mini\nnetworks: net\nmode: online\nparameters:\n" + params)))
                .isInstanceOf(SpecException.class).hasMessageContaining("s.yaml:4:7")
                .hasMessageContaining("online-learning");
    }

    @Test
    void rangesExpandToTheirValuesWithUnits() {
        SweepPlan plan = read("""
                  - {path: a, range: {from: 3, to: 8, step: 2}}
                  - {path: b, range: {from: 8, to: 128, count: 5, scale: log}}
                  - {path: c, range: {from: 0.5 GHz, to: 1 GHz, step: 0.1}}
                  - {path: d, range: {from: 1, to: 1000, step: 10, scale: log}}
                  - {path: e, range: {from: 1, to: 2, count: 3}}
                  - {path: f, values: [x, y]}
                """);
        assertThat(labels(plan, 0)).containsExactly("3", "5", "7");
        assertThat(labels(plan, 1)).containsExactly("8", "16", "32", "64", "128");
        assertThat(labels(plan, 2)).containsExactly("0.5 GHz", "0.6 GHz", "0.7 GHz", "0.8 GHz", "0.9 GHz", "1 GHz");
        assertThat(labels(plan, 3)).containsExactly("1", "10", "100", "1000");
        assertThat(labels(plan, 4)).containsExactly("1", "1.5", "2");
        assertThat(plan.sampler().size()).isEqualTo(3 * 5 * 6 * 4 * 3 * 2);
        assertThat(plan.mapper().text()).isEqualTo("sequential");
        assertThat(plan.sampling().strategy()).isEqualTo(SweepPlan.Strategy.GRID);
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsPosition() {
        assertThatThrownBy(() -> read("""
                  - {path: a, range: {from: 3, to: 1, step: 1}}
                  - {path: 'b..c', values: [1]}
                  - {path: d, values: [1, 1], colour: red}
                """)).isInstanceOf(SpecException.class).satisfies(e -> {
                    List<String> lines = ((SpecException) e).diagnostics().stream().map(Object::toString).toList();
                    assertThat(lines).hasSize(4);
                    assertThat(lines.get(0)).startsWith("s.yaml:5:36: error: parameters[0].range.to: expected 'to' >= 'from'");
                    assertThat(lines.get(1)).startsWith("s.yaml:6:12: error: parameters[1].path: expected a path");
                    assertThat(lines.get(2)).startsWith("s.yaml:7:27: error: parameters[2].values[1]: value '1' listed twice");
                    assertThat(lines.get(3)).startsWith("s.yaml:7:31: error: parameters[2].colour: unknown key 'colour'");
                });
    }

    private static SweepPlan withMapper(String mapper) {
        return SweepReader.read(SpecSource.ofText("s.yaml", """
                name: t
                architecture: mini
                networks: net
                mapper: %s
                parameters:
                  - {path: a, values: [1, 2]}
                """.formatted(mapper)));
    }

    @Test
    void theSolverHasNoWallClockLimitUnlessTheFileGivesOne() {
        // The step budget (mapper.steps, else the solver's default for the problem) ends a solve,
        // so a solver-mapped sweep gives the same rows on any machine.
        SweepPlan steps = withMapper("{name: solver, steps: 500}");
        assertThat(steps.stepLimit()).hasValue(500);
        assertThat(steps.timeLimit()).isEmpty();
        SweepPlan both = withMapper("{name: solver, steps: 500, time_limit: 3 s}");
        assertThat(both.stepLimit()).hasValue(500);
        assertThat(both.timeLimit()).hasValue(java.time.Duration.ofSeconds(3));
        SweepPlan neither = withMapper("{name: solver}");
        assertThat(neither.stepLimit()).isEmpty();
        assertThat(neither.timeLimit()).isEmpty();
        SweepPlan clock = withMapper("{name: solver, time_limit: 500 ms}");
        assertThat(clock.stepLimit()).isEmpty();
        assertThat(clock.timeLimit()).hasValue(java.time.Duration.ofMillis(500));
        assertThatThrownBy(() -> withMapper("{name: solver, steps: 0}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("s.yaml:4:")
                .hasMessageContaining("mapper.steps");
    }

    @Test
    void moreStepsThanABillionNeedATimeLimit() {
        // 2,000,000,000 steps would run for many minutes with nothing to stop them but the count.
        assertThatThrownBy(() -> withMapper("{name: solver, steps: 2000000000}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("s.yaml:4:")
                .hasMessageContaining("mapper.steps 2,000,000,000 is more than the 1,000,000,000 steps a search may take "
                        + "without a time limit");
        SweepPlan timed = withMapper("{name: solver, steps: 2000000000, time_limit: 1 s}");
        assertThat(timed.stepLimit()).hasValue(2_000_000_000L);
        assertThat(withMapper("{name: solver, steps: 1000000000}").stepLimit()).hasValue(1_000_000_000L);
    }

    @Test
    void aMapperWithoutANameIsReportedAtItsLine() {
        // Found by SweepFuzzTest: a mapper mapping without its name, or with an empty one, built no plan
        // and ended in a NullPointerException instead of the missing key's diagnostic.
        for (String mapper : List.of("{steps: 500}", "{name: '', seed: 1}", "{name: ~}", "{}")) {
            assertThatThrownBy(() -> withMapper(mapper)).as(mapper).isInstanceOf(SpecException.class)
                    .hasMessageContaining("s.yaml:4:").hasMessageContaining("mapper");
        }
    }

    private static Architecture mini() throws URISyntaxException {
        return ArchitectureReader.read(Path.of(SweepReaderTest.class.getResource("/org/memdse/core/arch/read/minimal.yaml")
                .toURI()));
    }

    @Test
    void variantsSetTiedPathsAndWholeBlocksAndReportBadValuesAsReasons() throws Exception {
        SweepPlan plan = read("""
                  - path: templates.cim-tile.macro.crossbars.rows
                    values: [64, 256]
                    tied: templates.cim-tile.macro.crossbars.cols
                  - path: interconnect.on_chip
                    choices:
                      bus: {topology: bus, flit: 32 bit}
                      broken: {topology: ring}
                """);
        ArchitectureVariants variants = ArchitectureVariants.of(mini(), plan.parameters());
        Sampler grid = plan.sampler();
        Architecture a = variants.build(grid.point(2)); // rows 256, bus
        CimTileTemplate t = (CimTileTemplate) a.templates().stream().filter(x -> x.name().equals("cim-tile")).findFirst()
                .orElseThrow();
        assertThat(t.macro().crossbars().rows()).isEqualTo(256);
        assertThat(t.macro().crossbars().cols()).isEqualTo(256);
        assertThat(a.interconnect().onChip().topology()).isEqualTo(Topology.BUS);
        assertThatThrownBy(() -> variants.build(grid.point(1))).isInstanceOf(SpecException.class)
                .satisfies(e -> assertThat(ArchitectureVariants.reason((SpecException) e))
                        .contains("interconnect.on_chip.topology: expected one of mesh, torus, htree, bus, found 'ring'")
                        .doesNotContain("s.yaml"));
        // The base is untouched: point 0 is rows 64 and a bus, and the base still reads as it was.
        assertThat(variants.build(grid.point(0)).templates()).isNotEqualTo(mini().templates());
        assertThat(variants.tree(grid.point(0))).isNotSameAs(variants.tree(grid.point(0)));
    }

    @Test
    void aPathNotInTheBaseIsAnErrorWithASuggestion() {
        SweepPlan plan = read("""
                  - {path: templates.cim-tile.macro.adc.bit, values: [4]}
                  - {path: subsystems.cim.cuont, values: [4]}
                  - {path: 'templates.cim-tile.macro.crossbars.rows[0]', values: [4]}
                """);
        assertThatThrownBy(() -> ArchitectureVariants.of(mini(), plan.parameters())).isInstanceOf(SpecException.class)
                .hasMessageContaining("s.yaml:5:12: error: templates.cim-tile.macro.adc.bit: no key 'bit' in "
                        + "'templates.cim-tile.macro.adc' of mini (did you mean 'bits'?)")
                .hasMessageContaining("s.yaml:6:12: error: subsystems.cim.cuont: no key 'cuont' in 'subsystems.cim' of "
                        + "mini (did you mean 'count'?)")
                .hasMessageContaining("no item [0] in 'templates.cim-tile.macro.crossbars.rows' of mini: it is the "
                        + "value '128', not a list");
    }
}
