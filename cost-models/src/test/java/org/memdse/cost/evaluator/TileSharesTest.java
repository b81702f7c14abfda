package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.cost.evaluator.MappedNetwork.TileShare;

class TileSharesTest {
    @Test
    void aTileHoldingEveryColumnBlockOfOneRowBlockLoadsThatRowBlockOnce() {
        // 2 row blocks of 128 and 64 rows x 2 column blocks of 32 weights; tile 0 holds row block 0
        // (both column blocks), tile 1 row block 1: inputs 128/192 and 64/192, outputs all of them.
        List<CrossbarBlock> blocks = List.of(block(0, 0, 0, 0, 128, 32), block(1, 0, 0, 1, 128, 32),
                block(2, 0, 1, 0, 64, 32), block(3, 0, 1, 1, 64, 32));
        List<TileShare> shares = TileShares.of(blocks, new int[] {0, 0, 1, 1}, 2, 1);
        assertThat(shares.get(0).inputs()).isCloseTo(128.0 / 192, within(1e-12));
        assertThat(shares.get(1).inputs()).isCloseTo(64.0 / 192, within(1e-12));
        assertThat(shares.get(0).outputs()).isEqualTo(1.0);
        assertThat(shares.get(1).outputs()).isEqualTo(1.0);
    }

    @Test
    void matchesCountingDistinctSlicesPerTileWithSetsOnRandomLayouts() {
        Random random = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            int replicas = 1 + random.nextInt(3);
            int groups = 1 + random.nextInt(3);
            int rowBlocks = 1 + random.nextInt(4);
            int colBlocks = 1 + random.nextInt(4);
            int tiles = 1 + random.nextInt(6);
            List<CrossbarBlock> blocks = new ArrayList<>();
            int[] rows = new int[rowBlocks];
            int[] cols = new int[colBlocks];
            for (int r = 0; r < rowBlocks; r++) {
                rows[r] = 1 + random.nextInt(128);
            }
            for (int c = 0; c < colBlocks; c++) {
                cols[c] = 1 + random.nextInt(64);
            }
            for (int p = 0; p < replicas; p++) {
                for (int g = 0; g < groups; g++) {
                    for (int r = 0; r < rowBlocks; r++) {
                        for (int c = 0; c < colBlocks; c++) {
                            blocks.add(new CrossbarBlock(blocks.size(), "l", p, r, c, 0, rows[r], 0, cols[c], g, 1, 1));
                        }
                    }
                }
            }
            java.util.Collections.shuffle(blocks, random);
            int[] tileOf = new int[blocks.size()];
            for (int i = 0; i < tileOf.length; i++) {
                tileOf[i] = i < tiles ? i : random.nextInt(tiles); // every tile holds at least one block
            }
            int used = Math.min(tiles, blocks.size());
            List<TileShare> fast = TileShares.of(blocks, tileOf, used, replicas);
            List<TileShare> sets = withSets(blocks, tileOf, used, replicas);
            for (int t = 0; t < used; t++) {
                assertThat(fast.get(t).inputs()).as("trial %d tile %d inputs", trial, t)
                        .isCloseTo(sets.get(t).inputs(), within(1e-12));
                assertThat(fast.get(t).outputs()).as("trial %d tile %d outputs", trial, t)
                        .isCloseTo(sets.get(t).outputs(), within(1e-12));
            }
        }
    }

    @Test
    void packedAndHashedSliceIdsAgreeAndHugeFieldsTakeTheHashMap() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            // Odd trials: a fuzzer's layer whose replica, group and block indices (2^20 x 2^31 x
            // 2^12) do not pack into 63 bits, so sliceIds takes the hash map as well.
            boolean huge = trial % 2 == 1;
            int replicaRange = huge ? 1 << 20 : 3;
            int groupRange = huge ? Integer.MAX_VALUE : 5;
            int blockRange = huge ? 1 << 12 : 4;
            List<CrossbarBlock> blocks = new ArrayList<>();
            int n = 2 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                blocks.add(new CrossbarBlock(i, "l", random.nextInt(replicaRange), random.nextInt(blockRange),
                        random.nextInt(blockRange), 0, 1 + random.nextInt(128), 0, 1 + random.nextInt(64),
                        random.nextInt(groupRange), 1, 1));
            }
            if (huge) {
                blocks.set(0, new CrossbarBlock(0, "l", replicaRange - 1, blockRange - 1, blockRange - 1, 0, 1, 0, 1,
                        groupRange - 1, 1, 1));
            }
            for (boolean rows : new boolean[] {true, false}) {
                int[] packedIds = new int[n];
                int[] hashedIds = new int[n];
                TileShares.sliceIds(blocks, rows, packedIds, new int[n], new double[n]);
                TileShares.sliceIdsHashed(blocks, rows, hashedIds, new int[n], new double[n]);
                // Ids may be numbered differently; the partition of blocks into slices is the same.
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        assertThat(packedIds[i] == packedIds[j]).as("trial %d blocks %d, %d", trial, i, j)
                                .isEqualTo(hashedIds[i] == hashedIds[j]);
                    }
                }
            }
        }
    }

    /** The definition, directly: per tile the set of distinct (replica, group, block) slices it holds. */
    private static List<TileShare> withSets(List<CrossbarBlock> blocks, int[] tileOf, int tiles, int replicas) {
        Map<List<Integer>, Integer> rowSize = new HashMap<>();
        Map<List<Integer>, Integer> colSize = new HashMap<>();
        List<Set<List<Integer>>> rowsOn = new ArrayList<>();
        List<Set<List<Integer>>> colsOn = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            rowsOn.add(new HashSet<>());
            colsOn.add(new HashSet<>());
        }
        for (int i = 0; i < blocks.size(); i++) {
            CrossbarBlock b = blocks.get(i);
            List<Integer> r = List.of(b.replica(), b.firstGroup(), b.rowBlock());
            List<Integer> c = List.of(b.replica(), b.firstGroup(), b.colBlock());
            rowSize.put(r, b.crossbarRows());
            colSize.put(c, b.cols() * b.groups());
            rowsOn.get(tileOf[i]).add(r);
            colsOn.get(tileOf[i]).add(c);
        }
        double[] rowTotal = new double[replicas];
        double[] colTotal = new double[replicas];
        rowSize.forEach((k, v) -> rowTotal[k.get(0)] += v);
        colSize.forEach((k, v) -> colTotal[k.get(0)] += v);
        List<TileShare> out = new ArrayList<>();
        for (int t = 0; t < tiles; t++) {
            double in = rowsOn.get(t).stream().mapToDouble(k -> rowSize.get(k) / rowTotal[k.get(0)]).sum();
            double o = colsOn.get(t).stream().mapToDouble(k -> colSize.get(k) / colTotal[k.get(0)]).sum();
            out.add(new TileShare(in / replicas, o / replicas));
        }
        return out;
    }

    private static CrossbarBlock block(int id, int replica, int rowBlock, int colBlock, int rows, int cols) {
        return new CrossbarBlock(id, "l", replica, rowBlock, colBlock, 0, rows, 0, cols, 0, 1, 1);
    }
}
