package org.memdse.cost.learning;

/**
 * DNN+NeuroSim V2.1's weight-gradient unit (WeightGradientUnit.cpp with parallelBP, used by Chip.cpp;
 * docs/reference/learning.md §A.1 and §M): SRAM compute-in-memory subarrays, sized once for the
 * layer with the largest input. Per layer and sample, kernel tap by kernel tap, the layer's inputs at
 * that tap (output positions × input channels, {@code inputBits} each) are written into the SRAM, one
 * row per clock in every subarray at once; then each output channel's error vector drives the rows
 * bit-serially and the columns are read through flash ADCs, {@link #COLUMNS_PER_ADC} columns to one:
 * one read gives that output channel's gradient against every input channel at the tap. A layer
 * larger than the unit runs in passes; a smaller one uses its spare copies for other output channels
 * (NeuroSim's speed-up).
 *
 * <p>Geometry from V2.1's Param.cpp: {@link #ROWS} × {@link #COLS} subarrays (numRowSubArrayWG,
 * numColSubArrayWG), {@link #ADC_BITS}-bit converters (levelOutputWG = 16) each shared by
 * {@link #COLUMNS_PER_ADC} columns (numRowMuxedWG).
 *
 * @param arraysInRow subarrays along the output positions (⌊positions / rows⌋, at least 1, as NeuroSim)
 * @param arraysInCol subarrays along the input channels' bits (⌊channels × bits / cols⌋, at least 1)
 * @param inputBits   bits of a stored input activation
 */
public record SramGradientUnit(int arraysInRow, int arraysInCol, int inputBits) {
    public static final int ROWS = 128;
    public static final int COLS = 128;
    public static final int ADC_BITS = 4;
    public static final int COLUMNS_PER_ADC = 8;
    /** SRAM cell, 8 F × 20 F (Param.cpp heightInFeatureSizeSRAM, widthInFeatureSizeSRAM: "above 22nm: 160F^2"). */
    public static final double CELL_AREA_F2 = 8 * 20;

    public SramGradientUnit {
        if (arraysInRow < 1 || arraysInCol < 1 || inputBits < 1) {
            throw new IllegalArgumentException("a gradient unit needs at least one subarray and one bit");
        }
    }

    /** The unit NeuroSim sizes for a layer of {@code positions} output positions and {@code channels} inputs per tap. */
    public static SramGradientUnit sizedFor(long positions, long channels, int inputBits) {
        return new SramGradientUnit((int) Math.max(1, positions / ROWS),
                (int) Math.max(1, Math.min(Integer.MAX_VALUE, channels * inputBits / COLS)), inputBits);
    }

    /** Subarrays of the unit. */
    public long arrays() {
        return (long) arraysInRow * arraysInCol;
    }

    /** Converters of the unit: {@link #COLS} / {@link #COLUMNS_PER_ADC} per subarray. */
    public long converters() {
        return arrays() * (COLS / COLUMNS_PER_ADC);
    }

    /** SRAM cells of the unit. */
    public long cells() {
        return arrays() * ROWS * COLS;
    }

    /**
     * One layer's weight gradient for one sample.
     *
     * @param positions   output positions (the matrix-vector products of the forward pass)
     * @param channels    inputs per kernel tap (input channels of a group; a dense layer's inputs)
     * @param taps        kernel taps (1 for a dense layer)
     * @param outChannels output channels (the weight matrix's columns)
     * @param errorBits   bits of an error, applied bit-serially
     */
    public Work layer(long positions, long channels, long taps, long outChannels, int errorBits) {
        double rowsNeeded = Math.ceil((double) positions / ROWS);
        double colsNeeded = Math.ceil((double) channels * inputBits / COLS);
        double passes = Math.ceil(rowsNeeded / arraysInRow) * Math.ceil(colsNeeded / arraysInCol);
        double copies = Math.max(1, Math.floor(arraysInRow / rowsNeeded)) * Math.max(1, Math.floor(arraysInCol / colsNeeded));
        double writeCycles = taps * passes * Math.min(ROWS, positions);
        double readCycles = taps * passes * Math.ceil(outChannels / copies) * errorBits * COLUMNS_PER_ADC;
        double conversions = (double) taps * outChannels * errorBits * rowsNeeded * colsNeeded * COLS;
        double bitsWritten = (double) taps * positions * channels * inputBits;
        return new Work(writeCycles + readCycles, readCycles, conversions, bitsWritten, gradientBits(errorBits));
    }

    /**
     * Bits of a gradient out of the unit, whatever the layer: the converter's, the error's (the
     * shift-add over its bits) and one per stage of the adder tree over the subarrays along the
     * positions (NeuroSim's outPrecision = log2(levelOutputWG) + numBitInput + accumulation stages).
     */
    public int gradientBits(int errorBits) {
        int stages = 32 - Integer.numberOfLeadingZeros(arraysInRow - 1);
        return ADC_BITS + errorBits + stages;
    }

    /**
     * @param cycles       clock cycles the unit is busy (writes, then reads)
     * @param readCycles   of them, the read cycles: one conversion of every converter each (with
     *                     self-timed reads, each takes a conversion's time instead of a clock cycle)
     * @param conversions  ADC conversions (one per column and error bit)
     * @param bitsWritten  SRAM bits written
     * @param gradientBits bits of one weight gradient out of the unit
     */
    public record Work(double cycles, double readCycles, double conversions, double bitsWritten, int gradientBits) {
    }
}
