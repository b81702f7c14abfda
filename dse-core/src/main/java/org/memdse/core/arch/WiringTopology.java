package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How a tile's wires reach its macros from its buffers. */
public enum WiringTopology implements Keyed {
    /** A balanced tree from the tile's centre to every macro (DNN+NeuroSim Tile.cpp's H-tree). */
    HTREE("htree"),
    /** One shared bus running past every macro (ISAAC's eDRAM-to-IMA bus). */
    BUS("bus");

    private final String key;

    WiringTopology(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
