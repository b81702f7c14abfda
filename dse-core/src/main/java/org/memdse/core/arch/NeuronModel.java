package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** The neuron dynamics an SNN core implements. */
public enum NeuronModel implements Keyed {
    /** integrate-and-fire. */
    IF("if"),
    /** leaky integrate-and-fire. */
    LIF("lif"),
    /** LIF with an adaptive threshold. */
    ADAPTIVE_LIF("adaptive-lif");

    private final String key;

    NeuronModel(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
