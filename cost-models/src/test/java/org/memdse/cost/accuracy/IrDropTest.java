package org.memdse.cost.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.CircuitNoise;
import org.memdse.core.arch.NonIdealities;
import org.memdse.core.arch.ProgrammingFit;
import org.memdse.core.arch.SignedWeights;

/**
 * IR drop on one bit line of N cells of conductance G, every row driven at V, sensed at one end
 * through segments of R_w: the worst (farthest) cell sees its line raised by R_w·G·V·N(N+1)/2 to
 * first order (segment k carries the current of the N − k + 1 cells beyond it).
 */
class IrDropTest {
    /** aihwkit's default: R_w = 0.35 Ohm per cell, G = 5 uS (R_w·G = 1.75e-6). */
    private static final double RW = 0.35;
    private static final double G = 5e-6;

    @Test
    void theClosedFormGivesTheHandCalculatedDrops() {
        // 1.75e-6 x 128 x 129 / 2 = 0.014448; x 256 x 257 / 2 = 0.057568; x 512 x 513 / 2 = 0.229824
        assertThat(ErrorBudget.worstCaseIrDrop(RW, G, 128)).isCloseTo(0.014448, within(1e-9));
        assertThat(ErrorBudget.worstCaseIrDrop(RW, G, 256)).isCloseTo(0.057568, within(1e-9));
        assertThat(ErrorBudget.worstCaseIrDrop(RW, G, 512)).isCloseTo(0.229824, within(1e-9));
    }

    @Test
    void anExactSolveOfTheLineAgreesWithTheClosedFormWhileTheDropIsSmall() {
        for (int n : new int[] {64, 128, 256}) {
            double exact = exactFarthestDrop(RW, G, n);
            double closed = ErrorBudget.worstCaseIrDrop(RW, G, n);
            // First order overestimates: the raised line draws less current. At 5.8 % the two differ by ~4 %.
            assertThat(exact).as("N = %d", n).isLessThan(closed).isCloseTo(closed, within(0.05 * closed));
        }
    }

    @Test
    void theFunctionalModelLosesTheFirstOrderCurrentOfAUniformLine() {
        // One column of N on-cells (weight 1 on a 1-bit cell, unsigned), every input 1: the exact sum is N;
        // the cells lose Σ_i G·V(i) = V·R_w·G²·Σ_i Σ_(k≤i) (N − k + 1) = V·G·N·R_w·G·(N + 1)(2N + 1)/6.
        int n = 128;
        NonIdealities wire = new NonIdealities(ProgrammingFit.CONSTANT, 0, 0, 0, 0, 1, 1, 0, 0, RW);
        LayerArithmetic a = new LayerArithmetic(n, 1, 1, 1, 1, false, 1, SignedWeights.UNSIGNED, 0, 1, false, G, 1e-15,
                wire, CircuitNoise.IDEAL);
        int[][] w = new int[n][1];
        int[][] x = new int[1][n];
        for (int i = 0; i < n; i++) {
            w[i][0] = 1;
            x[0][i] = 1;
        }
        double y = new CrossbarSimulator(a, w, 1).run(x)[0][0];
        double relativeLoss = RW * G * (n + 1) * (2 * n + 1) / 6.0;  // 1.75e-6 x 129 x 257 / 6 = 0.0096696
        assertThat(relativeLoss).isCloseTo(0.0096696, within(1e-7));
        assertThat((n - y) / n).isCloseTo(relativeLoss, within(1e-6));
    }

    /**
     * Node voltages of the line solved exactly (Kirchhoff at each node, the sense end at 0 V, cells
     * to V = 1): v_i (G + 2/R_w) − (v_(i−1) + v_(i+1))/R_w = G, the far end with one segment. Thomas
     * algorithm; returns v at the farthest node.
     */
    private static double exactFarthestDrop(double rw, double g, int n) {
        double c = 1 / rw;
        double[] lower = new double[n];
        double[] diag = new double[n];
        double[] upper = new double[n];
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            lower[i] = i == 0 ? 0 : -c;
            upper[i] = i == n - 1 ? 0 : -c;
            diag[i] = g + (i == n - 1 ? c : 2 * c);
            rhs[i] = g;
        }
        for (int i = 1; i < n; i++) {
            double m = lower[i] / diag[i - 1];
            diag[i] -= m * upper[i - 1];
            rhs[i] -= m * rhs[i - 1];
        }
        double[] v = new double[n];
        v[n - 1] = rhs[n - 1] / diag[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            v[i] = (rhs[i] - upper[i] * v[i + 1]) / diag[i];
        }
        return v[n - 1];
    }
}
