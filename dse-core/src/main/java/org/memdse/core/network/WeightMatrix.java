package org.memdse.core.network;

/**
 * A node's weights as they would sit on crossbars before partitioning: {@code rows} inputs
 * driven onto word lines, {@code cols} outputs read from bit lines.
 *
 * <ul>
 *   <li>conv: rows = in_channels / groups × kh × kw, cols = out_channels (the groups side by side,
 *       each column fed by its own group's inputs);</li>
 *   <li>linear: rows = in_features, cols = out_features;</li>
 *   <li>LSTM/GRU: the gate matrices stacked, rows = in_features + hidden (x_t and h_{t-1} on the
 *       rows), cols = gates × hidden, as memristor LSTMs map them;</li>
 *   <li>SNN projection: rows = presynaptic neurons (or the conv window), cols = postsynaptic
 *       neurons (or out channels).</li>
 * </ul>
 * Biases are not on the matrix: they are added digitally (or as one extra row; the mapper decides).
 *
 * @param rows             word lines needed
 * @param cols             bit lines needed
 * @param weightBits       bits per weight
 * @param vmmsPerInference how many vector-matrix multiplications one inference performs with it
 *                         (conv: output positions; recurrent: time steps; SNN: time steps)
 */
public record WeightMatrix(int rows, int cols, int weightBits, long vmmsPerInference) {
    public WeightMatrix {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("rows, cols: must be at least 1, found " + rows + "x" + cols);
        }
        if (weightBits < 1) {
            throw new IllegalArgumentException("weightBits: must be at least 1, found " + weightBits);
        }
        if (vmmsPerInference < 1) {
            throw new IllegalArgumentException("vmmsPerInference: must be at least 1, found " + vmmsPerInference);
        }
    }

    /** Weights on the matrix (cells before bit slicing). */
    public long weights() {
        return (long) rows * cols;
    }

    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
