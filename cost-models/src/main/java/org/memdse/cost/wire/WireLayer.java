package org.memdse.cost.wire;

/**
 * The metal layers memdse prices wires on. Sources and figures: docs/reference/wires.md.
 */
public enum WireLayer {
    /** A crossbar's row lines: DNN+NeuroSim V1.4's Metal1 (SubArray.cpp resRow). */
    ROW,
    /** A crossbar's column lines: DNN+NeuroSim V1.4's Metal0 (SubArray.cpp resCol). */
    COLUMN,
    /**
     * Intermediate (semi-global) wires, pitch 4 F: the wiring inside a tile, from its buffers to
     * its macros (CACTI's "semi-global" wires).
     */
    SEMI_GLOBAL,
    /** Global wires, pitch 8 F: the links of the on-chip network between tiles (CACTI's "global" wires). */
    GLOBAL
}
