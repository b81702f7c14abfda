package org.memdse.cost.wire;

/**
 * Resistance, capacitance and pitch per length of on-chip wires, by node and layer: the one
 * source of wire parasitics in memdse (the figures, their sources and worked values are in
 * docs/reference/wires.md).
 *
 * <p><b>Row and column lines</b> ({@link WireLayer#ROW}, {@link WireLayer#COLUMN}), as DNN+NeuroSim
 * V1.4 computes them (Param.cpp, SubArray.cpp; wires.md §1):
 * <ul>
 *   <li>width per node: Param.cpp's Metal0 (column lines) and Metal1 (row lines) table, 175 nm at
 *       130 nm down to 8 / 10 nm at 1 nm (40 nm at 22 nm, 80 nm at 45 nm), with its barrier thickness;</li>
 *   <li>aspect ratio and bulk resistivity by width (Param.cpp, e.g. AR 1.9 and 2.97e-8 Ohm m for
 *       40-56 nm), and the barrier's share of the cross-section removed:
 *       rho_eff = rho / (1 - (2 AR w + w) b / (AR w^2)); R per length = rho_eff / (AR w^2);</li>
 *   <li>capacitance 0.2 fF/um at every node (SubArray.cpp: capRow = lengthRow x 0.2e-15/1e-6);</li>
 *   <li>pitch twice the width (equal line and space).</li>
 * </ul>
 * A row wire at 22 nm is 11.6 Ohm/um, at 45 nm 2.60 Ohm/um.
 *
 * <p><b>Semi-global and global wires</b> ({@link WireLayer#SEMI_GLOBAL}, {@link WireLayer#GLOBAL}),
 * as CACTI 7.0 computes them (technology.cc, "conservative" interconnect projection, CACTI's
 * default; wires.md §2): pitch 4 F and 8 F, width and spacing half the pitch, thickness = aspect
 * ratio x width (2.0 semi-global, 2.2 global), per node a barrier thickness, a scattering factor,
 * an interlayer-dielectric thickness and a horizontal dielectric constant; global wires lose 10 %
 * of their thickness to dishing. R = alpha rho / ((t - b - d)(w - 2b)) with rho = 0.022 Ohm um;
 * C = 2 eps0 (k_vert w / t_ild + miller k_horiz t / s) + 0.115 fF/um with k_vert = 3.9 and a Miller
 * factor of 1.5. At 22 nm: semi-global 7.15 Ohm/um and 0.247 fF/um, global 1.65 Ohm/um and
 * 0.260 fF/um.
 *
 * <p>Between tabulated nodes resistance and capacitance are interpolated in log-log; outside the
 * tables resistance scales as 1/F^2 (width and height both scale with F) and capacitance per
 * length stays (every dimension of the cross-section scales alike).
 */
public final class WireTechnology {
    /** Capacitance per length of a row or column line, F/m (NeuroSim: 0.2 fF/um). */
    static final double LOCAL_CAPACITANCE_PER_METER = 0.2e-15 / 1e-6;

    /** Param.cpp: node (nm), Metal0 width, Metal1 width (nm), barrier thickness (nm). */
    private static final double[][] LOCAL = {
        {130, 175, 175, 10.0},
        {90, 110, 110, 10.0},
        {65, 105, 105, 7.0},
        {45, 80, 80, 5.0},
        {32, 56, 56, 4.0},
        {22, 40, 40, 2.5},
        {14, 32, 39, 2.5},
        {10, 22, 32, 2.0},
        {7, 20, 28.5, 2.0},
        {5, 15, 17, 2.0},
        {3, 12, 16, 1.5},
        {2, 10, 11.5, 0.5},
        {1, 8, 10, 0.2},
    };

    /** Param.cpp: lower width bound (nm), aspect ratio, bulk resistivity (Ohm m), widest first. */
    private static final double[][] LOCAL_BINS = {
        {175, 1.6, 2.01e-8},
        {110, 1.6, 2.20e-8},
        {105, 1.7, 2.21e-8},
        {80, 1.7, 2.37e-8},
        {56, 1.8, 2.63e-8},
        {40, 1.9, 2.97e-8},
        {32, 2.0, 3.25e-8},
        {22, 2.0, 3.95e-8},
        {20, 2.0, 4.17e-8},
        {15, 2.0, 4.98e-8},
        {12, 2.0, 5.8e-8},
        {10, 2.0, 6.61e-8},
        {8, 3.0, 7.87e-8},
    };

    /**
     * CACTI 7.0 technology.cc, conservative projection: node (nm), barrier (um), scattering factor,
     * ILD thickness semi-global and global (um), horizontal dielectric constant.
     */
    private static final double[][] UPPER = {
        {90, 0.008, 1.00, 0.480, 1.100, 3.038},
        {65, 0.006, 1.00, 0.405, 0.770, 2.734},
        {45, 0.004, 1.00, 0.315, 0.550, 2.460},
        {32, 0.003, 1.00, 0.210, 0.385, 2.214},
        {22, 0.003, 1.05, 0.150, 0.275, 2.104},
        {16, 0.002, 1.05, 0.108, 0.198, 1.998},
    };
    /** CACTI const.h CU_RESISTIVITY, Ohm um (conservative projection). */
    private static final double CU_RESISTIVITY = 0.022;
    /** CACTI const.h PERMITTIVITY_FREE_SPACE, F/um. */
    private static final double EPSILON0 = 8.854e-18;
    private static final double FRINGE = 0.115e-15;
    private static final double MILLER = 1.5;
    private static final double K_VERTICAL = 3.9;

    private WireTechnology() {
    }

    /** Resistance per length of a {@code layer} wire at {@code nodeMeters}, Ohm/m. */
    public static double resistancePerMeter(double nodeMeters, WireLayer layer) {
        return interpolated(nodeMeters, layer, true);
    }

    /** Capacitance per length of a {@code layer} wire at {@code nodeMeters} (to ground and neighbours), F/m. */
    public static double capacitancePerMeter(double nodeMeters, WireLayer layer) {
        return interpolated(nodeMeters, layer, false);
    }

    /** Centre-to-centre distance of two neighbouring wires of {@code layer}, m. */
    public static double pitch(double nodeMeters, WireLayer layer) {
        return switch (layer) {
            case ROW, COLUMN -> 2 * localWidthNm(nodeMeters, layer) * 1e-9;
            case SEMI_GLOBAL -> 4 * nodeMeters;
            case GLOBAL -> 8 * nodeMeters;
        };
    }

    private static double interpolated(double nodeMeters, WireLayer layer, boolean resistance) {
        boolean local = layer == WireLayer.ROW || layer == WireLayer.COLUMN;
        if (local && !resistance) {
            return LOCAL_CAPACITANCE_PER_METER;
        }
        double[][] table = local ? LOCAL : UPPER;
        double nm = nodeMeters * 1e9;
        int last = table.length - 1;
        if (nm >= table[0][0]) {
            return at(0, layer, resistance) * (resistance ? sq(table[0][0] / nm) : 1);
        }
        if (nm <= table[last][0]) {
            return at(last, layer, resistance) * (resistance ? sq(table[last][0] / nm) : 1);
        }
        for (int i = 0; i < last; i++) {
            double big = table[i][0];
            double small = table[i + 1][0];
            if (nm <= big && nm >= small) {
                double t = Math.log(big / nm) / Math.log(big / small);
                double a = Math.log(at(i, layer, resistance));
                double b = Math.log(at(i + 1, layer, resistance));
                return Math.exp(a + t * (b - a));
            }
        }
        throw new IllegalStateException("node " + nm + " nm not inside the wire tables");
    }

    /** The value at tabulated node {@code i} of the layer's table, SI units per metre. */
    private static double at(int i, WireLayer layer, boolean resistance) {
        return switch (layer) {
            case ROW, COLUMN -> localResistance(LOCAL[i][layer == WireLayer.COLUMN ? 1 : 2], LOCAL[i][3]);
            case SEMI_GLOBAL, GLOBAL -> upper(UPPER[i], layer == WireLayer.GLOBAL, resistance);
        };
    }

    private static double localWidthNm(double nodeMeters, WireLayer layer) {
        double nm = nodeMeters * 1e9;
        int column = layer == WireLayer.COLUMN ? 1 : 2;
        // The width of the nearest tabulated node at or below this one, scaled with F beyond the table.
        if (nm >= LOCAL[0][0]) {
            return LOCAL[0][column] * nm / LOCAL[0][0];
        }
        int last = LOCAL.length - 1;
        if (nm <= LOCAL[last][0]) {
            return LOCAL[last][column] * nm / LOCAL[last][0];
        }
        for (int i = 0; i < last; i++) {
            if (nm <= LOCAL[i][0] && nm >= LOCAL[i + 1][0]) {
                double t = Math.log(LOCAL[i][0] / nm) / Math.log(LOCAL[i][0] / LOCAL[i + 1][0]);
                return Math.exp(Math.log(LOCAL[i][column]) + t * (Math.log(LOCAL[i + 1][column]) - Math.log(LOCAL[i][column])));
            }
        }
        throw new IllegalStateException("node " + nm + " nm not inside the wire table");
    }

    /** NeuroSim's row/column line resistance for a width and barrier thickness (nm), Ohm/m. */
    private static double localResistance(double widthNm, double barrierNm) {
        double[] bin = LOCAL_BINS[LOCAL_BINS.length - 1];
        for (double[] b : LOCAL_BINS) {
            if (widthNm >= b[0]) {
                bin = b;
                break;
            }
        }
        double ar = bin[1];
        double rho = bin[2] / (1 - (2 * ar * widthNm + widthNm) * barrierNm / (ar * widthNm * widthNm));
        double w = widthNm * 1e-9;
        return rho / (w * w * ar);
    }

    /** CACTI's semi-global or global wire at one tabulated node, Ohm/m or F/m. */
    private static double upper(double[] row, boolean global, boolean resistance) {
        double fUm = row[0] * 1e-3;
        double pitch = (global ? 8 : 4) * fUm;
        double width = pitch / 2;
        double spacing = pitch - width;
        double thickness = (global ? 2.2 : 2.0) * width;
        double barrier = row[1];
        if (resistance) {
            double dishing = global ? 0.1 * thickness : 0;
            double ohmPerUm = row[2] * CU_RESISTIVITY / ((thickness - barrier - dishing) * (width - 2 * barrier));
            return ohmPerUm * 1e6;
        }
        double ild = global ? row[4] : row[3];
        double vertical = 2 * EPSILON0 * K_VERTICAL * width / ild;
        double sidewall = 2 * EPSILON0 * MILLER * row[5] * thickness / spacing;
        return (vertical + sidewall + FRINGE) * 1e6;
    }

    private static double sq(double x) {
        return x * x;
    }
}
