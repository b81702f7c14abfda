package org.memdse.core.arch;

/**
 * The memristor crossbar arrays of one macro: {@code count} arrays of {@code rows × cols} cells.
 *
 * @param count         arrays per macro
 * @param rows          word lines (inputs) per array
 * @param cols          bit lines (outputs) per array
 * @param bitsPerCell   bits stored per cell; at most log2 of the device's levels
 * @param device        the memristor the cells are made of
 * @param cell          cell structure, which sets the cell area in F^2
 * @param signedWeights how signed weights are held
 * @param figures       published figures for one array (override the model)
 */
public record Crossbars(int count, int rows, int cols, int bitsPerCell, Device device, CellType cell,
                        SignedWeights signedWeights, PublishedFigures figures) {
    public Crossbars {
        Checks.atLeast("crossbars.count", count, 1);
        Checks.atLeast("crossbars.rows", rows, 1);
        Checks.atLeast("crossbars.cols", cols, 1);
        Checks.atLeast("crossbars.bits_per_cell", bitsPerCell, 1);
        Checks.notNull("device", device);
        Checks.notNull("cell", cell);
        Checks.notNull("signedWeights", signedWeights);
        Checks.notNull("figures", figures);
    }

    /** Cells of one array. */
    public long cellsPerArray() {
        return (long) rows * cols;
    }
}
