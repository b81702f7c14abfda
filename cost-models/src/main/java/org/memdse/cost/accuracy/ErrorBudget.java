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
     * The level distribution of each column and slice ({@code p[col][slice][level]}) and the joint
     * moments E[l_col,s · l_col',t] across slices ({@code joint[col][col'][s][t]}): a weight's slices
     * share its sign, so they are not independent.
     */
    record Levels(double[][][] p, double[][][][] joint) {
    }

    private ErrorBudget() {
    }

    /** Every source's SNR (linear power ratio; +∞ when it adds nothing), indexed by {@link Source#ordinal()}. */
    public static double[] snr(LayerArithmetic a) {
        double[] noise = noise(a);
        double signal = signal(a);
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

    /** E[y²] of the exact output, level units². */
    public static double signal(LayerArithmetic a) {
        double k = (double) a.rows() * a.rowBlocks();
        double q = a.maxWeight();
        double x = a.maxInput();
        double ex2 = x * (2 * x + 1) / 6;
        if (a.signedWeights() == SignedWeights.UNSIGNED) {
            double eq = q / 2;
            double eq2 = q * (2 * q + 1) / 6;
            double ex = x / 2;
            return k * ex2 * eq2 + k * (k - 1) * ex * ex * eq * eq;
        }
        return k * ex2 * q * (q + 1) / 3;
    }

    /** Each source's E[e²] on one output, level units². */
    public static double[] noise(LayerArithmetic a) {
        double[] n = new double[SOURCES.length];
        int c = a.bitsPerCell();
        int slices = a.slices();
        int cols = a.columnsPerWeight();
        double levelMax = a.maxLevel();
        double gOffRel = a.gOff() / a.gOn();
        double scale = levelMax * a.gOn() / (a.gOn() - a.gOff());   // relative-to-G_on -> level units
        double baseline = levelMax * a.gOff() / (a.gOn() - a.gOff()); // G_off in level units
        double k = (double) a.rows() * a.rowBlocks();
        double x = a.maxInput();
        double ex = x / 2;
        double ex2 = x * (2 * x + 1) / 6;
        // Cycles: Σ_k 4^(dk) E[u_k²] (read noise), Σ_k 4^(dk) and (Σ_k 2^(dk))² (ADC).
        double readCycles = 0;
        double cyclePower = 0;
        double cycleAmplitude = 0;
        int shift = 0;
        for (int cy = 0; cy < a.cycles(); cy++) {
            double u = (1 << a.cycleBits(cy)) - 1;
            double w = Math.pow(2, shift);
            readCycles += w * w * u * (2 * u + 1) / 6;
            cyclePower += w * w;
            cycleAmplitude += w;
            shift += a.cycleBits(cy);
        }
        Levels stats = levels(a);
        double[][][] levels = stats.p();
        double[][] meanLevel = new double[cols][slices];
        double[][] aIr = new double[cols][slices];
        double p0 = a.device().stuckAtHrs();
        double p1 = a.device().stuckAtLrs();
        double read2 = a.device().readNoise() * a.device().readNoise();
        double drift2 = a.device().driftSigma() * a.device().driftSigma();
        double prog = 0;
        double g2 = 0;
        double saf = 0;
        double safBias = 0;
        double convertedPower = 0;
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
                if (p[0] < 1) {
                    // A column whose slice is always empty sums to exactly 0: converted without error
                    // (the rounding also swallows noise below half a step).
                    convertedPower += w * w;
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
        if (a.analogOut()) {
            double fullScale = k * x * a.maxWeight();
            double t = a.circuit().transferNoise() * fullScale;
            n[Source.TRANSFER.ordinal()] = t * t;
        } else {
            double step = a.adcStep();
            double perConversion = (a.adcQuantises() ? step * step / 12 : 0)
                    + Math.pow(a.circuit().adcNoise() * step, 2);
            double conversions = blocks * convertedPower;
            double offset = Math.pow(a.circuit().adcOffset() * step, 2);
            boolean pairShares = cols == 2 && a.columnsPerAdc() % 2 == 0;
            n[Source.ADC.ordinal()] = conversions * (cyclePower * perConversion
                    + (pairShares ? 0 : cycleAmplitude * cycleAmplitude * offset));
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
        int levels = (1 << bitsPerCell);
        int cols = scheme == SignedWeights.UNSIGNED ? 1 : 2;
        double[][][] p = new double[cols][slices][levels];
        double[][][][] joint = new double[cols][cols][slices][slices];
        int from = scheme == SignedWeights.UNSIGNED ? 0 : -q;
        // Long tables (16-bit weights) are sampled: every weight of a 4096-step grid.
        int stride = Math.max(1, (q - from + 1) / 4096);
        long count = 0;
        int[][] digit = new int[cols][slices];
        for (int v = from; v <= q; v += stride) {
            int[] stored = stored(v, q, scheme);
            for (int col = 0; col < cols; col++) {
                for (int s = 0; s < slices; s++) {
                    digit[col][s] = (stored[col] >>> (s * bitsPerCell)) & (levels - 1);
                    p[col][s][digit[col][s]]++;
                }
            }
            for (int c1 = 0; c1 < cols; c1++) {
                for (int c2 = 0; c2 < cols; c2++) {
                    for (int s = 0; s < slices; s++) {
                        for (int t = 0; t < slices; t++) {
                            joint[c1][c2][s][t] += (double) digit[c1][s] * digit[c2][t];
                        }
                    }
                }
            }
            count++;
        }
        for (double[][] col : p) {
            for (double[] s : col) {
                for (int l = 0; l < s.length; l++) {
                    s[l] /= count;
                }
            }
        }
        for (double[][][] c1 : joint) {
            for (double[][] c2 : c1) {
                for (double[] s : c2) {
                    for (int t = 0; t < s.length; t++) {
                        s[t] /= count;
                    }
                }
            }
        }
        return new Levels(p, joint);
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
