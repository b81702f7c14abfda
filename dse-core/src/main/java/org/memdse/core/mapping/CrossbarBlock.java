package org.memdse.core.mapping;

/**
 * One crossbar's worth of a layer's weight matrix. It holds matrix rows {@code [firstRow,
 * firstRow + rows)} and matrix columns (weights) {@code [firstCol, firstCol + cols)} of groups
 * {@code [firstGroup, firstGroup + groups)}: ungrouped layers have one group; grouped and
 * depthwise convolutions pack several groups block-diagonally, each with its own rows and
 * columns, and then {@code rows} and {@code cols} are those of one group.
 *
 * @param id            unit id
 * @param node          layer name
 * @param replica       copy of the layer (0 unless the mapper replicates it to balance a pipeline)
 * @param rowBlock      index of this block among the layer's row blocks (their partial sums are added digitally)
 * @param colBlock      index among the layer's column blocks
 * @param firstRow      first matrix row held
 * @param rows          matrix rows held (per group)
 * @param firstCol      first matrix column (weight) held
 * @param cols          matrix columns held (per group)
 * @param firstGroup    first group held
 * @param groups        groups packed on the diagonal (1 unless grouped)
 * @param columnsPerWeight crossbar columns one weight takes (bit slices × 2 for differential pairs)
 */
public record CrossbarBlock(int id, String node, int replica, int rowBlock, int colBlock, int firstRow, int rows,
                            int firstCol, int cols, int firstGroup, int groups, int columnsPerWeight)
        implements MappingUnit {
    public CrossbarBlock {
        if (rows < 1 || cols < 1 || groups < 1 || columnsPerWeight < 1) {
            throw new IllegalArgumentException("block " + id + " of " + node + ": rows, cols, groups and columns per weight"
                    + " must be >= 1");
        }
    }

    @Override
    public ResourceKind resource() {
        return ResourceKind.CIM_TILE;
    }

    /** Word lines used on the crossbar. */
    public int crossbarRows() {
        return rows * groups;
    }

    /** Bit lines used on the crossbar. */
    public int crossbarCols() {
        return cols * groups * columnsPerWeight;
    }

    /** Weights held. */
    public long weights() {
        return (long) rows * cols * groups;
    }
}
