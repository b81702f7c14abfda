package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How a tile's or core's weights change on the chip. */
public enum LearningRule implements Keyed {
    /** inference only: weights are trained elsewhere and written once. */
    NONE("none", false),
    /** backpropagation in the arrays: forward, error (transposed reads) and weight update per batch. */
    IN_SITU_BACKPROP("in-situ-backprop", false),
    /** pairwise spike-timing-dependent plasticity: one update per pre/post spike pair (Loihi's default rule). */
    STDP_PAIR("stdp-pair", true),
    /** triplet STDP (Pfister & Gerstner 2006): a second, slower postsynaptic trace per neuron. */
    STDP_TRIPLET("stdp-triplet", true),
    /** STDP gated by a global reward signal: eligibility traces applied when the reward arrives. */
    REWARD_MODULATED("reward-modulated", true);

    private final String key;
    private final boolean spiking;

    LearningRule(String key, boolean spiking) {
        this.key = key;
        this.spiking = spiking;
    }

    @Override
    public String key() {
        return key;
    }

    /** Whether the rule is driven by spike timing (runs on SNN cores, not on CIM tiles). */
    public boolean spiking() {
        return spiking;
    }
}
