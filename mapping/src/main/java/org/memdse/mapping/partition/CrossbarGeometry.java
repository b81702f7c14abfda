package org.memdse.mapping.partition;

import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.SignedWeights;

/**
 * The crossbar that weight matrices are cut to.
 *
 * @param rows          word lines
 * @param cols          bit lines
 * @param bitsPerCell   bits stored per cell
 * @param signedWeights how signed weights are held
 */
public record CrossbarGeometry(int rows, int cols, int bitsPerCell, SignedWeights signedWeights) {
    public CrossbarGeometry {
        if (rows < 1 || cols < 1 || bitsPerCell < 1 || signedWeights == null) {
            throw new IllegalArgumentException("crossbar geometry: rows, cols, bitsPerCell >= 1 and signedWeights needed");
        }
    }

    public static CrossbarGeometry of(Crossbars c) {
        return new CrossbarGeometry(c.rows(), c.cols(), c.bitsPerCell(), c.signedWeights());
    }

    /**
     * Crossbar columns one weight takes: its bit slices ({@code ⌈weightBits / bitsPerCell⌉}),
     * doubled for a differential pair (G+ and G− columns).
     */
    public int columnsPerWeight(int weightBits) {
        int slices = (weightBits + bitsPerCell - 1) / bitsPerCell;
        return signedWeights == SignedWeights.DIFFERENTIAL ? 2 * slices : slices;
    }

    /** Bit lines free for weights: an offset encoding keeps one reference column per array. */
    public int usableCols() {
        return signedWeights == SignedWeights.OFFSET ? cols - 1 : cols;
    }

    /** Whether blocks cut to this geometry also fit crossbars of {@code other}. */
    public boolean fitsIn(CrossbarGeometry other) {
        return other.rows >= rows && other.usableCols() >= usableCols() && other.bitsPerCell >= bitsPerCell
                && other.signedWeights == signedWeights;
    }
}
