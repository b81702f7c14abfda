package org.memdse.cost.evaluator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.cost.evaluator.MappedNetwork.TileShare;

/**
 * Per tile, the share of a crossbar layer's inputs (the distinct rows of its blocks) and outputs
 * (the distinct weights' columns) it moves: a row block's inputs are loaded once per tile however
 * many column blocks of it the tile holds (DNN+NeuroSim Tile.cpp: numBitToLoadOut = the tile's
 * weightMatrixRow x numInVector).
 *
 * <p>This runs for every crossbar layer of every evaluated design point, so it avoids a hash set
 * per tile: each distinct row (column) slice gets a dense id once, and the distinct (tile, slice)
 * pairs are found by sorting one array of packed pairs.
 */
final class TileShares {
    /** Distinct rows (or columns) of a replica's weight matrix: a block index within a group. */
    private record Slice(int replica, int group, int block) {
    }

    private TileShares() {
    }

    /**
     * @param blocks      the layer's blocks
     * @param tileOfBlock per block, the index (0 .. tileCount - 1) of the tile it sits on
     * @param tileCount   the tiles the layer occupies
     * @param replicas    the layer's replicas (each carries 1/replicas of the vectors)
     */
    static List<TileShare> of(List<CrossbarBlock> blocks, int[] tileOfBlock, int tileCount, int replicas) {
        int n = blocks.size();
        int[] rowOf = new int[n];
        int[] colOf = new int[n];
        // Per slice id: its replica and its size (rows, or weights' columns).
        int[] rowReplica = new int[n];
        double[] rowSize = new double[n];
        int[] colReplica = new int[n];
        double[] colSize = new double[n];
        sliceIds(blocks, true, rowOf, rowReplica, rowSize);
        sliceIds(blocks, false, colOf, colReplica, colSize);
        double[] rowsPerReplica = new double[replicas];
        double[] colsPerReplica = new double[replicas];
        for (int i = 0; i < n; i++) {
            rowsPerReplica[rowReplica[i]] += rowSize[i];
            colsPerReplica[colReplica[i]] += colSize[i];
        }
        double[] inputs = perTile(tileOfBlock, rowOf, tileCount, rowReplica, rowSize, rowsPerReplica);
        double[] outputs = perTile(tileOfBlock, colOf, tileCount, colReplica, colSize, colsPerReplica);
        List<TileShare> out = new ArrayList<>(tileCount);
        for (int t = 0; t < tileCount; t++) {
            out.add(new TileShare(inputs[t] / replicas, outputs[t] / replicas));
        }
        return out;
    }

    /**
     * Gives every block the dense id (0, 1, ...) of its row slice ({@code rows}) or column slice,
     * and records per id the slice's replica and size; ids not used keep size 0. Blocks are
     * sorted by their slice packed into one long with the block's index in the low bits, so no
     * object is made or hashed per block; a layout whose fields do not fit 63 bits (a fuzzer's,
     * not a chip's) takes a hash map instead.
     */
    static void sliceIds(List<CrossbarBlock> blocks, boolean rows, int[] idOf, int[] replicaOf, double[] sizeOf) {
        int n = blocks.size();
        long replicas = 1;
        long groups = 1;
        long sliceBlocks = 1;
        for (CrossbarBlock b : blocks) {
            replicas = Math.max(replicas, b.replica() + 1L);
            groups = Math.max(groups, b.firstGroup() + 1L);
            sliceBlocks = Math.max(sliceBlocks, (rows ? b.rowBlock() : b.colBlock()) + 1L);
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        double keys = (double) replicas * groups * sliceBlocks;
        if (keys * Math.pow(2, indexBits) >= 0x1p62) {
            sliceIdsHashed(blocks, rows, idOf, replicaOf, sizeOf);
            return;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            CrossbarBlock b = blocks.get(i);
            long key = (b.replica() * groups + b.firstGroup()) * sliceBlocks + (rows ? b.rowBlock() : b.colBlock());
            packed[i] = key << indexBits | i;
        }
        Arrays.sort(packed);
        long mask = (1L << indexBits) - 1;
        int id = -1;
        for (int j = 0; j < n; j++) {
            if (j == 0 || packed[j] >>> indexBits != packed[j - 1] >>> indexBits) {
                id++;
                CrossbarBlock b = blocks.get((int) (packed[j] & mask));
                replicaOf[id] = b.replica();
                sizeOf[id] = size(b, rows);
            }
            idOf[(int) (packed[j] & mask)] = id;
        }
    }

    /** {@link #sliceIds}'s result through a hash map of slices. */
    static void sliceIdsHashed(List<CrossbarBlock> blocks, boolean rows, int[] idOf, int[] replicaOf, double[] sizeOf) {
        Map<Slice, Integer> ids = new HashMap<>(2 * blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            CrossbarBlock b = blocks.get(i);
            int fresh = ids.size();
            Integer seen = ids.putIfAbsent(new Slice(b.replica(), b.firstGroup(), rows ? b.rowBlock() : b.colBlock()), fresh);
            if (seen == null) {
                replicaOf[fresh] = b.replica();
                sizeOf[fresh] = size(b, rows);
            }
            idOf[i] = seen == null ? fresh : seen;
        }
    }

    private static double size(CrossbarBlock b, boolean rows) {
        return rows ? b.crossbarRows() : (double) b.cols() * b.groups();
    }

    /** Per tile, the sum over the distinct slices it holds of the slice's share of its replica. */
    private static double[] perTile(int[] tileOfBlock, int[] sliceOf, int tileCount, int[] replicaOf, double[] size,
                                    double[] perReplica) {
        int n = sliceOf.length;
        long slices = n; // slice ids are below the block count
        long[] pairs = new long[n];
        for (int i = 0; i < n; i++) {
            pairs[i] = tileOfBlock[i] * slices + sliceOf[i];
        }
        Arrays.sort(pairs);
        double[] share = new double[tileCount];
        for (int i = 0; i < n; i++) {
            if (i > 0 && pairs[i] == pairs[i - 1]) {
                continue;
            }
            int tile = (int) (pairs[i] / slices);
            int slice = (int) (pairs[i] % slices);
            share[tile] += size[slice] / perReplica[replicaOf[slice]];
        }
        return share;
    }
}
