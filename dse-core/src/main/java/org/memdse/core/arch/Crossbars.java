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
 * @param cellAreaF2    a cell's area in F^2: the one the design draws (DNN+NeuroSim's
 *                      heightInFeatureSize x widthInFeatureSize), by default the cell type's
 */
public record Crossbars(int count, int rows, int cols, int bitsPerCell, Device device, CellType cell,
                        SignedWeights signedWeights, PublishedFigures figures, double cellAreaF2) {
    /** Crossbars whose cells take their type's area ({@link CellType#areaF2()}). */
    public Crossbars(int count, int rows, int cols, int bitsPerCell, Device device, CellType cell,
                     SignedWeights signedWeights, PublishedFigures figures) {
        this(count, rows, cols, bitsPerCell, device, cell, signedWeights, figures, cell == null ? 0 : cell.areaF2());
    }

    public Crossbars {
        Checks.atLeast("crossbars.count", count, 1);
        Checks.atLeast("crossbars.rows", rows, 1);
        Checks.atLeast("crossbars.cols", cols, 1);
        Checks.atLeast("crossbars.bits_per_cell", bitsPerCell, 1);
        Checks.notNull("device", device);
        Checks.notNull("cell", cell);
        Checks.notNull("signedWeights", signedWeights);
        Checks.notNull("figures", figures);
        if (!(cellAreaF2 > 0)) {
            throw new IllegalArgumentException("crossbars.cell_area_f2 must be positive, was " + cellAreaF2);
        }
    }

    /** Cells of one array. */
    public long cellsPerArray() {
        return (long) rows * cols;
    }
}
