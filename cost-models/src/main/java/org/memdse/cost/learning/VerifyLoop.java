package org.memdse.cost.learning;

/**
 * A program-and-verify loop as expected values (no tool prices one; docs/reference/learning.md
 * A.6): after the open-loop pulses a cell's conductance error is Gaussian with σ0; each iteration
 * reads the cell, and if the error exceeds the tolerance τ, gives one corrective pulse whose
 * result errs with σ1 (one pulse's cycle-to-cycle spread), up to {@code maxIterations} reads.
 * With p0 = P(|e| > τ | σ0) and p1 = P(|e| > τ | σ1): reads per cell
 * 1 + p0 (1 − p1^(M−1)) / (1 − p1), corrective pulses (reads − 1); the cells still out of tolerance
 * after M reads, r = p0 p1^(M−1), keep σ1, the others lie within ±τ (σ at most τ/√3).
 *
 * @param readsPerCell     expected verify reads per written cell
 * @param pulsesPerCell    expected corrective pulses per written cell
 * @param iterationsPerRow expected iterations of a row of {@code columns} cells (until its last
 *                         cell passes, at most the bound)
 * @param sigma            standard deviation of the written conductance, same unit as the inputs
 */
public record VerifyLoop(double readsPerCell, double pulsesPerCell, double iterationsPerRow, double sigma) {
    /**
     * @param sigma0        error after the open-loop pulses
     * @param sigma1        error of one corrective pulse
     * @param tolerance     accepted error τ
     * @param maxIterations bound M on the reads
     * @param columns       cells verified together in a row
     */
    public static VerifyLoop of(double sigma0, double sigma1, double tolerance, int maxIterations, int columns) {
        double p0 = outside(tolerance, sigma0);
        double p1 = outside(tolerance, sigma1);
        int m = Math.max(1, maxIterations);
        double tail = p1 >= 1 ? m - 1 : (1 - Math.pow(p1, m - 1)) / (1 - p1);
        double reads = 1 + p0 * tail;
        double pulses = reads - 1;
        // A row repeats until its last cell passes: the k with columns × p0 × p1^(k−1) < 1.
        double rowIterations = 1;
        if (p0 > 0 && columns * p0 >= 1) {
            rowIterations = p1 <= 0 ? 2 : 1 + Math.ceil(Math.log(columns * p0) / -Math.log(Math.max(p1, 1e-300)) + 1);
        }
        rowIterations = Math.min(m, rowIterations);
        double residual = p0 * Math.pow(p1, m - 1);
        double inside = Math.min(sigma0 * sigma0, tolerance * tolerance / 3);
        double sigma = Math.sqrt((1 - residual) * inside + residual * sigma1 * sigma1);
        return new VerifyLoop(reads, pulses, rowIterations, sigma);
    }

    /** P(|e| > τ) for e ~ N(0, σ²). */
    static double outside(double tolerance, double sigma) {
        if (sigma <= 0) {
            return 0;
        }
        return erfc(tolerance / (sigma * Math.sqrt(2)));
    }

    /** Complementary error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double r = poly * Math.exp(-z * z);
        return x >= 0 ? r : 2 - r;
    }
}
