package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** On-core learning. */
public enum LearningRule implements Keyed {
    /** inference only. */
    NONE("none"),
    /** spike-timing-dependent plasticity (pairwise). */
    STDP("stdp"),
    /** backward pass and conductance updates in the arrays. */
    IN_SITU_BACKPROP("in-situ-backprop");

    private final String key;

    LearningRule(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
