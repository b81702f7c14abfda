package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** The on-chip network topology. */
public enum Topology implements Keyed {
    /** 2-D mesh. */
    MESH("mesh"),
    /** 2-D torus (mesh with wrap-around links). */
    TORUS("torus"),
    /** H-tree (binary tree laid out in the plane). */
    HTREE("htree"),
    /** one shared bus. */
    BUS("bus");

    private final String key;

    Topology(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
