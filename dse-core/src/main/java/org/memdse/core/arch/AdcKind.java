package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** The circuit of an analogue-to-digital converter. */
public enum AdcKind implements Keyed {
    /** successive approximation. */
    SAR("sar"),
    /** flash (2^bits - 1 comparators). */
    FLASH("flash"),
    /** ramp / integrating (single slope). */
    RAMP("ramp"),
    /** memristor-based ADC. */
    MEMRISTOR("memristor");

    private final String key;

    AdcKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
