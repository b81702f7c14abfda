package org.memdse.core.eval;

import org.memdse.core.spec.Keyed;

/**
 * What a layer's time is spent on, for the latency breakdown. A layer's latency is the sum of
 * its causes' shares: the arrays' reads and the conversions overlap (a read cycle lasts the
 * slower of the two), so {@link #ARRAY} holds the read time and {@link #CONVERSION} only the
 * conversion time the reads do not hide; the other causes follow one another.
 */
public enum LatencyCause implements Keyed {
    /** Crossbar reads: input cycles x the array read time. */
    ARRAY("array"),
    /** ADC conversions (the shared ADCs converting their columns in turn) beyond the array reads. */
    CONVERSION("conversion"),
    /** Element-wise work (pooling, activation, residual add) on the tiles' digital units. */
    DIGITAL("digital"),
    /** Reading the layer's inputs from and writing its outputs to the tile buffers. */
    BUFFER("buffer"),
    /** Reading the layer's inputs from and writing its outputs to the chip's global buffer. */
    GLOBAL_BUFFER("global_buffer"),
    /** The layer's outputs crossing the on-chip network to the next layer's tiles. */
    NETWORK("network"),
    /** SNN time steps of the cores' tick. */
    SNN_TICKS("snn_ticks"),
    /** Writing a product's B operand into crossbars rewritten per input, before the reads. */
    CELL_WRITE("cell_write");

    private final String key;

    LatencyCause(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
