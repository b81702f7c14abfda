package org.memdse.nir;

/**
 * What a NIR file does not say and memdse needs: how many time steps an inference takes and how
 * often neurons spike. NIR graphs hold no spike data (NIRGraphData is a separate file), so both
 * come from the user or from these stated defaults.
 *
 * @param timeSteps  time steps per inference
 * @param firingRate expected spikes per neuron per time step, of every spiking population
 * @param inputRate  expected spikes per input per time step
 */
public record NirImportOptions(int timeSteps, double firingRate, double inputRate) {
    /** 100 steps: a typical simulation window of the NIR paper's examples; an assumption, stated in the output. */
    public static final int DEFAULT_TIME_STEPS = 100;
    /** 0.1 spikes per neuron per step: an assumption, stated in the output; give measured rates with the option. */
    public static final double DEFAULT_FIRING_RATE = 0.1;

    public NirImportOptions {
        if (timeSteps < 1) {
            throw new IllegalArgumentException("timeSteps must be at least 1, was " + timeSteps);
        }
        if (!(firingRate >= 0 && firingRate <= 1) || !(inputRate >= 0 && inputRate <= 1)) {
            throw new IllegalArgumentException("firing rates are spikes per neuron per time step, in 0..1");
        }
    }

    public static NirImportOptions defaults() {
        return new NirImportOptions(DEFAULT_TIME_STEPS, DEFAULT_FIRING_RATE, DEFAULT_FIRING_RATE);
    }

    /** One line for the output: what the import assumed. */
    public String describe() {
        return timeSteps + " time steps, " + firingRate + " spikes per neuron per step, " + inputRate
                + " per input per step";
    }
}
