package org.memdse.cost.wire;

import org.memdse.core.arch.TransistorFlavour;

/**
 * The logic transistors that drive wires (repeaters, row drivers): the 22 nm predictive models
 * DNN+NeuroSim V1.4 uses (Technology.cpp, PTM 22nm.pm for HP and 22nm_LP.pm for LSTP, 300 K;
 * docs/reference/wires.md §3), with its on-resistance rule (formula.cpp, from CACTI:
 * R = effective-resistance multiplier × V_dd / (I_on × W)) and gate capacitance per width
 * (C_ideal + overlap 0.2 × C_ideal + C_fringe). A minimum inverter has a 2 F NMOS (NeuroSim
 * constant.h MIN_NMOS_SIZE) and a PMOS sized for equal drive. Other nodes scale at constant
 * field: a transistor n F wide keeps its 22 nm resistance, capacitances scale with F.
 *
 * @param onN        NMOS on-current per width, A/m (= µA/µm)
 * @param onP        PMOS on-current per width, A/m
 * @param capIdeal   ideal gate capacitance per width, F/m
 * @param capFringe  fringe capacitance per width, F/m
 * @param multiplier CACTI's effective-resistance multiplier
 * @param offN       NMOS off-current per width, A/m
 * @param offP       PMOS off-current per width, A/m
 */
public record Transistors(double onN, double onP, double capIdeal, double capFringe, double multiplier, double offN,
                          double offP) {
    /** Minimum NMOS width in F (NeuroSim constant.h MIN_NMOS_SIZE). */
    public static final double MIN_WIDTH_F = 2;
    /** The node the transistor data are for, m. */
    static final double ANCHOR_NODE = 22e-9;
    /** V_dd of both PTM 22 nm cards, V. */
    static final double ANCHOR_VDD = 0.85;

    /** PTM 22nm.pm: I_on 1,500 / 1,320 uA/um, C 3.287e-10 + 4.532e-10 F/m, x1.54, I_off 100.2 / 100.2 nA/um. */
    static final Transistors HP = new Transistors(1500, 1320, 3.287e-10, 4.532e-10, 1.54, 100.2e-3, 100.2e-3);
    /** PTM 22nm_LP.pm: I_on 791.9 / 600.2 uA/um, C 5.245e-10 + 8.004e-10 F/m, x1.77, I_off 100 / 100 pA/um. */
    static final Transistors LSTP = new Transistors(791.9, 600.2, 5.245e-10, 8.004e-10, 1.77, 100e-6, 100e-6);

    public static Transistors of(TransistorFlavour flavour) {
        return flavour == TransistorFlavour.LSTP ? LSTP : HP;
    }

    /** Gate capacitance per width, F/m. */
    public double gateCapacitancePerWidth() {
        return capIdeal * 1.2 + capFringe;
    }

    /** PMOS width over NMOS width for equal drive. */
    public double pToN() {
        return onN / onP;
    }

    /** Gate capacitance of a transistor {@code widthF} F wide at node {@code f}, F. */
    public double gateCapacitance(double widthF, double f) {
        return gateCapacitancePerWidth() * widthF * f;
    }

    /** Output resistance of a minimum inverter, Ohm (node-independent at constant field). */
    public double minimumInverterResistance() {
        return multiplier * ANCHOR_VDD / onN / (MIN_WIDTH_F * ANCHOR_NODE);
    }

    /** Input capacitance of a minimum inverter at node {@code f}, F. */
    public double minimumInverterInput(double f) {
        return gateCapacitance(MIN_WIDTH_F * (1 + pToN()), f);
    }

    /** Leakage of an inverter whose NMOS and PMOS are {@code nF} and {@code pF} F wide, half of them off, W. */
    public double leakage(double nF, double pF, double f, double vdd) {
        return 0.5 * (offN * nF + offP * pF) * f * vdd;
    }
}
