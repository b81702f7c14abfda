package org.memdse.cost.accuracy;

import java.util.concurrent.ConcurrentHashMap;
import org.memdse.core.arch.SignedWeights;

/**
 * The analytic output SNR of one crossbar layer, source by source (an estimate: weights uniform
 * over [−Q, Q], inputs uniform over [0, X], errors independent and first order; the closed forms
 * and their sources are in docs/reference/accuracy.md). Everything is in level units: one unit is
 * the current of one level (ΔG/L) under one unit of input, so the exact column sum of a cycle is
 * Σ u·l and the exact output is y = Σ x·q. Each source's SNR is E[y²] / E[e²] of the error e it
 * adds to y; they combine as 1/SNR = Σ 1/SNR_i.
 *
 * <ul>
 *   <li>programming error, drift (after global compensation) and stuck-at faults are static per
 *       cell, so a cell's error is multiplied by the whole input x (coherent over cycles) and by
 *       2^(c·s) of its slice: E[e²] = K·E[x²]·Σ_s 4^(cs)·Σ_columns E[e_cell²];</li>
 *   <li>read noise is drawn per read: the cycles add in power, Σ_k 4^(dk)·E[u_k²];</li>
 *   <li>the ADC drops n − B low bits when it has B bits and the sums need n (ISAAC's truncation,
 *       a step Δ = 2^(n−B) levels): Δ²/12 per conversion, plus its noise (σ_n Δ)² and its
 *       static offset (σ_o Δ)², coherent over cycles; a differential pair on one ADC cancels the
 *       offset;</li>
 *   <li>IR drop, first order on each bit line of R cells sensed at one end: the line's potential
 *       at cell i is R_w Σ_(k≤i) Σ_(m≥k) I_m, on average R_w·G_on·E[g]·E[u]·f(i) with
 *       f(i) = i(2R − i + 1)/2 (f(R) = R(R+1)/2: the closed form on a uniform line), and every
 *       cell loses G·V_bl(i) of current whatever its input;</li>
 *   <li>an analog transfer adds σ_t of the output's full scale K·X·Q.</li>
 * </ul>
 */
public final class ErrorBudget {
    /** The error sources, in the order the budget reports them. */
    public enum Source {
        ADC("adc"), PROGRAMMING("programming"), READ_NOISE("read_noise"), DRIFT("drift"), IR_DROP("ir_drop"),
        STUCK_AT("stuck_at"), TRANSFER("transfer");

        private final String key;

        Source(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private static final Source[] SOURCES = Source.values();
    private static final ConcurrentHashMap<Integer, Levels> LEVELS = new ConcurrentHashMap<>();

    /**
     * What the ADCs add to one output: {E[e²] from one row block, the amplitude of the bias that adds
     * coherently over the blocks}. The zero-sum case: a sum that is exactly 0 converts without
     * error, which dominates on sparse inputs and small trained weights. Each conversion of column
     * (col, slice s) in cycle k converts the sum S = Σ_rows u_k·l: exactly 0 with probability
     * P0 = (1 − P(u_k ≠ 0)·P(l ≠ 0))^R (or as {@link Operands.ColumnSums} holds it), and then
     * reads N·Δ with N = max(0, rint(ν/Δ)) when noise and offset ν pass half a step (the converter
     * clips below 0: a bias as well as a spread); otherwise the dropped low bits cost
     * min(Δ²/12, E[S² | S ≠ 0]) (a sum that stays below half a step is rounded away whole; exact
     * when {@link Operands.ColumnSums} holds the sums' rounding error, its mean then adding
     * coherently) plus the noise (σ_n Δ)². Conversions add in power weighted 4^(cs)·4^(dk); a
     * column's static offset adds coherently over its non-zero conversions,
     * (Σ_k 2^(dk) (1 − P0))² (σ_o Δ)², unless a differential pair shares the ADC.
     */
    private static double[] adc(LayerArithmetic a, Operands op, double[][][] levels, double[][] meanLevel,
                                double[][] secondLevel) {
        double step = a.adcStep();
        boolean rounds = a.adcBits() > 0;
        double quantisation = a.adcQuantises() ? step * step / 12 : 0;
        double sigmaNoise = a.circuit().adcNoise();
        double sigmaOffset = a.circuit().adcOffset();
        double noise = Math.pow(sigmaNoise * step, 2);
        double offset = Math.pow(sigmaOffset * step, 2);
        double sigmaZero = Math.sqrt(sigmaNoise * sigmaNoise + sigmaOffset * sigmaOffset);
        // A zero sum plus noise ν, rounded and clipped below 0, reads N·Δ with N = max(0, rint(ν/Δ)):
        // E[N] = Σ_n P(N ≥ n), E[N²] = Σ_n (2n − 1) P(N ≥ n), P(N ≥ n) = P(ν > (n − ½)Δ). Its mean adds
        // coherently over the column's conversions (the bias amplitude below).
        double zeroMean = 0;
        double zero = !rounds ? noise : 0;
        if (rounds && sigmaZero > 0) {
            for (int k = 1; k <= 6; k++) {
                double tail = upperTail((k - 0.5) / sigmaZero);
                zeroMean += step * tail;
                zero += step * step * (2 * k - 1) * tail;
            }
            zero -= zeroMean * zeroMean;
        }
        double bias = 0;
        int cols = a.columnsPerWeight();
        boolean pairShares = cols == 2 && a.columnsPerAdc() % 2 == 0;
        double r = a.rows();
        double total = 0;
        for (int s = 0; s < a.slices(); s++) {
            double ws = Math.pow(4, (double) a.bitsPerCell() * s);
            for (int col = 0; col < cols; col++) {
                double activeLevel = 1 - levels[col][s][0];
                if (activeLevel <= 0) {
                    // A column whose slice is always empty: its conversions are counted exact. Noise and offset
                    // rarely pass half a step, and when they do their rounding largely cancels the cells' own
                    // errors counted in the other sources (which the rounding of a near-zero sum swallows).
                    continue;
                }
                double el = meanLevel[col][s];
                double el2 = secondLevel[col][s];
                double amplitude = 0;
                int shift = 0;
                for (int cy = 0; cy < a.cycles(); cy++) {
                    double wk = Math.pow(2, shift);
                    shift += a.cycleBits(cy);
                    double p0 = op.sums() != null ? op.sums().zero()[col][s][cy]
                            : Math.pow(1 - op.cycleActive()[cy] * activeLevel, r);
                    double nonZero = 1 - p0;
                    double perConversion = p0 * zero;
                    if (op.sums() != null && op.sums().quantisation() != null) {
                        // The sums' distribution is known: the rounding error exactly, zeros included.
                        perConversion += op.sums().quantisation()[col][s][cy] + nonZero * noise;
                    } else if (nonZero > 0) {
                        double es2 = op.sums() != null ? op.sums().square()[col][s][cy]
                                : r * op.cycleSquare()[cy] * el2 + r * (r - 1) * Math.pow(op.cycleMean()[cy] * el, 2);
                        perConversion += nonZero * (Math.min(quantisation, es2 / nonZero) + noise);
                    }
                    total += ws * wk * wk * perConversion;
                    amplitude += wk * nonZero;
                    bias += (col == 0 ? 1 : -1) * Math.sqrt(ws) * wk * p0 * zeroMean;
                }
                if (!pairShares) {
                    total += ws * amplitude * amplitude * offset;
                }
            }
        }
        return new double[] {total, bias};
    }

    /**
     * Stuck-at faults and IR drop with real weights, each a static error ε_ij of weight (i, j) that
     * the output sees as Σ_i x_i ε_ij: E[e_j²] = Σ_i E[x_i²] Var(ε_ij) + Σ_i Var(x_i) m_ij² +
     * (Σ_i E[x_i] m_ij)² with m_ij = E[ε_ij] (rows independent), averaged over the columns.
     * Stuck-at: each cell is at 0 (p0) or L (p1) instead of l. IR drop (first order, linear in
     * the inputs, so the cycles add up to x): the cell of row m (0 next to the sensing end) loses
     * R_w·g_m·Σ_i g_i·(min(i, m) + 1) per unit of input, g in level units with the G_off baseline.
     *
     * @return {stuck-at, IR drop} E[e²], level units²
     */
    static double[] staticErrors(LayerArithmetic a, Operands op) {
        int[][] w = op.weights();
        int fanIn = w.length;
        int outputs = w[0].length;
        int cols = a.columnsPerWeight();
        int slices = a.slices();
        int levelMax = a.maxLevel();
        double baseline = levelMax * a.gOff() / (a.gOn() - a.gOff());
        double scale = levelMax * a.gOn() / (a.gOn() - a.gOff());
        double wire = a.device().wireResistance() * a.gOn() / scale;
        double p0 = a.device().stuckAtHrs();
        double p1 = a.device().stuckAtLrs();
        int rows = a.rows();
        double[] rowMean = op.rowMean();
        double[] rowSquare = op.rowSquare();
        double saf = 0;
        double ir = 0;
        double[] mean = new double[fanIn];
        double[] variance = new double[fanIn];
        double[] z = new double[fanIn];
        double[] g = new double[rows];
        double[] h = new double[rows];
        int[][] level = new int[fanIn][];
        for (int j = 0; j < outputs; j++) {
            java.util.Arrays.fill(mean, 0);
            java.util.Arrays.fill(variance, 0);
            java.util.Arrays.fill(z, 0);
            for (int i = 0; i < fanIn; i++) {
                level[i] = stored(w[i][j], a.maxWeight(), a.signedWeights());
            }
            for (int col = 0; col < cols; col++) {
                double sign = col == 0 ? 1 : -1;
                for (int s = 0; s < slices; s++) {
                    double ws = Math.pow(2, (double) a.bitsPerCell() * s);
                    for (int i = 0; i < fanIn; i++) {
                        int l = (level[i][col] >>> (s * a.bitsPerCell())) & levelMax;
                        double mu = p1 * (levelMax - l) - p0 * l;
                        double second = p1 * (levelMax - l) * (levelMax - l) + p0 * (double) l * l;
                        mean[i] += sign * ws * mu;
                        variance[i] += ws * ws * (second - mu * mu);
                    }
                    if (wire > 0) {
                        for (int from = 0; from < fanIn; from += rows) {
                            int n = Math.min(rows, fanIn - from);
                            double total = 0;
                            for (int m = 0; m < n; m++) {
                                g[m] = ((level[from + m][col] >>> (s * a.bitsPerCell())) & levelMax) + baseline;
                                total += g[m];
                            }
                            // h_m = Σ_(i≤m) g_i (i + 1) + (m + 1) Σ_(i>m) g_i
                            double below = 0;
                            double above = total;
                            for (int m = 0; m < n; m++) {
                                below += g[m] * (m + 1);
                                above -= g[m];
                                h[m] = below + (m + 1) * above;
                                z[from + m] -= sign * ws * wire * g[m] * h[m];
                            }
                        }
                    }
                }
            }
            double[][] moment = op.inputMoment();
            if (moment != null) {
                // E[(Σ_i x_i m_i)²] = m^T E[x x^T] m: the inputs' own correlation.
                for (int i = 0; i < fanIn; i++) {
                    saf += rowSquare[i] * variance[i];
                    double[] mi = moment[i];
                    double sm = 0;
                    double sz = 0;
                    for (int m = 0; m < fanIn; m++) {
                        sm += mi[m] * mean[m];
                        sz += mi[m] * z[m];
                    }
                    saf += mean[i] * sm;
                    ir += z[i] * sz;
                }
                continue;
            }
            double bias = 0;
            double irBias = 0;
            for (int i = 0; i < fanIn; i++) {
                double var = rowSquare[i] - rowMean[i] * rowMean[i];
                saf += rowSquare[i] * variance[i] + var * mean[i] * mean[i];
                bias += rowMean[i] * mean[i];
                ir += var * z[i] * z[i];
                irBias += rowMean[i] * z[i];
            }
            saf += bias * bias;
            ir += irBias * irBias;
        }
        return new double[] {saf / outputs, ir / outputs};
    }

    /** P(Z > z) of a standard normal (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double upperTail(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return z >= 0 ? erfc / 2 : 1 - erfc / 2;
    }

    /**
     * The level distribution of each column and slice ({@code p[col][slice][level]}) and the joint
     * moments E[l_col,s · l_col',t] across slices ({@code joint[col][col'][s][t]}): a weight's slices
     * share its sign, so they are not independent.
     */
    public record Levels(double[][][] p, double[][][][] joint) {
    }

    private ErrorBudget() {
    }

    /** Every source's SNR (linear power ratio; +∞ when it adds nothing), indexed by {@link Source#ordinal()}: uniform operands. */
    public static double[] snr(LayerArithmetic a) {
        return snr(a, Operands.uniform(a));
    }

    /** Every source's SNR for the layer's operands (e.g. trained weights), indexed by {@link Source#ordinal()}. */
    public static double[] snr(LayerArithmetic a, Operands op) {
        double[] noise = noise(a, op);
        double signal = signal(op);
        double[] snr = new double[SOURCES.length];
        for (int i = 0; i < snr.length; i++) {
            snr[i] = noise[i] > 0 ? signal / noise[i] : Double.POSITIVE_INFINITY;
        }
        return snr;
    }

    /** The combined SNR, 1/SNR = Σ 1/SNR_i (linear). */
    public static double combined(double[] snr) {
        double inverse = 0;
        for (double s : snr) {
            inverse += 1 / s;
        }
        return 1 / inverse;
    }

    /** 10·log10 of a power ratio. */
    public static double db(double ratio) {
        return 10 * Math.log10(ratio);
    }

    /** Worst-case relative IR drop on a line of n cells of conductance g with r_w per segment: R_w·G·n(n+1)/2. */
    public static double worstCaseIrDrop(double wireOhm, double conductance, int cells) {
        return wireOhm * conductance * cells * (cells + 1.0) / 2;
    }

    /** E[y²] of the exact output with uniform operands, level units². */
    public static double signal(LayerArithmetic a) {
        return signal(Operands.uniform(a));
    }

    /**
     * E[y²] of the exact output y_j = Σ_i x_i q_ij, level units²: with rows independent and alike,
     * Var(x)·Σ_i q_ij² + E[x]²·(Σ_i q_ij)², averaged over the outputs.
     */
    public static double signal(Operands op) {
        if (!Double.isNaN(op.signal())) {
            return op.signal();
        }
        return op.fanIn() * op.inputVariance() * op.weightSquare() + op.inputMean() * op.inputMean() * op.columnSquare();
    }

    /** Each source's E[e²] on one output, level units². */
    public static double[] noise(LayerArithmetic a) {
        return noise(a, Operands.uniform(a));
    }

    /** Each source's E[e²] on one output for the layer's operands, level units². */
    public static double[] noise(LayerArithmetic a, Operands op) {
        double[] n = new double[SOURCES.length];
        int c = a.bitsPerCell();
        int slices = a.slices();
        int cols = a.columnsPerWeight();
        double levelMax = a.maxLevel();
        double gOffRel = a.gOff() / a.gOn();
        double scale = levelMax * a.gOn() / (a.gOn() - a.gOff());   // relative-to-G_on -> level units
        double baseline = levelMax * a.gOff() / (a.gOn() - a.gOff()); // G_off in level units
        double k = op.fanIn();
        double x = a.maxInput();
        double ex = op.inputMean();
        double ex2 = op.inputSquare();
        // Cycles: Σ_k 4^(dk) E[u_k²] (read noise), Σ_k 4^(dk) and (Σ_k 2^(dk))² (ADC).
        double readCycles = 0;
        int shift = 0;
        for (int cy = 0; cy < a.cycles(); cy++) {
            double w = Math.pow(2, shift);
            readCycles += w * w * op.cycleSquare()[cy];
            shift += a.cycleBits(cy);
        }
        Levels stats = op.levels();
        double[][][] levels = stats.p();
        double[][] meanLevel = new double[cols][slices];
        double[][] secondLevel = new double[cols][slices];
        double[][] aIr = new double[cols][slices];
        double p0 = a.device().stuckAtHrs();
        double p1 = a.device().stuckAtLrs();
        double read2 = a.device().readNoise() * a.device().readNoise();
        double drift2 = a.device().driftSigma() * a.device().driftSigma();
        double prog = 0;
        double g2 = 0;
        double saf = 0;
        double safBias = 0;
        double wire = a.device().wireResistance() * a.gOn();
        double irMean = 0;
        double irVar = 0;
        double irQuad = 0;
        for (int s = 0; s < slices; s++) {
            double w = Math.pow(2, (double) c * s);
            double[] mean = new double[cols];
            double[] second = new double[cols];
            double[] gMean = new double[cols];
            double biasSlice = 0;
            for (int col = 0; col < cols; col++) {
                double[] p = levels[col][s];
                int step = p.length;
                double el = 0;
                double el2 = 0;
                for (int l = 0; l < step; l++) {
                    if (p[l] == 0) {
                        continue;
                    }
                    double lv = l;
                    double g = gOffRel + (1 - gOffRel) * lv / levelMax;
                    double sp = a.device().programmingSigma(g);
                    prog += w * w * p[l] * sp * sp * scale * scale;
                    g2 += w * w * p[l] * g * g * scale * scale;
                    saf += w * w * p[l] * (p1 * (levelMax - lv) * (levelMax - lv) + p0 * lv * lv);
                    el += p[l] * lv;
                    el2 += p[l] * lv * lv;
                }
                mean[col] = el;
                second[col] = el2;
                gMean[col] = gOffRel + (1 - gOffRel) * el / levelMax;
                double mu = p1 * (levelMax - el) - p0 * el;
                biasSlice += col == 0 ? mu : -mu;
            }
            safBias += w * biasSlice;
            // IR drop, second order: a cell's deviation times another's current deviation, Σ min(i,m)² of them.
            for (int col = 0; col < cols; col++) {
                double g = mean[col] + baseline;
                if (g <= 0) {
                    continue;
                }
                double alpha = wire * gMean[col] / g;
                double varG = second[col] - mean[col] * mean[col];
                double eg2 = second[col] + 2 * baseline * mean[col] + baseline * baseline;
                irQuad += w * w * alpha * alpha * varG * (eg2 * ex2 - g * g * ex * ex);
            }
            for (int col = 0; col < cols; col++) {
                meanLevel[col][s] = mean[col];
                secondLevel[col][s] = second[col];
                aIr[col][s] = wire * gMean[col];
            }
        }
        // IR drop: Z = Σ_s 2^(cs) Σ_col ±a_col,s (l_col,s + b), a = R_w G_on E[g]; its moments over
        // the weights, slices jointly (they share the weight's sign).
        for (int s = 0; s < slices; s++) {
            double ws = Math.pow(2, (double) c * s);
            for (int col = 0; col < cols; col++) {
                double sign = col == 0 ? 1 : -1;
                irMean += ws * sign * aIr[col][s] * (meanLevel[col][s] + baseline);
                for (int t = 0; t < slices; t++) {
                    double wt = Math.pow(2, (double) c * t);
                    for (int col2 = 0; col2 < cols; col2++) {
                        double sign2 = col2 == 0 ? 1 : -1;
                        double exy = stats.joint()[col][col2][s][t]
                                + baseline * (meanLevel[col][s] + meanLevel[col2][t]) + baseline * baseline;
                        irVar += ws * wt * sign * sign2 * aIr[col][s] * aIr[col2][t] * exy;
                    }
                }
            }
        }
        irVar -= irMean * irMean;
        n[Source.PROGRAMMING.ordinal()] = k * ex2 * prog;
        n[Source.DRIFT.ordinal()] = k * ex2 * drift2 * g2;
        double readPower = a.oneRead() ? ex2 : readCycles;
        n[Source.READ_NOISE.ordinal()] = k * readPower * read2 * g2;
        n[Source.STUCK_AT.ordinal()] = k * ex2 * saf + k * (k - 1) * ex * ex * safBias * safBias;
        // IR drop: per block F1 = Σ f(i), F2 = Σ f(i)², f(i) = i(2R − i + 1)/2; cycles add to E[x] on average.
        double f1 = 0;
        double f2 = 0;
        int r = a.rows();
        for (int i = 1; i <= r; i++) {
            double f = i * (2.0 * r - i + 1) / 2;
            f1 += f;
            f2 += f * f;
        }
        double blocks = a.rowBlocks();
        // Linearised around the mean line current, each row's error is Z_i·(E[x] + x_i): the cell's own
        // current loss on the mean potential (E[x]) plus its current's share of every other cell's loss
        // (x_i); the constant part E[Z]·E[x] cancels in a differential pair and remains otherwise.
        double z2 = irVar + irMean * irMean;
        double ex2Shift = ex * ex + 2 * ex * ex + ex2;  // E[(E[x] + x)²]
        double rowVar = z2 * ex2Shift - 4 * irMean * irMean * ex * ex;
        // Σ_(i,m ≤ R) min(i,m)² = Σ_k k² (2(R − k) + 1) = (2R + 1) Σk² − 2 Σk³.
        double rr = r;
        double m2 = (2 * rr + 1) * rr * (rr + 1) * (2 * rr + 1) / 6 - 2 * Math.pow(rr * (rr + 1) / 2, 2);
        n[Source.IR_DROP.ordinal()] = blocks * f2 * rowVar + Math.pow(blocks * f1 * irMean * ex, 2) + blocks * m2 * irQuad;
        if (op.weights() != null) {
            // Real weights: stuck-at faults and IR drop column by column (both are static errors of each weight).
            double[] exact = staticErrors(a, op);
            n[Source.STUCK_AT.ordinal()] = exact[0];
            n[Source.IR_DROP.ordinal()] = exact[1];
        }
        if (a.analogOut()) {
            double fullScale = k * x * a.maxWeight();
            double t = a.circuit().transferNoise() * fullScale;
            n[Source.TRANSFER.ordinal()] = t * t;
        } else {
            double[] adc = adc(a, op, stats.p(), meanLevel, secondLevel);
            n[Source.ADC.ordinal()] = blocks * adc[0] + Math.pow(blocks * adc[1], 2)
                    + (op.sums() != null ? op.sums().coherent() : 0);
        }
        return n;
    }

    /**
     * The level distribution of each column (0: the weight's or positive column, 1: the negative or
     * reference column) and slice, for weights uniform over [−Q, Q] ([0, Q] unsigned), by counting
     * every weight once (cached: it depends only on the bits and the scheme).
     */
    static Levels levels(LayerArithmetic a) {
        int key = (a.weightBits() * 64 + a.bitsPerCell()) * 4 + a.signedWeights().ordinal();
        return LEVELS.computeIfAbsent(key, kk -> countLevels(a.weightBits(), a.bitsPerCell(), a.signedWeights(),
                a.slices()));
    }

    private static Levels countLevels(int weightBits, int bitsPerCell, SignedWeights scheme, int slices) {
        int q = (1 << weightBits) - 1;
        int from = scheme == SignedWeights.UNSIGNED ? 0 : -q;
        // Long tables (16-bit weights) are sampled: every weight of a 4096-step grid.
        int stride = Math.max(1, (q - from + 1) / 4096);
        LevelCounter counter = new LevelCounter(q, bitsPerCell, scheme, slices);
        for (int v = from; v <= q; v += stride) {
            counter.add(v);
        }
        return counter.levels();
    }

    /**
     * The level distribution of real integer weights ([row][col], in [−Q, Q], [0, Q] unsigned), each
     * row's weights counted with {@code rowWeight[row]} (null: every weight once).
     */
    static Levels countLevels(int[][] weights, double[] rowWeight, int weightBits, int bitsPerCell, SignedWeights scheme,
                              int slices) {
        LevelCounter counter = new LevelCounter((1 << weightBits) - 1, bitsPerCell, scheme, slices);
        for (int i = 0; i < weights.length; i++) {
            double w = rowWeight == null ? 1 : rowWeight[i];
            if (w <= 0) {
                continue;
            }
            for (int v : weights[i]) {
                counter.add(v, w);
            }
        }
        return counter.count > 0 ? counter.levels() : countLevels(weights, null, weightBits, bitsPerCell, scheme, slices);
    }

    /** Counts the levels each column and slice holds, and their products across slices. */
    private static final class LevelCounter {
        private final int q;
        private final int bitsPerCell;
        private final SignedWeights scheme;
        private final int slices;
        private final int levels;
        private final int cols;
        private final double[][][] p;
        private final double[][][][] joint;
        private final int[][] digit;
        private double count;

        LevelCounter(int q, int bitsPerCell, SignedWeights scheme, int slices) {
            this.q = q;
            this.bitsPerCell = bitsPerCell;
            this.scheme = scheme;
            this.slices = slices;
            this.levels = 1 << bitsPerCell;
            this.cols = scheme == SignedWeights.UNSIGNED ? 1 : 2;
            this.p = new double[cols][slices][levels];
            this.joint = new double[cols][cols][slices][slices];
            this.digit = new int[cols][slices];
        }

        void add(int v) {
            add(v, 1);
        }

        void add(int v, double weight) {
            int[] stored = stored(v, q, scheme);
            for (int col = 0; col < cols; col++) {
                for (int s = 0; s < slices; s++) {
                    digit[col][s] = (stored[col] >>> (s * bitsPerCell)) & (levels - 1);
                    p[col][s][digit[col][s]] += weight;
                }
            }
            for (int c1 = 0; c1 < cols; c1++) {
                for (int c2 = 0; c2 < cols; c2++) {
                    for (int s = 0; s < slices; s++) {
                        for (int t = 0; t < slices; t++) {
                            joint[c1][c2][s][t] += weight * digit[c1][s] * digit[c2][t];
                        }
                    }
                }
            }
            count += weight;
        }

        Levels levels() {
            double[][][] pp = new double[cols][slices][levels];
            double[][][][] jj = new double[cols][cols][slices][slices];
            for (int c1 = 0; c1 < cols; c1++) {
                for (int s = 0; s < slices; s++) {
                    for (int l = 0; l < levels; l++) {
                        pp[c1][s][l] = p[c1][s][l] / count;
                    }
                }
                for (int c2 = 0; c2 < cols; c2++) {
                    for (int s = 0; s < slices; s++) {
                        for (int t = 0; t < slices; t++) {
                            jj[c1][c2][s][t] = joint[c1][c2][s][t] / count;
                        }
                    }
                }
            }
            return new Levels(pp, jj);
        }
    }

    /** The values a weight's columns hold: {positive, negative}, {q + Q, Q} or {q}. */
    static int[] stored(int v, int q, SignedWeights scheme) {
        switch (scheme) {
            case DIFFERENTIAL:
                return new int[] {Math.max(v, 0), Math.max(-v, 0)};
            case OFFSET:
                return new int[] {v + q, q};
            default:
                return new int[] {v};
        }
    }
}
