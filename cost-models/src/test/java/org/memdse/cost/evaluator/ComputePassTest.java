package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.memdse.cost.evaluator.PassFixtures.FC;
import static org.memdse.cost.evaluator.PassFixtures.RELU;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.eval.LatencyCause;

/** The compute pass alone on the tiny chip (published figures per action, see {@link TinyChip}). */
class ComputePassTest {
    private static final EvaluationLedger FC_ONLY = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny(), true, 1),
            new ComputePass());

    @Test
    void crossbarReadsScaleWithTheCellsTheBlockUsesAndTheInputBitsThatAreOne() {
        // 1 vector x 2 bit-serial cycles x (4 rows x 2 cols / 16 cells) x 0.5 input-bit density x 2 pJ = 1 pJ
        assertThat(FC_ONLY.energy(ComponentKind.CROSSBAR)).isCloseTo(1e-12, withinPercentage(1e-9));
        // the array periphery acts once per read (2 reads x 0 pJ here)
        assertThat(FC_ONLY.energy(ComponentKind.ARRAY_PERIPHERY)).isZero();
    }

    @Test
    void theArraysReadForVectorsTimesCyclesTimesTheReadTime() {
        // 1 vector x 2 cycles x 10 ns; the conversions are the conversion pass's concern
        assertThat(FC_ONLY.duration(FC, LatencyCause.ARRAY)).isCloseTo(20e-9, withinPercentage(1e-9));
        assertThat(FC_ONLY.duration(FC, LatencyCause.CONVERSION)).isZero();
        assertThat(FC_ONLY.energy(ComponentKind.ADC)).isZero();
        assertThat(FC_ONLY.energy(ComponentKind.BUFFER)).isZero();
    }

    @Test
    void withoutSampleHoldEachColumnConductsForItsConversionAndTheRowsAreDrivenOncePerSharedColumn() {
        Architecture noSampleHold = ArchitectureReader.read(SpecSource.ofText("tiny.yaml",
                TinyChip.yaml("tiny", "", "0 W", PassFixtures.ACTIVATION_UNIT).replaceAll("(?m)^ *sample_hold:.*\n", "")));
        EvaluationLedger held = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny(), true, 1),
                new ComputePass(), new ConversionPass());
        EvaluationLedger sensed = PassFixtures.run(PassFixtures.fc(noSampleHold, true, 1),
                new ComputePass(), new ConversionPass());
        // held: 1 pJ (above); sensed directly, each column conducts for its 1 ns conversion of the 10 ns pulse
        assertThat(held.energy(ComponentKind.CROSSBAR)).isCloseTo(1e-12, withinPercentage(1e-9));
        assertThat(sensed.energy(ComponentKind.CROSSBAR)).isCloseTo(0.1e-12, withinPercentage(1e-9));
        // the rows are driven again for each of the 2 columns an ADC shares
        assertThat(held.energy(ComponentKind.DAC)).isPositive();
        assertThat(sensed.energy(ComponentKind.DAC)).isCloseTo(2 * held.energy(ComponentKind.DAC), withinPercentage(1e-9));
    }

    @Test
    void sharingAConverterBetweenMoreColumnsLeavesTheArrayEnergyAndDoublesTheRowDrives() {
        String base = TinyChip.yaml("tiny", "", "0 W", PassFixtures.ACTIVATION_UNIT).replaceAll("(?m)^ *sample_hold:.*\n", "");
        Architecture two = ArchitectureReader.read(SpecSource.ofText("tiny.yaml", base));
        Architecture four = ArchitectureReader.read(SpecSource.ofText("tiny.yaml",
                base.replace("columns_per_adc: 2", "columns_per_adc: 4")));
        EvaluationLedger l2 = PassFixtures.run(PassFixtures.fc(two, true, 1), new ComputePass(), new ConversionPass());
        EvaluationLedger l4 = PassFixtures.run(PassFixtures.fc(four, true, 1), new ComputePass(), new ConversionPass());
        assertThat(l4.energy(ComponentKind.CROSSBAR)).isCloseTo(l2.energy(ComponentKind.CROSSBAR), withinPercentage(1e-9));
        assertThat(l4.energy(ComponentKind.DAC)).isCloseTo(2 * l2.energy(ComponentKind.DAC), withinPercentage(1e-9));
    }

    @Test
    void elementWiseWorkRunsOnEveryTilesDigitalUnits() {
        // relu: 2 elements x 0.2 pJ; 2 ops x 1 ns spread over 2 activation units (one per tile) = 1 ns
        assertThat(FC_ONLY.energy(ComponentKind.DIGITAL)).isCloseTo(0.4e-12, withinPercentage(1e-9));
        assertThat(FC_ONLY.layerEnergy(RELU)).isCloseTo(0.4e-12, withinPercentage(1e-9));
        assertThat(FC_ONLY.duration(RELU, LatencyCause.DIGITAL)).isCloseTo(1e-9, withinPercentage(1e-9));
        assertThat(FC_ONLY.layerEnergy(FC)).isCloseTo(1e-12, withinPercentage(1e-9));
    }

    @Test
    void replicasShareTheVectorsSoTheEnergyStaysAndTheTimeHalves() {
        EvaluationLedger twice = PassFixtures.run(PassFixtures.fc(PassFixtures.tiny(), false, 2), new ComputePass());
        // each copy: 1 vector x 2 cycles / 2 replicas = 1 read of 8/16 cells; 2 copies x 1 x 0.5 x 0.5 x 2 pJ = 1 pJ
        assertThat(twice.energy(ComponentKind.CROSSBAR)).isCloseTo(1e-12, withinPercentage(1e-9));
        assertThat(twice.duration(FC, LatencyCause.ARRAY)).isCloseTo(10e-9, withinPercentage(1e-9));
    }

    @Test
    void snnPopulationsUpdateEveryNeuronEachStepAndProjectionsCostTheirSynapticEvents() {
        HybridFixture h = HybridFixture.evaluate(new ComputePass());
        // pop: 8 neurons x 10 steps = 80 updates x 0.5 pJ
        assertThat(h.ledger().layerEnergy(h.index("pop")) - h.spikeEnergy())
                .isCloseTo(80 * 0.5e-12, withinPercentage(1e-9));
        // and 8 x 0.25 firing rate x 10 steps = 20 spikes at the neuron model's spike energy
        assertThat(h.spikes()).isCloseTo(20, withinPercentage(1e-9));
        // syn: 4 inputs x 0.5 rate x 8 fan-out (dense) x 10 steps = 160 events x 0.1 pJ
        assertThat(h.ledger().energy(ComponentKind.SYNAPSE)).isCloseTo(160 * 0.1e-12, withinPercentage(1e-9));
        // the population takes 10 steps x the 1 us tick; the projection takes no time of its own
        assertThat(h.ledger().duration(h.index("pop"), LatencyCause.SNN_TICKS)).isCloseTo(10e-6, withinPercentage(1e-9));
        assertThat(h.ledger().duration(h.index("syn"), LatencyCause.SNN_TICKS)).isZero();
    }
}
