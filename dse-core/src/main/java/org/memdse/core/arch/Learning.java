package org.memdse.core.arch;

/**
 * On-chip learning of a tile's or core's weights ({@code learning:} in the YAML). Which fields
 * matter depends on the rule: batches and epochs for in-situ backprop, the synaptic event rate
 * for the spiking rules.
 *
 * @param rule            the learning rule
 * @param batchSize       training samples per weight update (in-situ backprop; 1 otherwise)
 * @param samplesPerEpoch training samples in one epoch (the training set's size)
 * @param epochs          epochs the chip is asked to train for
 * @param eventRateHz     synaptic updates per synapse per second (spiking rules), Hz
 * @param scheme          how an update reaches the conductances
 * @param maxIterations   write-verify: most program-and-verify iterations per cell and update
 * @param tolerance       write-verify: accepted conductance error, in level spacings of the stored weight
 * @param steps           mean conductance change of an updated cell per update, in device steps
 *                        ((g_max − g_min) / write levels); below 1 with a mixed-precision accumulator
 * @param pulseTrain      stochastic outer product: pulses per line and update (aihwkit's desired_bl)
 * @param gradientUnit    where weight gradients are computed
 * @param offChipStaging  whether a batch's activations and errors are kept in off-chip DRAM
 *                        between the passes (DNN+NeuroSim V2.1) rather than in on-chip buffers
 */
public record Learning(LearningRule rule, int batchSize, int samplesPerEpoch, int epochs, double eventRateHz,
                       UpdateScheme scheme, int maxIterations, double tolerance, double steps, int pulseTrain,
                       GradientUnit gradientUnit, boolean offChipStaging) {
    /** No learning. */
    public static final Learning NONE = new Learning(LearningRule.NONE, 1, 1, 1, 0, UpdateScheme.OPEN_LOOP, 1,
            0.5, 1, 31, GradientUnit.DIGITAL, true);

    public Learning {
        Checks.notNull("rule", rule);
        Checks.atLeast("batch_size", batchSize, 1);
        Checks.atLeast("samples_per_epoch", samplesPerEpoch, 1);
        Checks.atLeast("epochs", epochs, 1);
        Checks.nonNegative("event_rate", eventRateHz);
        Checks.notNull("scheme", scheme);
        Checks.atLeast("max_iterations", maxIterations, 1);
        Checks.positive("tolerance", tolerance);
        Checks.positive("steps", steps);
        Checks.atLeast("pulse_train", pulseTrain, 1);
        Checks.notNull("gradient_unit", gradientUnit);
    }

    /** {@code rule} with the other fields at their defaults (tests, fixtures). */
    public static Learning of(LearningRule rule) {
        return rule == LearningRule.NONE ? NONE
                : new Learning(rule, 1, 1, 1, rule.spiking() ? 1 : 0, UpdateScheme.OPEN_LOOP, 1, 0.5, 1, 31,
                GradientUnit.DIGITAL, true);
    }

    /** Whether the weights change on the chip. */
    public boolean active() {
        return rule != LearningRule.NONE;
    }

    /** This description with another update scheme. */
    public Learning withScheme(UpdateScheme other) {
        return new Learning(rule, batchSize, samplesPerEpoch, epochs, eventRateHz, other, maxIterations, tolerance,
                steps, pulseTrain, gradientUnit, offChipStaging);
    }

    /** Weight updates per epoch: ceil(samples / batch). */
    public long updatesPerEpoch() {
        return (samplesPerEpoch + (long) batchSize - 1) / batchSize;
    }
}
