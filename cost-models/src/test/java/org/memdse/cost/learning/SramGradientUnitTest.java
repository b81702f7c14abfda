package org.memdse.cost.learning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NeuroSim V2.1's SRAM weight-gradient unit, counted by hand on VGG-8's layers. */
class SramGradientUnitTest {
    /** Sized for VGG-8's conv2 (the largest input): 32 x 32 positions, 128 channels of 8 bits. */
    private final SramGradientUnit unit = SramGradientUnit.sizedFor(1024, 128, 8);

    @Test
    void theUnitIsSizedForTheLargestLayer() {
        // 1024 / 128 = 8 subarrays along the positions, 128 x 8 / 128 = 8 along the channels' bits.
        assertThat(unit.arraysInRow()).isEqualTo(8);
        assertThat(unit.arraysInCol()).isEqualTo(8);
        assertThat(unit.cells()).isEqualTo(64L * 128 * 128);
        assertThat(unit.converters()).isEqualTo(64L * 16);
        // 4-bit converter + 8 error bits + 3 adder stages over 8 subarrays (NeuroSim's outPrecision 4 + 8 + 3).
        assertThat(unit.gradientBits(8)).isEqualTo(15);
    }

    @Test
    void aLayerThatFillsTheUnitWritesItsRowsThenReadsEveryOutputChannel() {
        // conv2: 9 taps; per tap 128 rows written (one a clock), then 128 output channels x 8 error bits x 8 muxed columns.
        SramGradientUnit.Work w = unit.layer(1024, 128, 9, 128, 8);
        assertThat(w.cycles()).isEqualTo(9 * (128 + 128 * 8 * 8));
        // Of them the reads, each one conversion of every converter (self-timed: a conversion's time).
        assertThat(w.readCycles()).isEqualTo(9 * 128 * 8 * 8);
        // Every column of the 64 subarrays converted once per output channel and error bit.
        assertThat(w.conversions()).isEqualTo(9.0 * 128 * 8 * 64 * 128);
        assertThat(w.bitsWritten()).isEqualTo(9.0 * 1024 * 128 * 8);
        assertThat(w.gradientBits()).isEqualTo(15);
    }

    @Test
    void aSmallerLayerUsesTheSpareCopiesAndALargerOneRunsInPasses() {
        // conv1: 3 channels fill one subarray column of 8: 8 copies take 8 output channels at once.
        SramGradientUnit.Work small = unit.layer(1024, 3, 9, 128, 8);
        assertThat(small.cycles()).isEqualTo(9 * (128 + 128 / 8 * 8 * 8));
        // fc1: 8192 inputs x 8 bits need 512 subarray columns: 64 passes; one position leaves 8 copies along the rows.
        SramGradientUnit.Work large = unit.layer(1, 8192, 1, 1024, 8);
        assertThat(large.cycles()).isEqualTo(64 * (1 + 1024 / 8 * 8 * 8));
        assertThat(large.cycles()).isGreaterThan(small.cycles());
    }
}
