package org.memdse.mapping.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.network.WeightMatrix;

/** Hand-checked partition counts. */
class WeightPartitionerTest {
    private final WeightPartitioner isaacLike =
            new WeightPartitioner(new CrossbarGeometry(128, 128, 2, SignedWeights.DIFFERENTIAL));

    @Test
    void conv3x3From64To128() {
        // rows = 3·3·64 = 576 → ⌈576/128⌉ = 5 row blocks; 8-bit weights at 2 bits/cell = 4 slices,
        // ×2 differential = 8 columns per weight → ⌊128/8⌋ = 16 weights per block → 128/16 = 8
        // column blocks; 5 × 8 = 40 blocks.
        WeightMatrix m = new WeightMatrix(576, 128, 8, 196);
        List<CrossbarBlock> blocks = isaacLike.partition("conv", m, 1, 0);
        assertThat(blocks).hasSize(40);
        assertThat(isaacLike.count(m, 1)).isEqualTo(40);
        assertThat(blocks.get(4).rows()).isEqualTo(576 - 4 * 128);
        assertThat(blocks.get(0).crossbarCols()).isEqualTo(128);
        assertThat(blocks.stream().mapToLong(CrossbarBlock::weights).sum()).isEqualTo(576L * 128);
        // column block by column block, row blocks inside
        assertThat(blocks.get(5).colBlock()).isEqualTo(1);
        assertThat(blocks.get(5).rowBlock()).isZero();
    }

    @Test
    void depthwise3x3Of32ChannelsPacksBlockDiagonally() {
        // per group: 9 rows × 1 weight of 8 columns → ⌊128/9⌋ = 14 groups by rows, ⌊128/8⌋ = 16 by
        // columns → 14 groups per crossbar → ⌈32/14⌉ = 3 blocks (not 32).
        WeightMatrix m = new WeightMatrix(9, 32, 8, 100);
        List<CrossbarBlock> blocks = isaacLike.partition("dw", m, 32, 0);
        assertThat(blocks).hasSize(3);
        assertThat(blocks).extracting(CrossbarBlock::groups).containsExactly(14, 14, 4);
        assertThat(blocks.get(0).crossbarRows()).isEqualTo(126);
        assertThat(blocks.get(0).crossbarCols()).isEqualTo(14 * 8);
    }

    @Test
    void offsetEncodingKeepsAReferenceColumnAndUsesNoPairs() {
        WeightPartitioner offset = new WeightPartitioner(new CrossbarGeometry(128, 128, 2, SignedWeights.OFFSET));
        // 4 columns per weight, 127 usable columns → 31 weights per block
        assertThat(offset.weightsPerColumnBlock(8)).isEqualTo(31);
        assertThat(offset.count(new WeightMatrix(128, 62, 8, 1), 1)).isEqualTo(2);
    }

    @Test
    void aGroupLargerThanACrossbarIsCutOnItsOwn() {
        // 2 groups of 200 rows × 10 weights: a group does not fit, so 2 row blocks × 1 col block each.
        List<CrossbarBlock> blocks = isaacLike.partition("g", new WeightMatrix(200, 20, 8, 1), 2, 0);
        assertThat(blocks).hasSize(4);
        assertThat(blocks).extracting(CrossbarBlock::firstGroup).containsExactly(0, 0, 1, 1);
    }
}
