package org.memdse.core.eval;

import java.util.Objects;

/**
 * What learning on the chip costs (the learning pass's part of {@link Metrics}). SI units. In
 * training mode a sample is one training sample, a batch one weight update, an epoch the
 * training set once; in online-learning mode a sample is one inference with its synaptic
 * updates, and there are no batches or epochs (their figures are 0).
 *
 * @param mode                       what was priced
 * @param energyPerSampleJ           energy per training sample (or inference with learning), J
 * @param timePerSampleS             time per sample, s
 * @param energyPerBatchJ            energy per weight update (batch), J
 * @param timePerBatchS              time per batch, s
 * @param energyPerEpochJ            energy per epoch, J
 * @param timePerEpochS              time per epoch, s
 * @param energyByPhase              energy per epoch (online: per sample) by phase: forward, error,
 *                                   gradient, dram, write, verify, static, J
 * @param timeByPhase                time per epoch (online: per sample) by phase, s
 * @param cellsWrittenPerUpdate      cells written by one weight update (online: one synaptic update)
 * @param pulsesPerCellPerUpdate     mean programming pulses a written cell takes per update
 * @param pulsesOfBusiestCell        pulses the most-written cell takes per update (the row's slowest cell)
 * @param writeEnergyPerUpdateJ      write (+ verify) energy of one synaptic update (one cell), J
 * @param writtenPrecisionLevels     standard deviation of a written conductance, in level spacings of the stored weight
 * @param lifetimeS                  time until the most-written cell reaches its endurance, s
 * @param epochsSurvived             epochs until then (0 in online learning)
 * @param opsPerEpoch                operations per epoch: forward, error and weight-gradient MACs, 2 ops each
 * @param areaAddedM2                area training adds to the inference chip: the gradient unit, the batch-sum
 *                                   adders and the converters of the transposed (error) reads, m^2
 */
public record LearningFigures(EvaluationMode mode, double energyPerSampleJ, double timePerSampleS,
                              double energyPerBatchJ, double timePerBatchS, double energyPerEpochJ, double timePerEpochS,
                              Breakdown energyByPhase, Breakdown timeByPhase, double cellsWrittenPerUpdate,
                              double pulsesPerCellPerUpdate, double pulsesOfBusiestCell, double writeEnergyPerUpdateJ,
                              double writtenPrecisionLevels, double lifetimeS, double epochsSurvived, double opsPerEpoch,
                              double areaAddedM2) {
    /** Nothing learned (inference mode). */
    public static final LearningFigures NONE = new LearningFigures(EvaluationMode.INFERENCE, 0, 0, 0, 0, 0, 0,
            Breakdown.EMPTY, Breakdown.EMPTY, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Phases of the breakdowns. */
    public static final String FORWARD = "forward";
    public static final String ERROR = "error";
    public static final String GRADIENT = "gradient";
    public static final String DRAM = "dram";
    public static final String WRITE = "write";
    public static final String VERIFY = "verify";
    public static final String STATIC = "static";

    public LearningFigures {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(energyByPhase, "energyByPhase");
        Objects.requireNonNull(timeByPhase, "timeByPhase");
        NonFiniteResultException.requireFinite("learning energy per sample", energyPerSampleJ);
        NonFiniteResultException.requireFinite("learning time per sample", timePerSampleS);
        NonFiniteResultException.requireFinite("energy per batch", energyPerBatchJ);
        NonFiniteResultException.requireFinite("time per batch", timePerBatchS);
        NonFiniteResultException.requireFinite("energy per epoch", energyPerEpochJ);
        NonFiniteResultException.requireFinite("time per epoch", timePerEpochS);
        NonFiniteResultException.requireFinite("learning energy by phase", energyByPhase);
        NonFiniteResultException.requireFinite("learning time by phase", timeByPhase);
        NonFiniteResultException.requireFinite("cells written per update", cellsWrittenPerUpdate);
        NonFiniteResultException.requireFinite("pulses per cell per update", pulsesPerCellPerUpdate);
        NonFiniteResultException.requireFinite("pulses of the busiest cell", pulsesOfBusiestCell);
        NonFiniteResultException.requireFinite("write energy per update", writeEnergyPerUpdateJ);
        NonFiniteResultException.requireFinite("written precision", writtenPrecisionLevels);
        NonFiniteResultException.requireFinite("lifetime", lifetimeS);
        NonFiniteResultException.requireFinite("epochs survived", epochsSurvived);
        NonFiniteResultException.requireFinite("operations per epoch", opsPerEpoch);
        NonFiniteResultException.requireFinite("area added for training", areaAddedM2);
    }

    /** Whether any learning was priced. */
    public boolean active() {
        return mode != EvaluationMode.INFERENCE;
    }

    /** Operations per joule over an epoch, in TOPS/W (0 without an epoch). */
    public double topsPerWatt() {
        return energyPerEpochJ > 0 ? opsPerEpoch / energyPerEpochJ / 1e12 : 0;
    }
}
