package org.memdse.cost.learning;

/**
 * The non-linear conductance update of DNN+NeuroSim (manual §8, wage_quantizer.py;
 * docs/reference/learning.md A.1): g(p) = B (1 − e^(−p/A)) with g and the pulse count p
 * normalised to [0, 1] and B = 1 / (1 − e^(−1/A)), so one pulse moves a cell less the further
 * it has gone. NeuroSim names a curve by a label NL and maps it to A through a 900-entry table;
 * memdse carries the five table points read from it and interpolates between them.
 */
public final class UpdateCurve {
    /** (label, A / P_max) read from NeuroSim's GetParamA table (docs/reference/learning.md A.1). */
    private static final double[] LABELS = {1.00, 1.46, 1.75, 2.40, 4.88};
    private static final double[] A_NORM = {1.2517, 0.8487, 0.7021, 0.4992, 0.2003};
    /** Beyond this A the curve is linear to better than 1e-4 (η − 1 ≈ 1/(12 A²)). */
    private static final double LINEAR_A = 100;

    private UpdateCurve() {
    }

    /**
     * A / P_max for a NeuroSim label: 0 is linear (A infinite); between the table points
     * log-log interpolation; below the first point A = 1.2517 / NL and above the last
     * A = 0.2003 × 4.88 / NL, the table's own A × NL ≈ constant trend at its ends.
     */
    public static double aNormalised(double label) {
        if (label <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (label <= LABELS[0]) {
            return A_NORM[0] * LABELS[0] / label;
        }
        int last = LABELS.length - 1;
        if (label >= LABELS[last]) {
            return A_NORM[last] * LABELS[last] / label;
        }
        int i = 0;
        while (label > LABELS[i + 1]) {
            i++;
        }
        double t = Math.log(label / LABELS[i]) / Math.log(LABELS[i + 1] / LABELS[i]);
        return Math.exp(Math.log(A_NORM[i]) + t * Math.log(A_NORM[i + 1] / A_NORM[i]));
    }

    /**
     * Mean pulses per device step on a curve of this label, relative to a linear device. A cell
     * that takes random up and down pulses walks evenly over its pulse states p (not its
     * conductances), and at state p one unit of normalised conductance takes dp/dg = A e^(p/A) / B
     * pulses; over p uniform in [0, 1] that averages A² (e^(1/A) − 1)(1 − e^(−1/A)), which is 1 for
     * a linear device (A → ∞) and grows with the label: 1.18 at 1.75, 1.11 at 1.46, 5.8 at 4.88.
     */
    public static double pulsesPerStep(double label) {
        double a = aNormalised(label);
        if (a > LINEAR_A) {
            return 1;
        }
        return a * a * Math.expm1(1 / a) * -Math.expm1(-1 / a);
    }
}
