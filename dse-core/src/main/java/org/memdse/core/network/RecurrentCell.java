package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** The cell of a recurrent layer; it fixes the number of gate matrices. */
public enum RecurrentCell implements Keyed {
    /** long short-term memory: input, forget, cell and output gates. */
    LSTM("lstm"),
    /** gated recurrent unit: reset, update and new gates. */
    GRU("gru");

    private final String key;

    RecurrentCell(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
