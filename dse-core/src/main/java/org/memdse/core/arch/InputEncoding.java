package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How input activations are applied to the crossbar rows. */
public enum InputEncoding implements Keyed {
    /** one bit per read cycle through 1-bit drivers. */
    BIT_SERIAL("bit-serial"),
    /** several bits per cycle through multi-bit DACs. */
    MULTI_BIT_DAC("multi-bit-dac"),
    /** pulse-width / time-domain encoding: no DAC, longer reads. */
    PULSE_WIDTH("pulse-width");

    private final String key;

    InputEncoding(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
