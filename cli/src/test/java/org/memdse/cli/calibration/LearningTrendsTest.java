package org.memdse.cli.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.LearningFigures;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecSource;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;

/**
 * Issue 14's trends, at the level of a whole training epoch on the bundled neurosim-v21-training chip
 * (an MLP on MNIST, to stay fast): a smaller batch writes more often and shortens the life in
 * proportion, the life scales with endurance, write-verify costs more energy and time per epoch than
 * open loop and writes more precisely, and a more non-linear device needs more pulses. Each variant
 * changes one key of the chip's own description (written back by describe's writer).
 */
class LearningTrendsTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private static final ComponentModelRegistry REGISTRY = ComponentModelRegistry.load();
    private static final String BASE = ArchitectureWriter.toYaml(
            ArchitectureReader.read(CATALOG.source(CATALOG.architecture("neurosim-v21-training").orElseThrow())));
    private static final NetworkGraph MLP =
            NetworkReader.read(CATALOG.source(CATALOG.network("mlp-mnist").orElseThrow()));

    /** The epoch's figures with {@code from} replaced by {@code to} in the chip's description. */
    private static LearningFigures train(String from, String to) {
        assertThat(BASE).contains(from);
        return variant(BASE.replace(from, to));
    }

    /** BASE with the update scheme write-verify (10 iterations, half a level), in flow or block style. */
    private static String writeVerify(String yaml) {
        assertThat(yaml).contains("scheme: open-loop");
        if (yaml.contains("{scheme: open-loop") || yaml.contains("scheme: open-loop,")) {
            return yaml.replace("scheme: open-loop", "scheme: write-verify, max_iterations: 10, tolerance: 0.5");
        }
        return yaml.replaceAll("(?m)^(\\s*)scheme: open-loop$", "$1scheme: write-verify\n$1max_iterations: 10\n$1tolerance: 0.5");
    }

    private static LearningFigures variant(String yaml) {
        Architecture a = ArchitectureReader.read(SpecSource.ofText("variant.yaml", yaml));
        MappingOutcome o = new SequentialMapper().map(a, MLP, MapperOptions.DEFAULT);
        assertThat(o).isInstanceOf(MappingOutcome.Mapped.class);
        return SystemEvaluator.forMode(REGISTRY, EvaluationMode.TRAINING)
                .evaluate(a, MLP, ((MappingOutcome.Mapped) o).mapping(), OpConvention.INT8).learning();
    }

    private static LearningFigures base() {
        return train("batch_size: 200", "batch_size: 200");
    }

    @Test
    void aSmallerBatchWritesMoreOftenAndShortensTheLifeInProportion() {
        LearningFigures b200 = base();
        LearningFigures b100 = train("batch_size: 200", "batch_size: 100");
        // 50,000 samples: 250 updates an epoch at a batch of 200, 500 at 100.
        assertThat(b100.energyByPhase().get(LearningFigures.WRITE) / b200.energyByPhase().get(LearningFigures.WRITE))
                .isCloseTo(2.0, within(1e-9));
        assertThat(b100.timeByPhase().get(LearningFigures.WRITE) / b200.timeByPhase().get(LearningFigures.WRITE))
                .isCloseTo(2.0, within(1e-9));
        assertThat(b100.epochsSurvived() / b200.epochsSurvived()).isCloseTo(0.5, within(1e-9));
        assertThat(b100.energyPerEpochJ()).isGreaterThan(b200.energyPerEpochJ());
        assertThat(b100.lifetimeS()).isLessThan(b200.lifetimeS());
    }

    @Test
    void theLifeScalesWithEndurance() {
        LearningFigures low = base();
        String endurance = BASE.lines().filter(l -> l.trim().startsWith("endurance:")).findFirst().orElseThrow().trim();
        LearningFigures high = train(endurance, "endurance: 1e8");
        assertThat(high.lifetimeS() / low.lifetimeS()).isCloseTo(10.0, within(1e-9));
        assertThat(high.epochsSurvived() / low.epochsSurvived()).isCloseTo(10.0, within(1e-9));
        assertThat(high.energyPerEpochJ()).isEqualTo(low.energyPerEpochJ());
    }

    @Test
    void writeVerifyCostsMoreEnergyAndTimePerEpochThanOpenLoopAndWritesMorePrecisely() {
        // A device whose steps spread by 3.5 % of the range (MLP+NeuroSim's RealDevice), about one level
        // spacing of the 5-bit cell after a pulse: open loop leaves that error, verify reads it back.
        String noisy = BASE.replace("c2c: '0.003'", "c2c: '0.035'");
        assertThat(noisy).isNotEqualTo(BASE);
        LearningFigures open = variant(noisy);
        LearningFigures verify = variant(writeVerify(noisy));
        assertThat(verify.energyPerEpochJ()).isGreaterThan(open.energyPerEpochJ());
        assertThat(verify.timePerEpochS()).isGreaterThan(open.timePerEpochS());
        assertThat(verify.energyByPhase().get(LearningFigures.VERIFY)).isPositive();
        assertThat(open.energyByPhase().get(LearningFigures.VERIFY)).isZero();
        assertThat(verify.writtenPrecisionLevels()).isLessThan(open.writtenPrecisionLevels());
    }

    @Test
    void aMoreNonLinearDeviceNeedsMorePulsesAndMoreWriteEnergy() {
        LearningFigures mild = base();
        // Ag:a-Si's depression label (docs/reference/learning.md A.1) on both curves.
        String steepYaml = BASE.replace("ltp: '1.75'", "ltp: '4.88'").replace("ltd: '1.46'", "ltd: '4.88'");
        assertThat(steepYaml).doesNotContain("1.75", "1.46");
        LearningFigures steep = variant(steepYaml);
        assertThat(steep.pulsesPerCellPerUpdate()).isGreaterThan(mild.pulsesPerCellPerUpdate());
        assertThat(steep.pulsesOfBusiestCell()).isGreaterThan(mild.pulsesOfBusiestCell());
        assertThat(steep.energyByPhase().get(LearningFigures.WRITE)).isGreaterThan(mild.energyByPhase().get(LearningFigures.WRITE));
        assertThat(steep.epochsSurvived()).isLessThan(mild.epochsSurvived());
    }
}
