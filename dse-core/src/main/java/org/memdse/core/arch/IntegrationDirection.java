package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** Which way the integration interface converts. */
public enum IntegrationDirection implements Keyed {
    /** spikes from SNN cores to voltages for CIM tiles. */
    SPIKE_TO_VOLTAGE("spike-to-voltage"),
    /** voltages from CIM tiles to spikes. */
    VOLTAGE_TO_SPIKE("voltage-to-spike"),
    /** both ways. */
    BIDIRECTIONAL("bidirectional");

    private final String key;

    IntegrationDirection(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
