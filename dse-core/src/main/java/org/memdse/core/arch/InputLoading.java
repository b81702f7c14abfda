package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/**
 * How a crossbar layer's inputs are moved from the tile buffer to the arrays' row registers.
 */
public enum InputLoading implements Keyed {
    /**
     * Each input activation is read from the buffer once per inference (the windows of
     * neighbouring output positions share it through the row registers or a line buffer): the
     * least traffic a layer can have.
     */
    ONCE("once"),
    /**
     * The whole input window (all rows of the layer's weight matrix) is loaded for every output
     * position, with no reuse between overlapping windows, as DNN+NeuroSim's dataflow does
     * (V1.3 Tile.cpp: numBitToLoadOut = weightMatrixRow × numInVector, numInVector = output
     * positions × input bits).
     */
    PER_WINDOW("per-window");

    private final String key;

    InputLoading(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
