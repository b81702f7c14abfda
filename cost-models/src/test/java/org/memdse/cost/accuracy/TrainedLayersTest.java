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
import org.memdse.core.arch.SignedWeights;

/**
 * The analytic budget against functional inference on TRAINED layers with their real inputs: the
 * digits MLP's two layers and the digits CNN's three, each non-ideality alone (within 1.5 dB) and
 * all together (2 dB), the budget given the layer's weights and its inputs' statistics
 * ({@link Operands#of(LayerArithmetic, int[][], int[][])}). On synthetic digits always; on the
 * real ones when Debian's python3-sklearn is installed.
 */
class TrainedLayersTest {
    private static final double G_ON = 10e-6;
    private static final int WEIGHT_BITS = 7;
    private static final int INPUT_BITS = 5;

    static LayerArithmetic arithmetic(int rows, int adcBits, NonIdealities d, CircuitNoise c) {
        return new LayerArithmetic(rows, 1, WEIGHT_BITS, INPUT_BITS, 1, false, 2, SignedWeights.DIFFERENTIAL, adcBits, 8,
                false, G_ON, G_ON / 100, d, c);
    }

    /** The trained layers with their inputs over the data set (every {@code stride}-th vector). */
    static List<DigitsCnn.LayerData> layers(DigitsMlpTest.Digits d) {
        List<DigitsCnn.LayerData> out = new ArrayList<>();
        DigitsMlpTest.Mlp mlp = new DigitsMlpTest.Mlp(d, 42);
        double hiddenScale = DigitsMlpTest.hiddenScale(mlp, d);
        DigitsMlpTest.Quantised q1 = DigitsMlpTest.Quantised.of(mlp.w1, WEIGHT_BITS);
        DigitsMlpTest.Quantised q2 = DigitsMlpTest.Quantised.of(mlp.w2, WEIGHT_BITS);
        int n = d.y().length;
        int[][] x1 = new int[n][64];
        int[][] x2 = new int[n][];
        int top = (1 << INPUT_BITS) - 1;
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < 64; i++) {
                x1[s][i] = (int) d.x()[s][i];
            }
            double[] h = mlp.hidden(d.x()[s]);
            x2[s] = new int[h.length];
            for (int j = 0; j < h.length; j++) {
                x2[s][j] = (int) Math.min(top, Math.round(h[j] / hiddenScale));
            }
        }
        out.add(new DigitsCnn.LayerData("mlp fc1 64x32", q1.q(), x1));
        out.add(new DigitsCnn.LayerData("mlp fc2 32x10", q2.q(), x2));
        DigitsCnn cnn = new DigitsCnn(d, 7, 15);
        DigitsCnn.LayerData[] data = new DigitsCnn.LayerData[3];
        LayerArithmetic[] exact = {arithmetic(9, 0, NonIdealities.IDEAL, CircuitNoise.IDEAL),
            arithmetic(36, 0, NonIdealities.IDEAL, CircuitNoise.IDEAL),
            arithmetic(32, 0, NonIdealities.IDEAL, CircuitNoise.IDEAL)};
        cnn.crossbarAccuracy(d, WEIGHT_BITS, exact, 1, data);
        out.addAll(List.of(data));
        return out;
    }

    /** Every {@code stride}-th row, at most {@code max}. */
    private static int[][] sample(int[][] x, int max) {
        int stride = Math.max(1, x.length / max);
        int[][] out = new int[Math.min(max, (x.length + stride - 1) / stride)][];
        for (int k = 0; k < out.length; k++) {
            out[k] = x[k * stride];
        }
        return out;
    }

    static String table(DigitsMlpTest.Digits d, List<String> failures) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-28s %-16s %9s %9s %7s%n",
                "non-ideality", "trained layer", "analytic", "measured", "diff"));
        for (DigitsCnn.LayerData layer : layers(d)) {
            int rows = layer.weights().length;
            int[][] x = sample(layer.inputs(), 600);
            long[][] exact = CrossbarSimulator.exact(layer.weights(), x);
            for (AnalyticVsFunctionalTest.Case c : AnalyticVsFunctionalTest.cases()) {
                int needed = arithmetic(rows, 0, NonIdealities.IDEAL, CircuitNoise.IDEAL).bitsNeeded();
                int adc = c.adcBits() < 0 ? needed + c.adcBits() : c.adcBits();
                NonIdealities dev = c.device() != null ? c.device() : new NonIdealities(ProgrammingFit.CONSTANT, 0, 0, 0,
                        0, 1, 1, 0, 0, 0.05 / ErrorBudget.worstCaseIrDrop(1, G_ON, rows));
                LayerArithmetic a = arithmetic(rows, adc, dev, c.circuit());
                double analytic = ErrorBudget.db(ErrorBudget.combined(ErrorBudget.snr(a,
                        Operands.of(a, layer.weights(), x))));
                // Pooled over seeds (error powers add; a small layer needs many draws of its few cells).
                long cells = (long) rows * layer.weights()[0].length * a.slices() * a.columnsPerWeight();
                int seeds = (int) Math.max(10, Math.min(60, 100_000 / cells));
                double signal = 0;
                double error = 0;
                for (int seed = 1; seed <= seeds; seed++) {
                    double[][] y = new CrossbarSimulator(a, layer.weights(), seed).run(x);
                    for (int n = 0; n < x.length; n++) {
                        for (int j = 0; j < y[n].length; j++) {
                            signal += (double) exact[n][j] * exact[n][j];
                            error += Math.pow(y[n][j] - exact[n][j], 2);
                        }
                    }
                }
                double measuredDb = ErrorBudget.db(signal / error);
                double diff = analytic - measuredDb;
                table.append(String.format(Locale.ROOT, "%-28s %-16s %9.2f %9.2f %7.2f%n", c.name(), layer.name(),
                        analytic, measuredDb, diff));
                if (!(Math.abs(diff) <= c.toleranceDb())) {
                    failures.add(c.name() + " on " + layer.name());
                }
            }
        }
        return table.toString();
    }

    @Test
    void analyticSnrMatchesTheMeasuredSnrOnTrainedLayersOfSyntheticDigits() {
        List<String> failures = new ArrayList<>();
        String table = table(SyntheticDigits.generate(11, 1797), failures);
        System.out.println("synthetic digits\n" + table);
        assertThat(failures).as("analytic vs measured SNR (dB), trained layers:%n%s", table).isEmpty();
    }

    @Test
    void analyticSnrMatchesTheMeasuredSnrOnTrainedLayersOfTheDigits() throws IOException {
        DigitsMlpTest.Digits d = DigitsMlpTest.read();
        List<String> failures = new ArrayList<>();
        String table = table(d, failures);
        System.out.println("digits (python3-sklearn)\n" + table);
        assertThat(failures).as("analytic vs measured SNR (dB), trained layers:%n%s", table).isEmpty();
    }
}
