package org.memdse.cli.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.LearningFigures;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * The bundled neurosim-v21-training training VGG-8 on CIFAR-10 for one epoch (sequential mapper)
 * against DNN+NeuroSim V2.1's example (manual Fig. 34, published-figures.md §3.3): 48.29 mm²,
 * 1.1946e14 pJ and 1.77327e11 ns per epoch, 0.773 TOPS/W at 1.847e9 ops per sample (one per MAC of
 * the forward, error and weight-gradient passes). Issue 14 asks for 30 % on all four.
 *
 * <p>Reached (README, calibration): energy 1.012e14 pJ (−15 %), latency 1.371e11 ns (−23 %), TOPS/W
 * 0.913 (+18 %), area 62.0 mm² (+28.5 %; 63.0, +31 %, while the arrays took V1.3's 4F × 12F cell
 * instead of V2.1's 4F × 4F). What keeps the area high: memdse's converters for the forward and
 * transposed reads take 49 mm² where V2.1 prints 18.84 mm² for both, and V2.1's weight-gradient unit
 * and accumulation are larger than memdse's; the test pins what makes it up.
 */
class NeuroSimTrainingCalibrationTest {
    static final double AREA_MM2 = 48.29;
    static final double ENERGY_PJ = 1.1946e14;
    static final double LATENCY_NS = 1.77327e11;
    static final double TOPS_PER_W = 0.773;
    static final int SAMPLES = 50_000;

    private static Metrics m;
    private static LearningFigures l;

    @BeforeAll
    static void evaluate() {
        Architecture a = Pipeline.architecture("neurosim-v21-training");
        NetworkGraph g = Pipeline.network("vgg8-cifar10");
        m = SystemEvaluator.forMode(ComponentModelRegistry.load(), EvaluationMode.TRAINING)
                .evaluate(a, g, Pipeline.map(a, g), OpConvention.INT8);
        l = m.learning();
    }

    @Test
    void energyPerEpochWithin30PercentOfNeuroSim() {
        // reached: 1.012e14 pJ (-15 %)
        assertThat(l.energyPerEpochJ() * 1e12).isBetween(ENERGY_PJ * 0.7, ENERGY_PJ * 1.3);
    }

    @Test
    void latencyPerEpochWithin30PercentOfNeuroSim() {
        // reached: 1.371e11 ns (-23 %); 3.32e11 (+87 %) when the chip was timed synchronously at 400 MHz
        assertThat(l.timePerEpochS() * 1e9).isBetween(LATENCY_NS * 0.7, LATENCY_NS * 1.3);
    }

    @Test
    void topsPerWattAtNeuroSimsOpCountWithin30Percent() {
        // one op per MAC of each of the three passes: 3 x 615.9e6 MACs = 1.5 x the 1.2318e9 forward ops
        double ops = 1.5 * m.ops() * SAMPLES;
        assertThat(ops / SAMPLES).isCloseTo(1.847e9, org.assertj.core.data.Percentage.withPercentage(0.1));
        double topsPerW = ops / l.energyPerEpochJ() / 1e12;
        // reached: 0.913 (+18 %)
        assertThat(topsPerW).isBetween(TOPS_PER_W * 0.7, TOPS_PER_W * 1.3);
    }

    @Test
    void areaWithin30PercentOfNeuroSimWithTheConvertersAsTheExcess() {
        // reached: 62.0 mm^2 (+28.5 %); converters 24.5 (forward) + 24.5 (transposed reads) against V2.1's 18.84
        double area = (m.areaM2() + l.areaAddedM2()) * 1e6;
        assertThat(area).isBetween(AREA_MM2 * 0.7, AREA_MM2 * 1.3);
        // V2.1's 4F x 4F cells (Param.cpp): 28 tiles x 64 arrays x 16,384 cells x 16 F^2 x (32 nm)^2 = 0.481 mm^2
        assertThat(m.areaByKind().get("crossbar") * 1e6).isCloseTo(0.481036,
                org.assertj.core.data.Percentage.withPercentage(0.01));
        double adc = m.areaByKind().get("adc") * 1e6;
        assertThat(2 * adc).isGreaterThan(2 * 18.84);
        // without the converters' excess over V2.1's the chip would be below V2.1's 48.29 mm^2
        assertThat(area - (2 * adc - 18.84)).isLessThan(AREA_MM2);
    }

    @Test
    void theWeightGradientsPassTheGlobalBufferOnTheirWayToDramAndBack() {
        // 2 x 12.97 M weights x 15 bits a sample to DRAM and back (3.9 pJ/bit): 7.59e13 pJ an epoch; the
        // staging phase holds that and the gradients' passes through the global buffer and its bus.
        double dramOnly = 2.0 * 12_973_440 * 15 * 3.9e-12 * SAMPLES;
        double staging = l.energyByPhase().get(LearningFigures.DRAM);
        assertThat(staging).isGreaterThan(dramOnly);
        assertThat(l.timeByPhase().get(LearningFigures.DRAM))
                .isGreaterThan(2.0 * 12_973_440 * 15 / 15.2e12 * SAMPLES);
    }
}
