package org.memdse.cost.accuracy;

import java.util.concurrent.ConcurrentHashMap;
import org.memdse.core.arch.SignedWeights;

/**
 * The statistics of a layer's operands that the analytic budget ({@link ErrorBudget}) reads.
 * {@link #uniform} is the default assumption: weights uniform over [−Q, Q] ([0, Q] unsigned),
 * inputs uniform over [0, X], rows independent and alike. {@link #of(LayerArithmetic, int[][])}
 * counts real integer weights (trained, from a weight file) with those inputs;
 * {@link #of(LayerArithmetic, int[][], int[][])} also takes real inputs, row by row: each row's
 * input moments weight its cells' errors (a row that never sees an input adds none), the column
 * sums the ADCs convert are described per column from the rows' moments (rows independent),
 * and the signal E[y²] is the data's own.
 *
 * @param fanIn        rows the weights occupy (the layer's inputs), K
 * @param levels       level distribution and joint slice moments of the stored weights (weighted by
 *                     each row's E[x²] when inputs are given)
 * @param weightSquare E[q²] over the weights
 * @param columnSquare E_j[(Σ_i q_ij)²], the mean squared column sum
 * @param inputMean    E[x] (mean over the rows)
 * @param inputSquare  E[x²] (mean over the rows): K·E[x²] is Σ_i E[x_i²]
 * @param cycleMean    per read cycle, E[u_k] of the bits it applies
 * @param cycleSquare  per read cycle, E[u_k²]
 * @param cycleActive  per read cycle, P(u_k ≠ 0)
 * @param signal       E[y²] when known from data, else NaN (the budget's formula for independent rows)
 * @param sums         the ADCs' per-cycle column sums described column by column, or null (the
 *                     budget then takes rows alike)
 * @param weights      the real integer weights [row][col], or null (uniform)
 * @param rowMean      with real weights, each row's E[x_i]
 * @param rowSquare    with real weights, each row's E[x_i²]
 * @param inputMoment  with real inputs (up to 1,024 rows), E[x_i·x_m]: the static errors' bias
 *                     terms then follow the inputs' correlation; else null (rows independent)
 */
public record Operands(int fanIn, ErrorBudget.Levels levels, double weightSquare, double columnSquare, double inputMean,
                       double inputSquare, double[] cycleMean, double[] cycleSquare, double[] cycleActive, double signal,
                       ColumnSums sums, int[][] weights, double[] rowMean, double[] rowSquare, double[][] inputMoment) {
    /** Work (row × sum-value steps) the exact distribution of the column sums may take per layer; beyond, moments. */
    private static final long SUM_DISTRIBUTION_WORK = 200_000_000L;
    private static final ConcurrentHashMap<Long, Operands> UNIFORM = new ConcurrentHashMap<>();

    /**
     * The per-cycle sums S = Σ_rows u_k·l of a column's slice, averaged over the layer's columns
     * and row blocks: P(S = 0), E[S²] and, when the sums' distribution was worked out (rows
     * independent, each row's input bits as observed), the variance of the ADC's rounding error,
     * indexed [col][slice][cycle], and {@code coherent}, E_j[(Σ_conversions ±2^(cs)·2^(dk)·μ)²]:
     * the rounding errors' means (small sums round away: their mean is not 0) add up coherently
     * over a column's slices, cycles and blocks, in output units².
     */
    public record ColumnSums(double[][][] zero, double[][][] square, double[][][] quantisation, double coherent) {
    }

    /** The default assumption for {@code a}: uniform weights and inputs (cached by the layer's bits and shape). */
    public static Operands uniform(LayerArithmetic a) {
        long key = (((((long) a.rows() * 4096 + a.rowBlocks()) * 64 + a.weightBits()) * 64 + a.activationBits()) * 64
                + a.inputBitsPerCycle()) * 64 + a.bitsPerCell();
        key = (key * 4 + a.signedWeights().ordinal()) * 2 + (a.oneRead() ? 1 : 0);
        return UNIFORM.computeIfAbsent(key, k -> uniformOf(a));
    }

    private static Operands uniformOf(LayerArithmetic a) {
        int k = a.rows() * a.rowBlocks();
        double q = a.maxWeight();
        double eq2;
        double columns;
        if (a.signedWeights() == SignedWeights.UNSIGNED) {
            double eq = q / 2;
            eq2 = q * (2 * q + 1) / 6;
            columns = k * (eq2 - eq * eq) + (double) k * k * eq * eq;
        } else {
            eq2 = q * (q + 1) / 3;
            columns = k * eq2;
        }
        double x = a.maxInput();
        int cycles = a.cycles();
        double[] mean = new double[cycles];
        double[] square = new double[cycles];
        double[] active = new double[cycles];
        for (int cy = 0; cy < cycles; cy++) {
            double u = (1 << a.cycleBits(cy)) - 1;
            mean[cy] = u / 2;
            square[cy] = u * (2 * u + 1) / 6;
            active[cy] = u / (u + 1);
        }
        return new Operands(k, ErrorBudget.levels(a), eq2, columns, x / 2, x * (2 * x + 1) / 6, mean, square, active,
                Double.NaN, null, null, null, null, null);
    }

    /**
     * Real weights ({@code fan-in × outputs} integers in [−Q, Q], [0, Q] unsigned) with the default
     * uniform inputs.
     */
    public static Operands of(LayerArithmetic a, int[][] weights) {
        Operands u = uniform(a);
        int fanIn = weights.length;
        double[] rowMean = new double[fanIn];
        double[] rowSquare = new double[fanIn];
        java.util.Arrays.fill(rowMean, u.inputMean);
        java.util.Arrays.fill(rowSquare, u.inputSquare);
        double[][][] perRow = new double[3][fanIn][];
        double[][][] histogram = new double[fanIn][a.cycles()][];
        for (int i = 0; i < fanIn; i++) {
            perRow[0][i] = u.cycleMean;
            perRow[1][i] = u.cycleSquare;
            perRow[2][i] = u.cycleActive;
            for (int cy = 0; cy < a.cycles(); cy++) {
                int values = 1 << a.cycleBits(cy);
                histogram[i][cy] = new double[values];
                java.util.Arrays.fill(histogram[i][cy], 1.0 / values);
            }
        }
        return build(a, weights, rowMean, rowSquare, perRow, histogram, Double.NaN, null, null);
    }

    /** Real weights and real inputs ({@code samples × fan-in} integers in [0, X]). */
    public static Operands of(LayerArithmetic a, int[][] weights, int[][] inputs) {
        int fanIn = weights.length;
        int cycles = a.cycles();
        double[] rowMean = new double[fanIn];
        double[] rowSquare = new double[fanIn];
        double[][][] perRow = new double[3][fanIn][cycles];
        double[][][] histogram = new double[fanIn][cycles][];
        for (int i = 0; i < fanIn; i++) {
            for (int cy = 0; cy < cycles; cy++) {
                histogram[i][cy] = new double[1 << a.cycleBits(cy)];
            }
        }
        for (int[] row : inputs) {
            for (int i = 0; i < fanIn; i++) {
                int x = row[i];
                rowMean[i] += x;
                rowSquare[i] += (double) x * x;
                int shift = 0;
                for (int cy = 0; cy < cycles; cy++) {
                    int bits = a.cycleBits(cy);
                    int u = a.oneRead() ? x : (x >>> shift) & ((1 << bits) - 1);
                    perRow[0][i][cy] += u;
                    perRow[1][i][cy] += (double) u * u;
                    perRow[2][i][cy] += u != 0 ? 1 : 0;
                    histogram[i][cy][u]++;
                    shift += bits;
                }
            }
        }
        int n = inputs.length;
        for (int i = 0; i < fanIn; i++) {
            rowMean[i] /= n;
            rowSquare[i] /= n;
            for (int c = 0; c < 3; c++) {
                for (int cy = 0; cy < cycles; cy++) {
                    perRow[c][i][cy] /= n;
                }
            }
            for (double[] h : histogram[i]) {
                for (int v = 0; v < h.length; v++) {
                    h[v] /= n;
                }
            }
        }
        // The signal is the data's: E[y²] over the samples and outputs of the exact products.
        long[][] y = CrossbarSimulator.exact(weights, inputs);
        double signal = 0;
        for (long[] row : y) {
            for (long v : row) {
                signal += (double) v * v;
            }
        }
        signal /= (double) n * weights[0].length;
        double[][] moment = null;
        if (fanIn <= 1024) {
            moment = new double[fanIn][fanIn];
            for (int[] row : inputs) {
                for (int i = 0; i < fanIn; i++) {
                    if (row[i] == 0) {
                        continue;
                    }
                    double xi = row[i];
                    double[] mi = moment[i];
                    for (int m = 0; m < fanIn; m++) {
                        mi[m] += xi * row[m];
                    }
                }
            }
            for (double[] mi : moment) {
                for (int m = 0; m < fanIn; m++) {
                    mi[m] /= n;
                }
            }
        }
        return build(a, weights, rowMean, rowSquare, perRow, histogram, signal, moment, inputs);
    }

    private static Operands build(LayerArithmetic a, int[][] weights, double[] rowMean, double[] rowSquare,
                                  double[][][] perRow, double[][][] histogram, double signal, double[][] moment,
                                  int[][] inputs) {
        boolean weighted = inputs != null;
        int fanIn = weights.length;
        int outputs = weights[0].length;
        int cycles = a.cycles();
        double eq2 = 0;
        double columns = 0;
        for (int j = 0; j < outputs; j++) {
            double sum = 0;
            for (int[] row : weights) {
                sum += row[j];
                eq2 += (double) row[j] * row[j];
            }
            columns += sum * sum;
        }
        eq2 /= (double) fanIn * outputs;
        columns /= outputs;
        double mean = 0;
        double square = 0;
        double[] cycleMean = new double[cycles];
        double[] cycleSquare = new double[cycles];
        double[] cycleActive = new double[cycles];
        for (int i = 0; i < fanIn; i++) {
            mean += rowMean[i] / fanIn;
            square += rowSquare[i] / fanIn;
            for (int cy = 0; cy < cycles; cy++) {
                cycleMean[cy] += perRow[0][i][cy] / fanIn;
                cycleSquare[cy] += perRow[1][i][cy] / fanIn;
                cycleActive[cy] += perRow[2][i][cy] / fanIn;
            }
        }
        ErrorBudget.Levels levels = ErrorBudget.countLevels(weights, weighted ? rowSquare : null, a.weightBits(),
                a.bitsPerCell(), a.signedWeights(), a.slices());
        ColumnSums sums = inputs != null ? observedSums(a, weights, inputs) : null;
        if (sums == null) {
            ColumnSums moments = sums(a, weights, perRow);
            sums = a.adcQuantises() ? quantisation(a, weights, histogram, moments) : moments;
        }
        return new Operands(fanIn, levels, eq2, columns, mean, square, cycleMean, cycleSquare, cycleActive, signal,
                sums, weights, rowMean, rowSquare, moment);
    }

    /**
     * Each column's per-cycle sums from its own cells and the rows' input moments, rows
     * independent: P(S = 0) = Π_i (1 − P(u_ik ≠ 0)·[l_i ≠ 0]) and E[S²] = Σ_i E[u_ik²] l_i² +
     * (Σ_i E[u_ik] l_i)² − Σ_i E[u_ik]² l_i², averaged over the columns and row blocks.
     */
    private static ColumnSums sums(LayerArithmetic a, int[][] weights, double[][][] perRow) {
        int fanIn = weights.length;
        int outputs = weights[0].length;
        int cols = a.columnsPerWeight();
        int slices = a.slices();
        int cycles = a.cycles();
        int levelMax = a.maxLevel();
        int rows = a.rows();
        int blocks = (fanIn + rows - 1) / rows;
        double[][][] zero = new double[cols][slices][cycles];
        double[][][] square = new double[cols][slices][cycles];
        int[] stored;
        double[] logZero = new double[cycles];
        double[] first = new double[cycles];
        double[] second = new double[cycles];
        double[] cross = new double[cycles];
        for (int j = 0; j < outputs; j++) {
            for (int col = 0; col < cols; col++) {
                for (int s = 0; s < slices; s++) {
                    for (int b = 0; b < blocks; b++) {
                        java.util.Arrays.fill(logZero, 0);
                        java.util.Arrays.fill(first, 0);
                        java.util.Arrays.fill(second, 0);
                        java.util.Arrays.fill(cross, 0);
                        for (int i = b * rows; i < Math.min(fanIn, (b + 1) * rows); i++) {
                            stored = ErrorBudget.stored(weights[i][j], a.maxWeight(), a.signedWeights());
                            int l = (stored[col] >>> (s * a.bitsPerCell())) & levelMax;
                            if (l == 0) {
                                continue;
                            }
                            for (int cy = 0; cy < cycles; cy++) {
                                double m = perRow[0][i][cy];
                                logZero[cy] += Math.log1p(-Math.min(perRow[2][i][cy], 1 - 1e-300));
                                first[cy] += m * l;
                                second[cy] += perRow[1][i][cy] * l * l;
                                cross[cy] += m * m * l * l;
                            }
                        }
                        for (int cy = 0; cy < cycles; cy++) {
                            zero[col][s][cy] += Math.exp(logZero[cy]);
                            square[col][s][cy] += second[cy] + first[cy] * first[cy] - cross[cy];
                        }
                    }
                }
            }
        }
        double count = (double) outputs * blocks;
        for (int col = 0; col < cols; col++) {
            for (int s = 0; s < slices; s++) {
                for (int cy = 0; cy < cycles; cy++) {
                    zero[col][s][cy] /= count;
                    square[col][s][cy] /= count;
                }
            }
        }
        return new ColumnSums(zero, square, null, 0);
    }

    /**
     * The per-cycle column sums the data itself gives (its ideal sums, no error): P(S = 0), E[S²]
     * and the ADC's rounding error over them, averaged over samples, columns and blocks; null when
     * that would take more than {@link #SUM_DISTRIBUTION_WORK} steps.
     */
    private static ColumnSums observedSums(LayerArithmetic a, int[][] weights, int[][] inputs) {
        int fanIn = weights.length;
        int outputs = weights[0].length;
        int cols = a.columnsPerWeight();
        int slices = a.slices();
        int cycles = a.cycles();
        int levelMax = a.maxLevel();
        int rows = a.rows();
        int blocks = (fanIn + rows - 1) / rows;
        if ((long) inputs.length * fanIn * outputs * cols * slices * cycles > SUM_DISTRIBUTION_WORK) {
            return null;
        }
        int[][][] level = new int[cols][slices][fanIn * outputs];
        for (int i = 0; i < fanIn; i++) {
            for (int j = 0; j < outputs; j++) {
                int[] stored = ErrorBudget.stored(weights[i][j], a.maxWeight(), a.signedWeights());
                for (int col = 0; col < cols; col++) {
                    for (int s = 0; s < slices; s++) {
                        level[col][s][i * outputs + j] = (stored[col] >>> (s * a.bitsPerCell())) & levelMax;
                    }
                }
            }
        }
        double step = a.adcStep();
        double top = (Math.pow(2, Math.max(a.adcBits(), 1)) - 1) * step;
        boolean rounds = a.adcQuantises();
        double[][][] zero = new double[cols][slices][cycles];
        double[][][] square = new double[cols][slices][cycles];
        double[][][] quantisation = new double[cols][slices][cycles];
        double[][][][] errorSum = new double[cols][slices][cycles][outputs * blocks];
        int[] u = new int[fanIn];
        long[] sum = new long[outputs];
        for (int[] x : inputs) {
            int shift = 0;
            for (int cy = 0; cy < cycles; cy++) {
                int bits = a.cycleBits(cy);
                for (int i = 0; i < fanIn; i++) {
                    u[i] = a.oneRead() ? x[i] : (x[i] >>> shift) & ((1 << bits) - 1);
                }
                shift += bits;
                for (int col = 0; col < cols; col++) {
                    for (int s = 0; s < slices; s++) {
                        int[] l = level[col][s];
                        for (int b = 0; b < blocks; b++) {
                            java.util.Arrays.fill(sum, 0);
                            for (int i = b * rows; i < Math.min(fanIn, (b + 1) * rows); i++) {
                                if (u[i] == 0) {
                                    continue;
                                }
                                int base = i * outputs;
                                for (int j = 0; j < outputs; j++) {
                                    sum[j] += (long) u[i] * l[base + j];
                                }
                            }
                            for (int j = 0; j < outputs; j++) {
                                double v = sum[j];
                                if (v == 0) {
                                    zero[col][s][cy]++;
                                    continue;
                                }
                                square[col][s][cy] += v * v;
                                if (rounds) {
                                    double e = v - Math.min(top, step * Math.rint(v / step));
                                    quantisation[col][s][cy] += e * e;
                                    errorSum[col][s][cy][b * outputs + j] += e;
                                }
                            }
                        }
                    }
                }
            }
        }
        double count = (double) inputs.length * outputs * blocks;
        for (int col = 0; col < cols; col++) {
            for (int s = 0; s < slices; s++) {
                for (int cy = 0; cy < cycles; cy++) {
                    zero[col][s][cy] /= count;
                    square[col][s][cy] /= count;
                    for (double e : errorSum[col][s][cy]) {
                        quantisation[col][s][cy] -= e * e / inputs.length;   // the mean's part, counted coherently
                    }
                    quantisation[col][s][cy] /= count;
                    for (int k = 0; k < outputs * blocks; k++) {
                        errorSum[col][s][cy][k] /= inputs.length;
                    }
                }
            }
        }
        return new ColumnSums(zero, square, rounds ? quantisation : null, coherent(a, errorSum, outputs, blocks));
    }

    /**
     * The ADC's mean squared rounding error per [col][slice][cycle] from the exact distribution
     * of each column's per-cycle sum (rows independent, row i applying value v with probability
     * {@code histogram[i][cycle][v]}): E[(S − min(top, Δ·rint(S/Δ)))²], averaged over the columns
     * and row blocks; null when that would take more than {@link #SUM_DISTRIBUTION_WORK} steps.
     */
    private static ColumnSums quantisation(LayerArithmetic a, int[][] weights, double[][][] histogram, ColumnSums moments) {
        int fanIn = weights.length;
        int outputs = weights[0].length;
        int cols = a.columnsPerWeight();
        int slices = a.slices();
        int cycles = a.cycles();
        int levelMax = a.maxLevel();
        int rows = a.rows();
        int blocks = (fanIn + rows - 1) / rows;
        long work = 0;
        for (int cy = 0; cy < cycles; cy++) {
            long values = 1L << a.cycleBits(cy);
            long largest = (long) rows * levelMax * (values - 1);
            work += (long) outputs * cols * slices * fanIn * values * (largest / 2 + 1);
        }
        if (work > SUM_DISTRIBUTION_WORK) {
            return moments;
        }
        double step = a.adcStep();
        double top = (Math.pow(2, a.adcBits()) - 1) * step;
        double[][][] out = new double[cols][slices][cycles];
        double[][][][] mean = new double[cols][slices][cycles][outputs * blocks];
        int largest = 0;
        for (int cy = 0; cy < cycles; cy++) {
            largest = Math.max(largest, rows * levelMax * ((1 << a.cycleBits(cy)) - 1));
        }
        double[] dist = new double[largest + 1];
        double[] next = new double[dist.length];
        for (int j = 0; j < outputs; j++) {
            for (int col = 0; col < cols; col++) {
                for (int s = 0; s < slices; s++) {
                    for (int b = 0; b < blocks; b++) {
                        for (int cy = 0; cy < cycles; cy++) {
                            java.util.Arrays.fill(dist, 0);
                            dist[0] = 1;
                            int max = 0;
                            for (int i = b * rows; i < Math.min(fanIn, (b + 1) * rows); i++) {
                                int[] stored = ErrorBudget.stored(weights[i][j], a.maxWeight(), a.signedWeights());
                                int l = (stored[col] >>> (s * a.bitsPerCell())) & levelMax;
                                if (l == 0) {
                                    continue;
                                }
                                double[] p = histogram[i][cy];
                                int grown = max + (p.length - 1) * l;
                                java.util.Arrays.fill(next, 0, grown + 1, 0);
                                for (int t = 0; t <= max; t++) {
                                    double d = dist[t];
                                    if (d == 0) {
                                        continue;
                                    }
                                    for (int v = 0; v < p.length; v++) {
                                        next[t + v * l] += d * p[v];
                                    }
                                }
                                System.arraycopy(next, 0, dist, 0, grown + 1);
                                max = grown;
                            }
                            double e1 = 0;
                            double e2 = 0;
                            for (int t = 1; t <= max; t++) {
                                double e = t - Math.min(top, step * Math.rint(t / step));
                                e1 += dist[t] * e;
                                e2 += dist[t] * e * e;
                            }
                            out[col][s][cy] += e2 - e1 * e1;
                            mean[col][s][cy][b * outputs + j] = e1;
                        }
                    }
                }
            }
        }
        double count = (double) outputs * blocks;
        for (double[][] c : out) {
            for (double[] sl : c) {
                for (int cy = 0; cy < cycles; cy++) {
                    sl[cy] /= count;
                }
            }
        }
        return new ColumnSums(moments.zero(), moments.square(), out, coherent(a, mean, outputs, blocks));
    }

    /** E_j[(Σ_(block, col, slice, cycle) ±2^(cs)·2^(dk)·μ)²] of the rounding errors' means {@code mean[col][s][cy][block·outputs + j]}. */
    private static double coherent(LayerArithmetic a, double[][][][] mean, int outputs, int blocks) {
        double total = 0;
        for (int j = 0; j < outputs; j++) {
            double b = 0;
            for (int col = 0; col < mean.length; col++) {
                double sign = col == 0 ? 1 : -1;
                for (int s = 0; s < mean[col].length; s++) {
                    double ws = Math.pow(2, (double) a.bitsPerCell() * s);
                    int shift = 0;
                    for (int cy = 0; cy < mean[col][s].length; cy++) {
                        double wk = Math.pow(2, shift);
                        shift += a.cycleBits(cy);
                        for (int k = 0; k < blocks; k++) {
                            b += sign * ws * wk * mean[col][s][cy][k * outputs + j];
                        }
                    }
                }
            }
            total += b * b;
        }
        return total / outputs;
    }

    /** Var(x) as the budget's signal formula needs it: E[x²] − E[x]². */
    double inputVariance() {
        return inputSquare - inputMean * inputMean;
    }
}
