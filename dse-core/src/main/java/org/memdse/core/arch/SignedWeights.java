package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How signed weights are stored on conductances, which are positive. */
public enum SignedWeights implements Keyed {
    /** a pair of columns per weight, G+ minus G-. */
    DIFFERENTIAL("differential"),
    /** one column per weight plus a shared reference column per array. */
    OFFSET("offset"),
    /** weights are non-negative (e.g. after a shift); no extra columns. */
    UNSIGNED("unsigned");

    private final String key;

    SignedWeights(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
