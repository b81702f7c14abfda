package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** How an encoder (or a voltage-to-spike integration node) turns values into spikes. */
public enum Encoding implements Keyed {
    /** rate coding: spike count over the time window. */
    RATE("rate"),
    /** temporal / latency coding: time to first spike. */
    TEMPORAL("temporal"),
    /** delta modulation: a spike per change beyond a threshold (event cameras). */
    DELTA("delta");

    private final String key;

    Encoding(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
