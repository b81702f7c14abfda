package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** On-chip learning of a projection's weights (same keys as the architecture's learning rules). */
public enum LearningRule implements Keyed {
    /** inference only (weights trained off chip). */
    NONE("none"),
    /** spike-timing-dependent plasticity (pairwise). */
    STDP("stdp");

    private final String key;

    LearningRule(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
