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

/** {@code variants:} (named points setting several paths at once, crossed with the grid) and {@code mapper.replicate}. */
class SweepVariantsTest {
    private static SweepPlan read(String body) {
        return SweepReader.read(SpecSource.ofText("v.yaml", """
                name: t
                architecture: mini
                networks: net
                """ + body));
    }

    private static Architecture mini() throws URISyntaxException {
        return ArchitectureReader.read(Path.of(SweepVariantsTest.class
                .getResource("/org/memdse/core/arch/read/minimal.yaml").toURI()));
    }

    private static CimTileTemplate tile(Architecture a) {
        return (CimTileTemplate) a.templates().stream().filter(t -> t.name().equals("cim-tile")).findFirst().orElseThrow();
    }

    @Test
    void variantsAloneAreASweepAndEachSetsSeveralPathsAtOnce() throws Exception {
        SweepPlan plan = read("""
                variants:
                  - name: base
                  - name: adc-4
                    set:
                      templates.cim-tile.macro.adc.bits: 4
                      templates.cim-tile.macro.adc.columns_per_adc: 16
                  - name: bus
                    set: {interconnect.on_chip: {topology: bus, flit: 32 bit}, technology.node: 45 nm}
                """);
        assertThat(plan.parameters()).isEmpty();
        assertThat(plan.variantNames()).containsExactly("base", "adc-4", "bus");
        Sampler sampler = plan.sampler();
        assertThat(sampler.size()).isEqualTo(3);
        ArchitectureVariants variants = ArchitectureVariants.of(mini(), plan.parameters(), plan.variants());
        Architecture base = variants.build(sampler.point(0));
        Architecture adc = variants.build(sampler.point(1));
        Architecture bus = variants.build(sampler.point(2));
        assertThat(base).isEqualTo(mini());
        assertThat(tile(adc).macro().adc().bits()).isEqualTo(4);
        assertThat(tile(adc).macro().adc().columnsPerAdc()).isEqualTo(16);
        assertThat(tile(adc).macro().crossbars()).isEqualTo(tile(base).macro().crossbars());
        assertThat(bus.interconnect().onChip().topology()).isEqualTo(Topology.BUS);
        assertThat(bus.technology().nodeMeters()).isCloseTo(45e-9, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(tile(bus).macro().adc().bits()).isEqualTo(8);
    }

    @Test
    void variantsAreCrossedWithTheGridVariantByVariant() throws Exception {
        SweepPlan plan = read("""
                parameters:
                  - {path: templates.cim-tile.macro.crossbars.rows, values: [64, 256]}
                  - {path: subsystems.cim.count, values: [2, 3, 4]}
                variants:
                  - {name: sar, set: {templates.cim-tile.macro.adc.bits: 6}}
                  - {name: flash, set: {templates.cim-tile.macro.adc: {kind: flash, bits: 4, columns_per_adc: 8}}}
                """);
        Sampler sampler = plan.sampler();
        assertThat(sampler.size()).isEqualTo(2 * 2 * 3);
        ArchitectureVariants variants = ArchitectureVariants.of(mini(), plan.parameters(), plan.variants());
        for (long i = 0; i < sampler.size(); i++) {
            DesignPoint p = sampler.point(i);
            assertThat(p.id()).isEqualTo(i);
            assertThat(p.variant()).as("variants outermost").isEqualTo(i < 6 ? 0 : 1);
            assertThat(p.choicesCopy()).as("each variant sees the same grid").containsExactly(
                    sampler.point(i % 6).choicesCopy());
        }
        DesignPoint last = sampler.point(11);
        assertThat(last.describe(plan.parameters(), plan.variants()))
                .isEqualTo("variant=flash, templates.cim-tile.macro.crossbars.rows=256, subsystems.cim.count=4");
        Architecture a = variants.build(last);
        assertThat(tile(a).macro().adc().bits()).isEqualTo(4);
        assertThat(tile(a).macro().crossbars().rows()).isEqualTo(256);
        assertThat(variants.build(sampler.point(0)).subsystems().get(0)).isNotEqualTo(a.subsystems().get(0));
    }

    @Test
    void randomSamplingGivesEveryVariantTheSameDraws() {
        SweepPlan plan = read("""
                sampling: {strategy: random, samples: 5, seed: 3}
                parameters:
                  - {path: a, values: [1, 2, 3, 4, 5, 6, 7]}
                variants:
                  - {name: x}
                  - {name: y, set: {b: 1}}
                """);
        Sampler s = plan.sampler();
        assertThat(s.size()).isEqualTo(10);
        for (int i = 0; i < 5; i++) {
            assertThat(s.point(i + 5).choicesCopy()).containsExactly(s.point(i).choicesCopy());
            assertThat(s.point(i + 5).variant()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownPathInAVariantIsAnErrorAtItsLineWithASuggestion() {
        SweepPlan plan = read("""
                variants:
                  - name: typo
                    set:
                      templates.cim-tile.macro.adc.bit: 4
                      subsystems.cim.cuont: 2
                """);
        assertThatThrownBy(() -> ArchitectureVariants.of(mini(), plan.parameters(), plan.variants()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("v.yaml:7:7: error: templates.cim-tile.macro.adc.bit: no key 'bit' in "
                        + "'templates.cim-tile.macro.adc' of mini (did you mean 'bits'?)")
                .hasMessageContaining("v.yaml:8:7: error: subsystems.cim.cuont: no key 'cuont' in 'subsystems.cim' of "
                        + "mini (did you mean 'count'?)");
    }

    @Test
    void badVariantsAreReportedAllAtOnce() {
        assertThatThrownBy(() -> read("""
                parameters:
                  - {path: technology.clock, values: [1 GHz]}
                variants:
                  - {name: a, set: {'b..c': 1}}
                  - {name: a}
                  - {set: {x: 1}}
                  - {name: d, set: {technology.clock: 2 GHz}, colour: red}
                  - just-a-name
                """)).isInstanceOf(SpecException.class).satisfies(e -> {
                    List<String> lines = ((SpecException) e).diagnostics().stream().map(Object::toString).toList();
                    assertThat(lines).hasSize(6);
                    assertThat(lines.get(0)).startsWith("v.yaml:7:21: error: variants[0].set.b..c: expected a path");
                    assertThat(lines.get(1)).startsWith("v.yaml:8:12: error: variants[1].name: variant 'a' is named twice "
                            + "(first at line 7)");
                    assertThat(lines.get(2)).startsWith("v.yaml:9:5: error: variants[2].name: missing required key 'name'");
                    assertThat(lines.get(3)).startsWith("v.yaml:10:21: error: variants[3].set.technology.clock: path "
                            + "'technology.clock' is also swept by the parameter at line 5");
                    assertThat(lines.get(4)).startsWith("v.yaml:10:47: error: variants[3].colour: unknown key 'colour'");
                    assertThat(lines.get(5)).startsWith("v.yaml:11:5: error: variants[4]: expected a variant");
                });
        assertThatThrownBy(() -> read("variants: []\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining("v.yaml:4:11: error: variants: expected at least one variant");
        assertThatThrownBy(() -> read("mapper: sequential\n")).isInstanceOf(SpecException.class)
                .hasMessageContaining("missing required key 'parameters'");
    }

    @Test
    void mapperReplicateIsReadFromTheMapperBlock() {
        SweepPlan on = read("""
                mapper: {name: sequential, replicate: true}
                variants: [{name: base}]
                """);
        assertThat(on.replicate()).isTrue();
        assertThat(on.mapper().text()).isEqualTo("sequential");
        assertThat(read("variants: [{name: base}]\n").replicate()).isFalse();
        assertThat(read("mapper: {name: solver, replicate: false}\nvariants: [{name: base}]\n").replicate()).isFalse();
        assertThatThrownBy(() -> read("mapper: {name: solver, replicate: yes-please}\nvariants: [{name: base}]\n"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("v.yaml:4:35: error: mapper.replicate: expected true or false, found 'yes-please'");
        // The copy with more objectives keeps both.
        assertThat(on.withObjectives(List.of()).variants()).isEqualTo(on.variants());
        assertThat(on.withObjectives(List.of()).replicate()).isTrue();
    }
}
