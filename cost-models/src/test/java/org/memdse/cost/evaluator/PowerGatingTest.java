package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.memdse.cost.evaluator.PassFixtures.RELU;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.IdleHardware;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.eval.Metrics;
import org.memdse.core.spec.SpecSource;

/**
 * Power gating on the tiny chip: its two tiles leak 1 mW each (their buffers), fc sits on tile 1
 * and tile 0 holds nothing, so with {@code gate: unused} tile 0 is switched off.
 */
class PowerGatingTest {
    private static Architecture chip(String gating) {
        return ArchitectureReader.read(SpecSource.ofText("tiny.yaml",
                TinyChip.yaml("tiny", "", "1 mW", PassFixtures.ACTIVATION_UNIT) + gating));
    }

    private static final Architecture OFF = chip("");
    private static final Architecture ON = chip("power_gating: {gate: unused, residual_leakage: 0.1}\n");

    private static Metrics evaluate(Architecture a, boolean relu) {
        MappedNetwork v = PassFixtures.fc(a, relu, 1);
        return new SystemEvaluator(PassFixtures.REGISTRY).evaluate(a, v.network(), v.mapping(), v.convention());
    }

    @Test
    void aSwitchedOffTileLeaksOnlyItsResidualShare() {
        // tile 1: 1 mW; tile 0 switched off: 0.1 x 1 mW
        assertThat(evaluate(ON, false).leakagePowerW()).isCloseTo(1.1e-3, withinPercentage(1e-9));
        assertThat(evaluate(OFF, false).leakagePowerW()).isCloseTo(2e-3, withinPercentage(1e-9));
        // over the same 24 ns: 26.4 pJ instead of 48 pJ
        assertThat(evaluate(ON, false).energyByKind().get("static")).isCloseTo(1.1e-3 * 24e-9, withinPercentage(1e-9));
        // the peak figures describe the chip with every array busy: gating does not change its leakage there
        assertThat(evaluate(ON, false).peak().leakagePowerW()).isCloseTo(2e-3, withinPercentage(1e-9));
    }

    @Test
    void everyTileGetsASleepSwitchWhoseAreaIsCounted() {
        Architecture given = chip("power_gating: {gate: unused, area: 7 um^2}\n");
        Metrics m = evaluate(given, false);
        assertThat(m.areaByKind().get("power_switch")).isCloseTo(2 * 7e-12, withinPercentage(1e-9));
        assertThat(m.areaM2() - evaluate(OFF, false).areaM2()).isCloseTo(14e-12, withinPercentage(1e-6));
        assertThat(evaluate(OFF, false).areaByKind().parts()).doesNotContainKey("power_switch");
        // without a figure the model sizes it from the tile's peak current: some area, on every tile
        assertThat(evaluate(ON, false).areaByKind().get("power_switch")).isPositive();
    }

    @Test
    void elementWiseWorkRunsOnThePoweredTilesOnly() {
        // relu: 2 ops x 1 ns on tile 1's one activation unit (2 units, 1 ns, without gating)
        MappedNetwork gated = PassFixtures.fc(ON, true, 1);
        EvaluationLedger l = PassFixtures.run(gated, new ComputePass());
        assertThat(l.duration(RELU, LatencyCause.DIGITAL)).isCloseTo(2e-9, withinPercentage(1e-9));
        assertThat(gated.poweredTiles("cim")).isEqualTo(1);
        assertThat(PassFixtures.fc(OFF, true, 1).poweredTiles("cim")).isEqualTo(2);
        // the same energy: the same 2 operations
        assertThat(l.layerEnergy(RELU)).isCloseTo(0.4e-12, withinPercentage(1e-9));
    }

    @Test
    void aChipWithNoTileInUseKeepsOneOnForElementWiseWork() {
        // fc left without blocks: no tile holds weights, but element-wise work needs one, so one stays powered
        MappedNetwork v = PassFixtures.fc(ON, true, 0);
        assertThat(v.poweredTiles("cim")).isEqualTo(1);
        assertThat(v.idle()).isEqualTo(new IdleHardware(2, 2, 0, 0, true));
    }

    @Test
    void theResultSaysHowMuchOfTheChipIdles() {
        Metrics m = evaluate(OFF, false);
        assertThat(m.idle()).isEqualTo(new IdleHardware(2, 1, 0, 0, false));
        assertThat(m.idle().idleShare()).isEqualTo(0.5);
        // 48 pJ of leakage against 13.64 pJ of work: most of the energy is static
        assertThat(m.staticShare()).isCloseTo(48 / (48 + 13.64), withinPercentage(1e-6));
        assertThat(m.mostlyIdle()).isTrue();
        assertThat(evaluate(ON, false).idle().powerGated()).isTrue();
    }
}
