package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** What a pooling window computes. */
public enum PoolMode implements Keyed {
    /** the largest value of the window. */
    MAX("max"),
    /** the mean of the window. */
    AVG("avg");

    private final String key;

    PoolMode(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
