package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** The dynamics of an SNN population's neurons (same keys as the architecture's neuron models). */
public enum NeuronModel implements Keyed {
    /** integrate-and-fire, no leak. */
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
