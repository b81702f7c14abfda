package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How the encoder turns sensor data into spikes or voltages. */
public enum EncodingScheme implements Keyed {
    /** rate coding: spike count over the time window. */
    RATE("rate"),
    /** temporal / latency coding: time to first spike. */
    TEMPORAL("temporal"),
    /** delta modulation: a spike per change beyond a threshold. */
    DELTA("delta"),
    /** analogue voltages for the ANN side. */
    VOLTAGE("voltage");

    private final String key;

    EncodingScheme(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
