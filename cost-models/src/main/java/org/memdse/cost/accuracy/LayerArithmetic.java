package org.memdse.cost.accuracy;

import org.memdse.core.arch.CircuitNoise;
import org.memdse.core.arch.NonIdealities;
import org.memdse.core.arch.SignedWeights;

/**
 * How one crossbar layer computes, as both the analytic budget ({@link ErrorBudget}) and the
 * functional model ({@link CrossbarSimulator}) read it. Weights are integers q in [−Q, Q], Q =
 * 2^weightBits − 1, cut into slices of {@code bitsPerCell} bits (least significant first), each
 * held as a level l in [0, L], L = 2^bitsPerCell − 1, at conductance G_off + (G_on − G_off)·l/L;
 * signed weights as a differential pair of columns (G+ − G−), an offset column with a shared
 * reference (q + Q against Q), or unsigned. Inputs are integers in [0, 2^activationBits − 1]
 * applied {@code inputBitsPerCycle} bits per read cycle (one read of the whole value when
 * {@code oneRead}: pulse-width or analog inputs). Each column's per-cycle sum is converted by an
 * ADC of {@code adcBits} (0: ideal) shared by {@code columnsPerAdc} columns, against a reference
 * that removes the G_off baseline; conversions are shift-added over cycles and slices and the
 * row blocks added.
 *
 * @param rows              rows used per block (at most the array's rows)
 * @param rowBlocks         blocks the fan-in is split over
 * @param weightBits        magnitude bits of a weight
 * @param activationBits    bits of an input
 * @param inputBitsPerCycle input bits applied per read cycle
 * @param oneRead           the input is applied in one read (pulse-width or analog)
 * @param bitsPerCell       bits per cell
 * @param signedWeights     how signs are held
 * @param adcBits           ADC resolution, 0 for an ideal (exact) conversion
 * @param columnsPerAdc     columns sharing one ADC (sets which offsets are shared)
 * @param analogOut         outputs stay analog (no ADC; the transfer noise instead)
 * @param gOn               largest conductance, S
 * @param gOff              smallest conductance, S
 * @param device            the device's non-idealities
 * @param circuit           the macro's ADC and transfer noise
 */
public record LayerArithmetic(int rows, int rowBlocks, int weightBits, int activationBits, int inputBitsPerCycle,
                              boolean oneRead, int bitsPerCell, SignedWeights signedWeights, int adcBits,
                              int columnsPerAdc, boolean analogOut, double gOn, double gOff, NonIdealities device,
                              CircuitNoise circuit) {
    public LayerArithmetic {
        if (rows < 1 || rowBlocks < 1 || weightBits < 1 || activationBits < 1 || inputBitsPerCycle < 1
                || bitsPerCell < 1 || adcBits < 0 || columnsPerAdc < 1) {
            throw new IllegalArgumentException("a layer needs at least one row, block, bit and column");
        }
        if (!(gOn > gOff && gOff >= 0)) {
            throw new IllegalArgumentException("g_on must exceed g_off >= 0");
        }
    }

    /** Largest weight magnitude Q = 2^weightBits − 1. */
    public int maxWeight() {
        return (1 << weightBits) - 1;
    }

    /** Largest input X = 2^activationBits − 1. */
    public int maxInput() {
        return (1 << activationBits) - 1;
    }

    /** Largest cell level L = 2^bitsPerCell − 1. */
    public int maxLevel() {
        return (1 << bitsPerCell) - 1;
    }

    /** Bits of the value the cells hold: one more for the offset scheme's q + Q. */
    public int storedBits() {
        return signedWeights == SignedWeights.OFFSET ? weightBits + 1 : weightBits;
    }

    /** Slices a stored value is cut into. */
    public int slices() {
        return (storedBits() + bitsPerCell - 1) / bitsPerCell;
    }

    /** Read cycles per input. */
    public int cycles() {
        return oneRead ? 1 : (activationBits + inputBitsPerCycle - 1) / inputBitsPerCycle;
    }

    /** Bits applied in cycle k (the last cycle may carry fewer). */
    public int cycleBits(int k) {
        return oneRead ? activationBits : Math.min(inputBitsPerCycle, activationBits - k * inputBitsPerCycle);
    }

    /** Largest input applied in one cycle. */
    public int maxCycleInput() {
        return (1 << (oneRead ? activationBits : Math.min(inputBitsPerCycle, activationBits))) - 1;
    }

    /** Bits an ADC needs to convert a column's per-cycle sum without loss: ⌈log2(rows·L·U + 1)⌉. */
    public int bitsNeeded() {
        double max = (double) rows * maxLevel() * maxCycleInput();
        return (int) Math.ceil(Math.log(max + 1) / Math.log(2));
    }

    /** The ADC's step in level units: 1 when it resolves every sum (or is ideal), else 2^(needed − bits). */
    public double adcStep() {
        if (adcBits == 0 || adcBits >= bitsNeeded()) {
            return 1;
        }
        return Math.pow(2, bitsNeeded() - adcBits);
    }

    /** Whether the ADC drops low bits of the column sums. */
    public boolean adcQuantises() {
        return adcBits > 0 && adcBits < bitsNeeded();
    }

    /** Columns per weight: two for differential and offset (the reference), one unsigned. */
    public int columnsPerWeight() {
        return signedWeights == SignedWeights.UNSIGNED ? 1 : 2;
    }

    /** The same layer with other non-idealities (tests and sweeps). */
    public LayerArithmetic with(NonIdealities d, CircuitNoise c) {
        return new LayerArithmetic(rows, rowBlocks, weightBits, activationBits, inputBitsPerCycle, oneRead, bitsPerCell,
                signedWeights, adcBits, columnsPerAdc, analogOut, gOn, gOff, d, c);
    }

    /** The same layer with another ADC resolution (0: ideal). */
    public LayerArithmetic withAdcBits(int bits) {
        return new LayerArithmetic(rows, rowBlocks, weightBits, activationBits, inputBitsPerCycle, oneRead, bitsPerCell,
                signedWeights, bits, columnsPerAdc, analogOut, gOn, gOff, device, circuit);
    }
}
