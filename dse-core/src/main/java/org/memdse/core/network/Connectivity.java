package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** How a projection connects a presynaptic to a postsynaptic population. */
public enum Connectivity implements Keyed {
    /** all-to-all. */
    DENSE("dense"),
    /** each pair connected with a given probability. */
    SPARSE("sparse"),
    /** neuron i to neuron i. */
    ONE_TO_ONE("one-to-one"),
    /** a shared kernel slid over a [channels, height, width] population. */
    CONV("conv");

    private final String key;

    Connectivity(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
