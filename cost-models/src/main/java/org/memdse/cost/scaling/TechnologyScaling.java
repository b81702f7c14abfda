package org.memdse.cost.scaling;

/**
 * Technology scaling of area, energy and delay from the node (and supply) a figure was published
 * at to the node of the architecture.
 *
 * <p>Method, between 130 nm and 7 nm: Stillmaker &amp; Baas, "Scaling equations for the accurate
 * prediction of CMOS device performance from 180 nm to 7 nm", Integration 58 (2017) 74-81,
 * doi 10.1016/j.vlsi.2017.02.002: their area scaling factors and their per-node quadratic fits
 * of energy in V<sub>dd</sub> (E ∝ a·V² + b·V + c), in the tabulation Accelergy's
 * hwcomponents utilities use. Area: the factor relative to 130 nm (row "130 nm" of their area
 * table). Energy: the ratio of the two nodes' fitted polynomials at the two supplies. Between
 * tabulated nodes both are interpolated linearly in log(node) (areas in log-log).
 *
 * <p>Outside 130..7 nm the method falls back to classical constant-field (Dennard) scaling from
 * the nearest tabulated node: area ∝ F², energy ∝ F·V² (C ∝ F). Delay always scales classically,
 * ∝ F (Dennard 1974), since the tabulation carries no delay fits; delays matter little here
 * (most latencies are clock cycles or device pulse widths).
 *
 * <p>Leakage power is scaled with the energy factor, as Accelergy does for leakage.
 */
public final class TechnologyScaling {
    /** Tabulated nodes, m (Stillmaker &amp; Baas 2017). */
    private static final double[] NODES = {130e-9, 90e-9, 65e-9, 45e-9, 32e-9, 20e-9, 16e-9, 14e-9, 10e-9, 7e-9};
    /** Area relative to 130 nm (Stillmaker &amp; Baas 2017, area scaling table, 130 nm row). */
    private static final double[] AREA = {1, 0.44, 0.23, 0.16, 0.072, 0.033, 0.03, 0.027, 0.016, 0.0092};
    /** Energy fits a·V² + b·V + c per node (Stillmaker &amp; Baas 2017 energy fits). */
    private static final double[][] ENERGY = {
        {7.171, -6.709, 2.904},
        {4.762, -4.781, 2.092},
        {3.755, -4.398, 1.975},
        {1.103, -0.362, 0.2767},
        {0.9559, -0.7823, 0.471},
        {0.373, -0.1582, 0.04104},
        {0.2958, -0.1241, 0.03024},
        {0.2363, -0.09675, 0.02239},
        {0.2068, -0.09311, 0.02375},
        {0.1776, -0.09097, 0.02447},
    };

    private TechnologyScaling() {
    }

    /** Factor that turns an area at {@code fromNode} into one at {@code toNode} (nodes in m). */
    public static double areaFactor(double fromNode, double toNode) {
        return relativeArea(toNode) / relativeArea(fromNode);
    }

    /** Factor that turns an energy (or leakage power) at (fromNode, fromVdd) into one at (toNode, toVdd). */
    public static double energyFactor(double fromNode, double fromVdd, double toNode, double toVdd) {
        return relativeEnergy(toNode, toVdd) / relativeEnergy(fromNode, fromVdd);
    }

    /** Factor for a gate-limited delay: ∝ F (classical). */
    public static double delayFactor(double fromNode, double toNode) {
        return toNode / fromNode;
    }

    static double relativeArea(double node) {
        if (node >= NODES[0]) {
            return AREA[0] * sq(node / NODES[0]);
        }
        int last = NODES.length - 1;
        if (node <= NODES[last]) {
            return AREA[last] * sq(node / NODES[last]);
        }
        int i = segment(node);
        double t = Math.log(NODES[i] / node) / Math.log(NODES[i] / NODES[i + 1]);
        return Math.exp(Math.log(AREA[i]) + t * (Math.log(AREA[i + 1]) - Math.log(AREA[i])));
    }

    static double relativeEnergy(double node, double vdd) {
        if (node >= NODES[0]) {
            return poly(0, vdd) * (node / NODES[0]);
        }
        int last = NODES.length - 1;
        if (node <= NODES[last]) {
            return poly(last, vdd) * (node / NODES[last]);
        }
        int i = segment(node);
        double t = Math.log(NODES[i] / node) / Math.log(NODES[i] / NODES[i + 1]);
        return poly(i, vdd) + t * (poly(i + 1, vdd) - poly(i, vdd));
    }

    private static int segment(double node) {
        for (int i = 0; i < NODES.length - 1; i++) {
            if (node <= NODES[i] && node >= NODES[i + 1]) {
                return i;
            }
        }
        throw new IllegalStateException("node " + node + " not inside the table");
    }

    private static double poly(int i, double v) {
        double[] c = ENERGY[i];
        // Every fit has a negative discriminant (b² < 4ac), so the value is positive for every V.
        return c[0] * v * v + c[1] * v + c[2];
    }

    private static double sq(double x) {
        return x * x;
    }
}
