package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** What travels along an edge. */
public enum Signal implements Keyed {
    /** multi-bit values (voltages on the crossbar rows), once per inference or per sequence step. */
    ACTIVATIONS("activations"),
    /** address events, once per spike. */
    SPIKES("spikes"),
    /** a projection's column currents into its population's neurons: they stay inside the core and cross no interconnect. */
    CURRENTS("currents");

    private final String key;

    Signal(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
