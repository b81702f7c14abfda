package org.memdse.cost.accuracy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Functional inference of one crossbar layer: the integer weights programmed into cells as
 * {@link LayerArithmetic} describes (slices, levels, signed scheme, G_off baseline), with
 * programming error, drift, stuck-at faults drawn once from a seed; every input vector applied
 * cycle by cycle with read noise, the bit lines' first-order IR drop computed from the actual
 * currents, ADC offset, noise, truncation to its bits, and the digital shift-and-add. Inputs run
 * in parallel (each draws its read and ADC noise from its own seed-derived stream, so the result
 * does not depend on the thread count).
 */
public final class CrossbarSimulator {
    private final LayerArithmetic a;
    private final int fanIn;
    private final int outputs;
    private final int slices;
    private final int cols;
    /** Programmed conductances in level units (G_off baseline included): [row][physical column]. */
    private final double[][] cells;
    /** Static offset of each ADC in level units: [block][adc]. */
    private final double[][] offsets;
    private final long seed;

    /**
     * Programs {@code weights} (fan-in × outputs integers in [−Q, Q], [0, Q] unsigned) with the
     * static non-idealities drawn from {@code seed}.
     */
    public CrossbarSimulator(LayerArithmetic a, int[][] weights, long seed) {
        this.a = a;
        this.fanIn = weights.length;
        this.outputs = weights[0].length;
        this.slices = a.slices();
        this.cols = a.columnsPerWeight();
        this.seed = seed;
        if (fanIn > (long) a.rows() * a.rowBlocks()) {
            throw new IllegalArgumentException("fan-in " + fanIn + " exceeds rows x blocks");
        }
        int physical = outputs * slices * cols;
        cells = new double[fanIn][physical];
        SplittableRandom r = new SplittableRandom(seed);
        int levelMax = a.maxLevel();
        double scale = levelMax * a.gOn() / (a.gOn() - a.gOff());
        double baseline = levelMax * a.gOff() / (a.gOn() - a.gOff());
        double gOffRel = a.gOff() / a.gOn();
        double p0 = a.device().stuckAtHrs();
        double p1 = a.device().stuckAtLrs();
        double logT = Math.log(a.device().driftAtS() / a.device().driftT0S());
        double nuSigma = a.device().driftNuSigma();
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < outputs; j++) {
                int[] stored = ErrorBudget.stored(weights[i][j], a.maxWeight(), a.signedWeights());
                for (int col = 0; col < cols; col++) {
                    for (int s = 0; s < slices; s++) {
                        int l = (stored[col] >>> (s * a.bitsPerCell())) & levelMax;
                        double u = r.nextDouble();
                        if (u < p0) {
                            l = 0;
                        } else if (u < p0 + p1) {
                            l = levelMax;
                        }
                        double g = gOffRel + (1 - gOffRel) * l / levelMax;
                        double level = l + baseline + a.device().programmingSigma(g) * scale * gaussian(r);
                        if (nuSigma > 0 && logT > 0) {
                            // (t/t0)^-(nu - mean nu): the spread a global compensation leaves.
                            level *= Math.exp(-logT * nuSigma * gaussian(r));
                        }
                        cells[i][column(j, s, col)] = level;
                    }
                }
            }
        }
        int adcs = (physical + a.columnsPerAdc() - 1) / a.columnsPerAdc();
        offsets = new double[a.rowBlocks()][adcs];
        double sigmaOffset = a.circuit().adcOffset() * a.adcStep();
        for (double[] block : offsets) {
            for (int k = 0; k < adcs; k++) {
                block[k] = sigmaOffset * gaussian(r);
            }
        }
    }

    private int column(int output, int slice, int col) {
        return (output * slices + slice) * cols + col;
    }

    /** The exact outputs Σ x·q of {@code inputs} (samples × fan-in, integers in [0, X]). */
    public static long[][] exact(int[][] weights, int[][] inputs) {
        long[][] y = new long[inputs.length][weights[0].length];
        for (int n = 0; n < inputs.length; n++) {
            for (int i = 0; i < weights.length; i++) {
                int x = inputs[n][i];
                if (x == 0) {
                    continue;
                }
                for (int j = 0; j < y[n].length; j++) {
                    y[n][j] += (long) x * weights[i][j];
                }
            }
        }
        return y;
    }

    /** The modelled outputs of {@code inputs} (samples × fan-in), in the units of Σ x·q. */
    public double[][] run(int[][] inputs) {
        double[][] y = new double[inputs.length][];
        IntStream.range(0, inputs.length).parallel().forEach(n -> y[n] = one(inputs[n], n));
        return y;
    }

    private double[] one(int[] x, int sample) {
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (sample + 1)));
        int physical = outputs * slices * cols;
        double[] column = new double[physical];
        double[] y = new double[outputs];
        int levelMax = a.maxLevel();
        double baseline = levelMax * a.gOff() / (a.gOn() - a.gOff());
        double scale = levelMax * a.gOn() / (a.gOn() - a.gOff());
        double read = a.device().readNoise();
        double wire = a.device().wireResistance() * a.gOn() / scale;  // per level unit of conductance
        double step = a.adcStep();
        boolean quantise = a.adcBits() > 0 && !a.analogOut();
        double top = (Math.pow(2, Math.max(a.adcBits(), 1)) - 1) * step;
        double noise = a.circuit().adcNoise() * step;
        int rows = a.rows();
        int[] u = new int[fanIn];
        int[] active = new int[rows];
        double[] sums = new double[physical];
        double[] vars = new double[physical];
        double[] suffix = new double[rows + 1];
        int shift = 0;
        for (int cy = 0; cy < a.cycles(); cy++) {
            int bits = a.cycleBits(cy);
            int mask = (1 << bits) - 1;
            for (int i = 0; i < fanIn; i++) {
                u[i] = a.oneRead() ? x[i] : (x[i] >>> shift) & mask;
            }
            double cycleWeight = Math.pow(2, shift);
            for (int b = 0; b < a.rowBlocks(); b++) {
                int from = b * rows;
                int to = Math.min(fanIn, from + rows);
                if (from >= to) {
                    break;
                }
                long drive = 0;
                int count = 0;
                for (int i = from; i < to; i++) {
                    drive += u[i];
                    if (u[i] != 0) {
                        active[count++] = i;   // rows without input add nothing to the column sums
                    }
                }
                // Row by row over the rows with input (the same order of addition per column as column by column).
                java.util.Arrays.fill(sums, 0);
                if (read > 0) {
                    java.util.Arrays.fill(vars, 0);
                }
                for (int k = 0; k < count; k++) {
                    int i = active[k];
                    double ui = u[i];
                    double[] row = cells[i];
                    for (int p = 0; p < physical; p++) {
                        sums[p] += ui * row[p];
                    }
                    if (read > 0) {
                        double uu = ui * ui;
                        for (int p = 0; p < physical; p++) {
                            vars[p] += uu * row[p] * row[p];
                        }
                    }
                }
                for (int p = 0; p < physical; p++) {
                    double sum = sums[p];
                    double var = read > 0 ? vars[p] : 0;
                    if (wire > 0) {
                        // First order: the line's potential at cell i (i = 0 next to the sensing end)
                        // is R_w Σ_(k≤i) Σ_(m≥k) I_m; every cell loses G·V(i) of its current.
                        suffix[to - from] = 0;
                        for (int i = to - 1; i >= from; i--) {
                            suffix[i - from] = suffix[i - from + 1] + u[i] * cells[i][p];
                        }
                        double v = 0;
                        double loss = 0;
                        for (int i = from; i < to; i++) {
                            v += suffix[i - from];
                            loss += cells[i][p] * v;
                        }
                        sum -= wire * loss;
                    }
                    if (read > 0) {
                        sum += read * Math.sqrt(var) * gaussian(r);
                    }
                    sum -= baseline * drive;  // the reference removes the G_off baseline
                    if (!a.analogOut()) {
                        sum += offsets[b][p / a.columnsPerAdc()];
                        if (noise > 0) {
                            sum += noise * gaussian(r);
                        }
                        if (quantise) {
                            sum = Math.max(0, Math.min(top, Math.rint(sum / step) * step));
                        }
                    }
                    column[p] = sum;
                }
                for (int j = 0; j < outputs; j++) {
                    double v = 0;
                    for (int s = 0; s < slices; s++) {
                        double w = Math.pow(2, s * a.bitsPerCell());
                        int base = column(j, s, 0);
                        double d = cols == 2 ? column[base] - column[base + 1] : column[base];
                        v += w * d;
                    }
                    y[j] += cycleWeight * v;
                }
            }
            shift += bits;
        }
        if (a.analogOut() && a.circuit().transferNoise() > 0) {
            double fullScale = (double) fanIn * a.maxInput() * a.maxWeight();
            for (int j = 0; j < outputs; j++) {
                y[j] += a.circuit().transferNoise() * fullScale * gaussian(r);
            }
        }
        return y;
    }

    /** Measured SNR: Σ y_exact² / Σ (y − y_exact)² (linear). */
    public static double snr(long[][] exact, double[][] measured) {
        double signal = 0;
        double error = 0;
        for (int n = 0; n < exact.length; n++) {
            for (int j = 0; j < exact[n].length; j++) {
                double e = measured[n][j] - exact[n][j];
                signal += (double) exact[n][j] * exact[n][j];
                error += e * e;
            }
        }
        return error > 0 ? signal / error : Double.POSITIVE_INFINITY;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; one of the pair is enough here.
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
