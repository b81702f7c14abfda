package org.memdse.cost.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.CircuitNoise;
import org.memdse.core.arch.NonIdealities;
import org.memdse.core.arch.ProgrammingFit;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.eval.RankCorrelation;

/**
 * The handwritten digits Debian's python3-sklearn ships (8x8 images, 1,797 samples), a 64-32-10
 * MLP trained here in Java (seeded), and its inference through the modelled crossbars: exact
 * arithmetic matches the float network, accuracy falls with fewer ADC bits and more programming
 * error, and the analytic SNR ranks the swept points as the measured accuracy does.
 */
class DigitsMlpTest {
    static final Path DIGITS = Path.of(System.getProperty("memdse.digits",
            "/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz"));
    private static final int HIDDEN = 32;
    private static final int WEIGHT_BITS = 7;
    private static final int INPUT_BITS = 5;   // pixels are 0..16
    private static final double G_ON = 10e-6;

    record Digits(double[][] x, int[] y) {
    }

    static Digits read() throws IOException {
        assumeTrue(Files.isReadable(DIGITS), "the digits data needs Debian's scikit-learn: apt-get install python3-sklearn");
        List<double[]> xs = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(DIGITS)),
                StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] x = new double[64];
                for (int i = 0; i < 64; i++) {
                    x[i] = Double.parseDouble(f[i]);
                }
                xs.add(x);
                ys.add((int) Double.parseDouble(f[64]));
            }
        }
        return new Digits(xs.toArray(new double[0][]), ys.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A float MLP 64-32-10 (ReLU), trained by SGD on softmax cross-entropy. */
    static final class Mlp {
        final double[][] w1 = new double[64][HIDDEN];
        final double[] b1 = new double[HIDDEN];
        final double[][] w2 = new double[HIDDEN][10];
        final double[] b2 = new double[10];

        Mlp(Digits d, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            for (double[] row : w1) {
                for (int j = 0; j < HIDDEN; j++) {
                    row[j] = (r.nextDouble() * 2 - 1) * Math.sqrt(6.0 / 64);
                }
            }
            for (double[] row : w2) {
                for (int j = 0; j < 10; j++) {
                    row[j] = (r.nextDouble() * 2 - 1) * Math.sqrt(6.0 / HIDDEN);
                }
            }
            int[] order = new int[d.y().length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int epoch = 0; epoch < 40; epoch++) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = r.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                double lr = 0.01 / (1 + epoch * 0.1);
                for (int n : order) {
                    step(d.x()[n], d.y()[n], lr);
                }
            }
        }

        private void step(double[] x, int label, double lr) {
            double[] h = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double s = b1[j];
                for (int i = 0; i < 64; i++) {
                    s += x[i] / 16 * w1[i][j];
                }
                h[j] = Math.max(0, s);
            }
            double[] p = softmax(logits(h));
            p[label] -= 1;
            double[] dh = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                for (int k = 0; k < 10; k++) {
                    dh[j] += p[k] * w2[j][k];
                    w2[j][k] -= lr * p[k] * h[j];
                }
                dh[j] = h[j] > 0 ? dh[j] : 0;
            }
            for (int k = 0; k < 10; k++) {
                b2[k] -= lr * p[k];
            }
            for (int j = 0; j < HIDDEN; j++) {
                b1[j] -= lr * dh[j];
                for (int i = 0; i < 64; i++) {
                    w1[i][j] -= lr * dh[j] * x[i] / 16;
                }
            }
        }

        double[] hidden(double[] x) {
            double[] h = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double s = b1[j];
                for (int i = 0; i < 64; i++) {
                    s += x[i] / 16 * w1[i][j];
                }
                h[j] = Math.max(0, s);
            }
            return h;
        }

        double[] logits(double[] h) {
            double[] z = b2.clone();
            for (int j = 0; j < HIDDEN; j++) {
                for (int k = 0; k < 10; k++) {
                    z[k] += h[j] * w2[j][k];
                }
            }
            return z;
        }

        double accuracy(Digits d) {
            int ok = 0;
            for (int n = 0; n < d.y().length; n++) {
                ok += argmax(logits(hidden(d.x()[n]))) == d.y()[n] ? 1 : 0;
            }
            return (double) ok / d.y().length;
        }
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    static int argmax(double[] z) {
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Weights as integers in [−Q, Q] with the scale that maps them back. */
    record Quantised(int[][] q, double scale) {
        static Quantised of(double[][] w, int bits) {
            double max = 0;
            for (double[] row : w) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
            int top = (1 << bits) - 1;
            int[][] q = new int[w.length][w[0].length];
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[0].length; j++) {
                    q[i][j] = (int) Math.round(w[i][j] / max * top);
                }
            }
            return new Quantised(q, max / top);
        }
    }

    /** One design point: the crossbar arithmetic of both layers. */
    record Point(int adcBits, double sigma) {
        LayerArithmetic layer(int rows) {
            NonIdealities d = new NonIdealities(ProgrammingFit.CONSTANT, sigma, 0, 0, 0, 1, 1, 0, 0, 0);
            return new LayerArithmetic(rows, 1, WEIGHT_BITS, INPUT_BITS, 1, false, 2, SignedWeights.DIFFERENTIAL, adcBits,
                    8, false, G_ON, G_ON / 100, d, CircuitNoise.IDEAL);
        }

        double analyticSnrDb() {
            double nsr = 1 / ErrorBudget.combined(ErrorBudget.snr(layer(64)))
                    + 1 / ErrorBudget.combined(ErrorBudget.snr(layer(HIDDEN)));
            return -10 * Math.log10(nsr);
        }

        /** The same with the layers' trained weights (inputs uniform): what evaluate --weights computes. */
        double analyticSnrDb(Mlp m) {
            LayerArithmetic a1 = layer(64);
            LayerArithmetic a2 = layer(HIDDEN);
            double nsr = 1 / ErrorBudget.combined(ErrorBudget.snr(a1, Operands.of(a1, Quantised.of(m.w1, WEIGHT_BITS).q())))
                    + 1 / ErrorBudget.combined(ErrorBudget.snr(a2, Operands.of(a2, Quantised.of(m.w2, WEIGHT_BITS).q())));
            return -10 * Math.log10(nsr);
        }
    }

    /** Crossbar inference of the whole set with the point's arithmetic; accuracy. */
    static double crossbarAccuracy(Mlp m, Digits d, Point p, long seed, double hiddenScale) {
        Quantised q1 = Quantised.of(m.w1, WEIGHT_BITS);
        Quantised q2 = Quantised.of(m.w2, WEIGHT_BITS);
        int n = d.y().length;
        int[][] x = new int[n][64];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < 64; i++) {
                x[s][i] = (int) d.x()[s][i];
            }
        }
        double[][] y1 = new CrossbarSimulator(p.layer(64), q1.q(), seed).run(x);
        int top = (1 << INPUT_BITS) - 1;
        int[][] h = new int[n][HIDDEN];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < HIDDEN; j++) {
                double v = Math.max(0, y1[s][j] * q1.scale() / 16 + m.b1[j]);
                h[s][j] = (int) Math.min(top, Math.round(v / hiddenScale));
            }
        }
        double[][] y2 = new CrossbarSimulator(p.layer(HIDDEN), q2.q(), seed + 1).run(h);
        int ok = 0;
        for (int s = 0; s < n; s++) {
            double[] z = m.b2.clone();
            for (int k = 0; k < 10; k++) {
                z[k] += y2[s][k] * q2.scale() * hiddenScale;
            }
            ok += argmax(z) == d.y()[s] ? 1 : 0;
        }
        return (double) ok / n;
    }

    /** The hidden layer's quantisation step: its largest activation over the set / (2^bits − 1). */
    static double hiddenScale(Mlp m, Digits d) {
        double max = 0;
        for (double[] x : d.x()) {
            for (double v : m.hidden(x)) {
                max = Math.max(max, v);
            }
        }
        return max / ((1 << INPUT_BITS) - 1);
    }

    @Test
    void crossbarInferenceOfTheDigitsMlpFollowsTheAnalyticSnr() throws IOException {
        Digits d = read();
        assertThat(d.y()).hasSize(1797);
        System.out.println(check(d, new int[] {8, 6, 5, 4, 3}, new double[] {0, 0.05, 0.1, 0.2}, false, 0.9));
    }

    /**
     * The same on {@link SyntheticDigits} (always runs), over the grid where its accuracy goes from
     * the float network's to chance: exact arithmetic matches the float network and accuracy falls
     * with fewer ADC bits and more programming error. The SNR's ranking is printed, not held to 0.9:
     * on these (easy, float 100 %) digits, at equal SNR ADC truncation costs this MLP more accuracy
     * than programming error (6 bits without programming error: 84 %; 8 bits with sigma 0.1: 91 %
     * at a lower SNR), so neither budget ranks the 20 points at 0.9 (uniform 0.85, with the trained
     * weights 0.80). The CNN's points rank at 0.93 ({@link DigitsCnnTest}).
     */
    @Test
    void crossbarInferenceOfTheMlpOnSyntheticDigitsFollowsTheAnalyticSnr() {
        Digits d = SyntheticDigits.generate(11, 1797);
        int[] bits = {8, 7, 6, 5, 4};
        double[] sigmas = {0, 0.02, 0.05, 0.1};
        System.out.println("synthetic digits, uniform budget\n" + check(d, bits, sigmas, false, 0));
        System.out.println("synthetic digits, budget with the trained weights\n" + check(d, bits, sigmas, true, 0));
    }

    /**
     * {@code trained}: rank by the budget with the trained weights, else by the uniform budget;
     * {@code minSpearman}: the rank correlation the points must reach.
     */
    private static String check(Digits d, int[] adcBits, double[] sigmas, boolean trained, double minSpearman) {
        Mlp m = new Mlp(d, 42);
        double floatAccuracy = m.accuracy(d);
        double scale = hiddenScale(m, d);
        double exact = crossbarAccuracy(m, d, new Point(0, 0), 1, scale);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "float %.4f, exact crossbar arithmetic %.4f%n%8s %8s %12s %10s%n", floatAccuracy, exact, "adc bits",
                "sigma", "analytic dB", "accuracy"));
        assertThat(floatAccuracy).isGreaterThan(0.9);
        assertThat(Math.abs(exact - floatAccuracy)).as(table.toString()).isLessThanOrEqualTo(0.005);
        List<double[]> rows = new ArrayList<>();
        for (int bits : adcBits) {
            for (double sigma : sigmas) {
                Point p = new Point(bits, sigma);
                double accuracy = 0;
                for (int seed = 1; seed <= 2; seed++) {
                    accuracy += crossbarAccuracy(m, d, p, seed, scale) / 2;
                }
                double snr = trained ? p.analyticSnrDb(m) : p.analyticSnrDb();
                rows.add(new double[] {bits, sigma, snr, accuracy});
                table.append(String.format(Locale.ROOT, "%8d %8.2f %12.2f %10.4f%n", bits, sigma, snr, accuracy));
            }
        }
        double rho = RankCorrelation.spearman(rows.stream().mapToDouble(r -> r[2]).toArray(), rows.stream().mapToDouble(r -> r[3]).toArray());
        table.append(String.format(Locale.ROOT, "Spearman(analytic SNR, accuracy) = %.3f%n", rho));
        int fewest = adcBits[adcBits.length - 1];
        double most = sigmas[sigmas.length - 1];
        // Fewer ADC bits and more programming error cost accuracy.
        assertThat(accuracyAt(rows, fewest, 0)).as(table.toString()).isLessThan(accuracyAt(rows, adcBits[0], 0));
        assertThat(accuracyAt(rows, adcBits[0], most)).as(table.toString()).isLessThan(accuracyAt(rows, adcBits[0], 0));
        assertThat(rho).as(table.toString()).isGreaterThanOrEqualTo(minSpearman);
        return table.toString();
    }

    private static double accuracyAt(List<double[]> rows, int bits, double sigma) {
        return rows.stream().filter(r -> r[0] == bits && r[1] == sigma).findFirst().orElseThrow()[3];
    }
}
