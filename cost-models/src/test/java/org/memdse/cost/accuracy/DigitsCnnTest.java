package org.memdse.cost.accuracy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.CircuitNoise;
import org.memdse.core.arch.NonIdealities;
import org.memdse.core.arch.ProgrammingFit;
import org.memdse.core.eval.RankCorrelation;

/**
 * The digits CNN ({@link DigitsCnn}: conv 1→4, pool, conv 4→8, pool, linear 32→10) through the
 * modelled crossbars: exact arithmetic matches the float network within 0.5 points, accuracy
 * falls with fewer ADC bits and more programming error, and the analytic SNR (the budget with the
 * layers' trained weights, inputs uniform: what {@code evaluate --weights} computes) ranks the
 * swept points as the measured accuracy does (Spearman at least 0.9). On synthetic digits always;
 * on the real ones when Debian's python3-sklearn is installed.
 */
class DigitsCnnTest {
    private static final int WEIGHT_BITS = 7;
    private static final int[] ROWS = {9, 36, 32};

    static LayerArithmetic[] point(int adcBits, double sigma) {
        NonIdealities d = new NonIdealities(ProgrammingFit.CONSTANT, sigma, 0, 0, 0, 1, 1, 0, 0, 0);
        LayerArithmetic[] a = new LayerArithmetic[ROWS.length];
        for (int l = 0; l < a.length; l++) {
            a[l] = TrainedLayersTest.arithmetic(ROWS[l], adcBits, d, CircuitNoise.IDEAL);
        }
        return a;
    }

    /** The network's analytic SNR, dB: the layers' noise-to-signal ratios add along the chain. */
    static double analyticDb(DigitsCnn cnn, LayerArithmetic[] a) {
        double[][][] w = {cnn.w1, cnn.w2, cnn.w3};
        double nsr = 0;
        for (int l = 0; l < a.length; l++) {
            int[][] q = DigitsMlpTest.Quantised.of(w[l], WEIGHT_BITS).q();
            nsr += 1 / ErrorBudget.combined(ErrorBudget.snr(a[l], Operands.of(a[l], q)));
        }
        return -10 * Math.log10(nsr);
    }

    static String check(DigitsMlpTest.Digits d) {
        DigitsCnn cnn = new DigitsCnn(d, 7, 15);
        double floatAccuracy = cnn.accuracy(d);
        double exact = cnn.crossbarAccuracy(d, WEIGHT_BITS, point(0, 0), 1, null);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "float %.4f, exact crossbar arithmetic %.4f%n%8s %8s %12s %10s%n", floatAccuracy, exact, "adc bits",
                "sigma", "analytic dB", "accuracy"));
        assertThat(floatAccuracy).as(table.toString()).isGreaterThan(0.9);
        assertThat(Math.abs(exact - floatAccuracy)).as(table.toString()).isLessThanOrEqualTo(0.005);
        List<double[]> rows = new ArrayList<>();
        // The grid spans the transition from the float accuracy to chance: beyond it every point is at
        // chance and only noise orders them.
        for (int bits : new int[] {8, 7, 6, 5, 4}) {
            for (double sigma : new double[] {0, 0.01, 0.02, 0.04}) {
                LayerArithmetic[] a = point(bits, sigma);
                double accuracy = cnn.crossbarAccuracy(d, WEIGHT_BITS, a, 1, null);
                double snr = analyticDb(cnn, a);
                rows.add(new double[] {bits, sigma, snr, accuracy});
                table.append(String.format(Locale.ROOT, "%8d %8.2f %12.2f %10.4f%n", bits, sigma, snr, accuracy));
            }
        }
        double rho = RankCorrelation.spearman(rows.stream().mapToDouble(r -> r[2]).toArray(),
                rows.stream().mapToDouble(r -> r[3]).toArray());
        table.append(String.format(Locale.ROOT, "Spearman(analytic SNR, accuracy) = %.3f%n", rho));
        String t = table.toString();
        assertThat(at(rows, 4, 0)).as(t).isLessThan(at(rows, 6, 0)).isLessThan(at(rows, 8, 0));
        assertThat(at(rows, 8, 0.04)).as(t).isLessThan(at(rows, 8, 0.01)).isLessThan(at(rows, 8, 0));
        assertThat(rho).as(t).isGreaterThanOrEqualTo(0.9);
        return t;
    }

    private static double at(List<double[]> rows, int bits, double sigma) {
        return rows.stream().filter(r -> r[0] == bits && r[1] == sigma).findFirst().orElseThrow()[3];
    }

    @Test
    void crossbarInferenceOfTheCnnOnSyntheticDigitsFollowsTheAnalyticSnr() {
        System.out.println("digits CNN, synthetic digits\n" + check(SyntheticDigits.generate(11, 1797)));
    }

    @Test
    void crossbarInferenceOfTheCnnOnTheDigitsFollowsTheAnalyticSnr() throws IOException {
        System.out.println("digits CNN, python3-sklearn digits\n" + check(DigitsMlpTest.read()));
    }
}
