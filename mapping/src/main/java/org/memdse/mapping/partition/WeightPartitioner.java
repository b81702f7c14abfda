package org.memdse.mapping.partition;

import java.util.ArrayList;
import java.util.List;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.network.WeightMatrix;

/**
 * Cuts a layer's weight matrix into crossbar blocks (one block per crossbar).
 *
 * <p>A weight takes {@link CrossbarGeometry#columnsPerWeight(int)} adjacent bit lines. A matrix of
 * {@code R × C} weights becomes {@code ⌈R / rows⌉} row blocks (their partial sums are added
 * digitally, as ISAAC and NeuroSim do) times {@code ⌈C / w⌉} column blocks of
 * {@code w = ⌊usable cols / columns per weight⌋} weights. Blocks come column block by column
 * block, row blocks inside, so the row blocks whose sums are added end up next to each other
 * under sequential placement.
 *
 * <p>A grouped or depthwise convolution with {@code g} groups has {@code g} independent
 * {@code R × C/g} matrices ({@link WeightMatrix} gives the per-group rows and all columns).
 * When one group fits a crossbar, {@code k = min(⌊rows / R⌋, ⌊usable cols / (C/g · cpw)⌋)}
 * groups share a crossbar on its diagonal (group {@code i}'s rows drive only its own columns),
 * instead of one mostly empty crossbar per group; otherwise each group is cut on its own.
 */
public final class WeightPartitioner {
    private final CrossbarGeometry geometry;

    public WeightPartitioner(CrossbarGeometry geometry) {
        this.geometry = geometry;
    }

    public CrossbarGeometry geometry() {
        return geometry;
    }

    /** Weights one column block holds; 0 when a single weight is wider than the crossbar. */
    public int weightsPerColumnBlock(int weightBits) {
        return geometry.usableCols() / geometry.columnsPerWeight(weightBits);
    }

    /**
     * The blocks of one layer, ids from {@code firstId}.
     *
     * @param groups convolution groups (1 for anything else); must divide the matrix columns
     * @throws IllegalArgumentException if a single weight is wider than the crossbar (the
     *                                  {@link Partitioner} reports that as a DoesNotFit first)
     */
    public List<CrossbarBlock> partition(String node, WeightMatrix matrix, int groups, int firstId) {
        int cpw = geometry.columnsPerWeight(matrix.weightBits());
        int perBlock = weightsPerColumnBlock(matrix.weightBits());
        if (perBlock < 1) {
            throw new IllegalArgumentException(node + ": one weight takes " + cpw + " columns, the crossbar has "
                    + geometry.usableCols());
        }
        int g = groups >= 1 && matrix.cols() % groups == 0 ? groups : 1;
        int groupCols = matrix.cols() / g;
        int rowsPerGroup = matrix.rows();
        List<CrossbarBlock> blocks = new ArrayList<>();
        if (g > 1 && rowsPerGroup <= geometry.rows() && groupCols <= perBlock) {
            int k = Math.min(geometry.rows() / rowsPerGroup, perBlock / groupCols);
            int colBlock = 0;
            for (int first = 0; first < g; first += k) {
                int n = Math.min(k, g - first);
                blocks.add(new CrossbarBlock(firstId + blocks.size(), node, 0, 0, colBlock++, 0, rowsPerGroup, 0,
                        groupCols, first, n, cpw));
            }
            return List.copyOf(blocks);
        }
        for (int group = 0; group < g; group++) {
            int colBlock = 0;
            for (int c = 0; c < groupCols; c += perBlock) {
                int cols = Math.min(perBlock, groupCols - c);
                int rowBlock = 0;
                for (int r = 0; r < rowsPerGroup; r += geometry.rows()) {
                    int rows = Math.min(geometry.rows(), rowsPerGroup - r);
                    blocks.add(new CrossbarBlock(firstId + blocks.size(), node, 0, rowBlock++, colBlock, r, rows, c,
                            cols, group, 1, cpw));
                }
                colBlock++;
            }
        }
        return List.copyOf(blocks);
    }

    /** How many blocks {@link #partition} makes, without making them. */
    public long count(WeightMatrix matrix, int groups) {
        int perBlock = weightsPerColumnBlock(matrix.weightBits());
        if (perBlock < 1) {
            return Long.MAX_VALUE;
        }
        int g = groups >= 1 && matrix.cols() % groups == 0 ? groups : 1;
        int groupCols = matrix.cols() / g;
        if (g > 1 && matrix.rows() <= geometry.rows() && groupCols <= perBlock) {
            int k = Math.min(geometry.rows() / matrix.rows(), perBlock / groupCols);
            return (g + k - 1) / k;
        }
        long rowBlocks = (matrix.rows() + geometry.rows() - 1) / geometry.rows();
        long colBlocks = (groupCols + perBlock - 1) / perBlock;
        return (long) g * rowBlocks * colBlocks;
    }
}
