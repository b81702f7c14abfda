package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.memdse.cost.evaluator.PassFixtures.FC;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.eval.LatencyCause;

/** The conversion pass alone on the tiny chip (published figures per action, see {@link TinyChip}). */
class ConversionPassTest {
    private static final EvaluationLedger FC_ONLY = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny(), false, 1),
            new ConversionPass());

    @Test
    void everyUsedColumnIsConvertedSampledAndShiftAddedEachCycle() {
        // 1 vector x 2 cycles x 2 columns = 4 conversions: x 1 pJ, x 0.01 pJ, x 0.05 pJ
        assertThat(FC_ONLY.energy(ComponentKind.ADC)).isCloseTo(4e-12, withinPercentage(1e-9));
        assertThat(FC_ONLY.energy(ComponentKind.SAMPLE_HOLD)).isCloseTo(0.04e-12, withinPercentage(1e-9));
        assertThat(FC_ONLY.energy(ComponentKind.SHIFT_ADD)).isCloseTo(0.2e-12, withinPercentage(1e-9));
        // no arrays read here: that is the compute pass
        assertThat(FC_ONLY.energy(ComponentKind.CROSSBAR)).isZero();
    }

    @Test
    void aUsedRowIsDrivenWhenItsInputBitIsOne() {
        // 2 cycles x 4 rows x 0.5 x 0.1 pJ; all of it charged to fc
        assertThat(FC_ONLY.energy(ComponentKind.DAC)).isCloseTo(0.4e-12, withinPercentage(1e-9));
        assertThat(FC_ONLY.layerEnergy(FC)).isCloseTo((4 + 0.04 + 0.2 + 0.4) * 1e-12, withinPercentage(1e-9));
    }

    @Test
    void theSharedAdcConvertsItsColumnsInTurn() {
        // 1 vector x 2 cycles x 2 columns per ADC x 1 ns
        assertThat(FC_ONLY.duration(FC, LatencyCause.CONVERSION)).isCloseTo(4e-9, withinPercentage(1e-9));
        assertThat(FC_ONLY.duration(FC, LatencyCause.ARRAY)).isZero();
    }

    @Test
    void itSaysWhatAdcPrecisionALayerWouldNeed() {
        // 4 rows x 3 (2-bit cell) x 1 (1-bit input per cycle) = 12 -> ceil(log2 13) = 4 bits
        EvaluationLedger twoLayers = PassFixtures.run(PassFixtures.twoLayers(PassFixtures.tiny()), new ConversionPass());
        assertThat(twoLayers.adcBitsNeeded(1)).isEqualTo(4);
        // fc2: 2 rows x 3 x 1 = 6 -> 3 bits; the input is no crossbar layer
        assertThat(twoLayers.adcBitsNeeded(2)).isEqualTo(3);
        assertThat(twoLayers.adcBitsNeeded(0)).isNaN();
    }

    @Test
    void rowBlocksPartialSumsAreAddedOncePerOutput() {
        // fc1: 2 outputs x (2 row blocks - 1) on the tile's activation unit (no accumulator: the fallback) x 0.2 pJ
        EvaluationLedger twoLayers = PassFixtures.run(PassFixtures.twoLayers(PassFixtures.tiny()), new ConversionPass());
        assertThat(twoLayers.energy(ComponentKind.DIGITAL)).isCloseTo(0.4e-12, withinPercentage(1e-9));
    }

    @Test
    void analogTransferSkipsTheAdcsAfterTheFirstLayerAndTheDacsBeforeTheSecond() {
        MappedNetwork analog = PassFixtures.twoLayers(PassFixtures.tiny("analog_transfer: true", "0 W", ""));
        EvaluationLedger l = PassFixtures.run(analog, new ConversionPass());
        // fc2 only: 1 analog read x 2 columns
        assertThat(l.energy(ComponentKind.ADC)).isCloseTo(2e-12, withinPercentage(1e-9));
        // fc1 only: 2 cycles x 8 rows x 0.5 x 0.1 pJ
        assertThat(l.energy(ComponentKind.DAC)).isCloseTo(0.8e-12, withinPercentage(1e-9));
        // fc1 holds 2 cycles x 4 columns and activates 2 outputs; fc2 samples 2 columns: 12 x 0.01 pJ
        assertThat(l.energy(ComponentKind.SAMPLE_HOLD)).isCloseTo(0.12e-12, withinPercentage(1e-9));
        assertThat(l.energy(ComponentKind.DIGITAL)).isZero();
        // no conversions in fc1's cycle; fc2: 1 read x 2 columns per ADC x 1 ns
        assertThat(l.duration(1, LatencyCause.CONVERSION)).isZero();
        assertThat(l.duration(2, LatencyCause.CONVERSION)).isCloseTo(2e-9, withinPercentage(1e-9));
    }

    @Test
    void theEncoderEncodesEveryInputEachStepAndTheIntegrationInterfaceConvertsEachValue() {
        HybridFixture h = HybridFixture.evaluate(new ConversionPass());
        // 4 inputs x 10 steps x 0.3 pJ; 8 values x 0.7 pJ
        assertThat(h.ledger().energy(ComponentKind.ENCODER)).isCloseTo(12e-12, withinPercentage(1e-9));
        assertThat(h.ledger().layerEnergy(h.index("sensor"))).isCloseTo(12e-12, withinPercentage(1e-9));
        assertThat(h.ledger().energy(ComponentKind.INTERFACE)).isCloseTo(5.6e-12, withinPercentage(1e-9));
    }
}
