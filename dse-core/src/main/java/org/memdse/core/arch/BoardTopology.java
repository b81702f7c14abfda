package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How the chips of a multi-chip system are wired together on their board or package. */
public enum BoardTopology implements Keyed {
    /** A chain: chip i to chip i + 1. */
    LINE("line"),
    /** A chain closed into a ring (two chips: one link). */
    RING("ring"),
    /** A grid of {@code columns x rows} places, chips in row-major order, neighbours linked. */
    MESH("mesh"),
    /** Every chip linked to every other. */
    ALL_TO_ALL("all-to-all"),
    /** The links listed under {@code connections}. */
    CUSTOM("custom");

    private final String key;

    BoardTopology(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
