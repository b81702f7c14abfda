package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** Which way an integration node converts between the SNN and ANN parts. */
public enum IntegrationDirection implements Keyed {
    /** spike counts become activations (voltages) for the ANN part. */
    SPIKE_TO_VOLTAGE("spike-to-voltage"),
    /** activations become spike trains for the SNN part. */
    VOLTAGE_TO_SPIKE("voltage-to-spike");

    private final String key;

    IntegrationDirection(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
