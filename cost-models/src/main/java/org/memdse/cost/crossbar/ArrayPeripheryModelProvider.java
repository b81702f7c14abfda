package org.memdse.cost.crossbar;

import java.util.List;
import org.memdse.core.arch.ArrayPeriphery;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TransistorFlavour;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * The line-selection circuits of one crossbar array, counted in transistors as DNN+NeuroSim
 * builds them (V1.3/V1.4 SubArray.cpp with its RowDecoder, SwitchMatrix, DFF and Mux classes):
 *
 * <ul>
 *   <li>rows: a row decoder (RowDecoder, REGULAR_ROW: per row a NAND2 and an output inverter,
 *       6 T) and a word-line switch matrix (SwitchMatrix, ROW_MODE: per row a DFF holding the
 *       row's input bit, 16 T as NeuroSim's master-slave DFF of 4 transmission gates and 4
 *       inverters, and one transmission gate that connects the row to the read voltage);</li>
 *   <li>columns: one column multiplexer transmission gate per column (Mux) and a mux decoder
 *       (RowDecoder, MUX mode) with {@code columns_per_adc} outputs of 8 T each (NAND2, inverter
 *       and the complementary pair of drivers for the gates).</li>
 * </ul>
 * The transmission gates that carry a line's current are sized for it, as NeuroSim sizes them
 * from the cell's on-resistance: a row carries at most cols · V_read · G_on, a column
 * rows · V_read · G_on, and each transistor of the gate is W = max(W_min, I / I_on) wide, with
 * W_min = 2F (constant.h MIN_NMOS_SIZE) and I_on the on-current per µm of the technology's flavour
 * (CACTI 6.5 technology.cc, 32 nm: HP 2211.7 µA/µm, LSTP 683.6 µA/µm).
 *
 * <p>Area, with NeuroSim's layout rules (constant.h, in F: MAX_TRANSISTOR_HEIGHT 28,
 * POLY_WIDTH 1.0, CONTACT_SIZE 1.3, MIN_GAP_BET_CONTACT_POLY 0.7, MIN_GAP_BET_P_AND_N_DIFFS
 * 3.5, MIN_WIDTH_POWER_RAIL 3.4; FormulaFunctions.cpp CalculateGateArea): a transistor of a
 * gate gets half the 28 F cell height and folds when wider than the diffusion height
 * (28 − 3.5 − 2·3.4)/2 = 8.85 F; n folds take (n + 1) contacts of 1.3 + 2·0.7 = 2.7 F and n
 * polys of 1 F, so a minimum transistor is (2·2.7 + 1)·14 = 89.6 F² and a wide one
 * ((n + 1)·2.7 + n)·14 F².
 *
 * <p>READ (one array read): the row DFFs are clocked and the switch and multiplexer gates
 * switch once: E = ½·C_g·W_total,switched·V_dd², with C_g = 5.7e-16 F/µm (HP) or 5.1e-16 F/µm
 * (LSTP) gate plus fringe capacitance (CACTI 6.5 technology.cc, 32 nm c_g_ideal + c_fringe); the
 * latency is the array's read pulse (the circuits act within it). Leakage: half the
 * transistors off, I_off · W · V_dd with I_off = 1.52e-7 A/µm (HP) or 2.06e-11 A/µm (LSTP)
 * (same source, 300 K).
 */
public final class ArrayPeripheryModelProvider implements ComponentModelProvider {
    static final double MIN_WIDTH_F = 2;
    static final double FOLD_HEIGHT_F = (28 - 3.5 - 2 * 3.4) / 2;
    static final double CONTACT_PITCH_F = 1.3 + 2 * 0.7;
    static final double POLY_F = 1.0;
    static final double HALF_CELL_HEIGHT_F = 28 / 2.0;
    static final int DECODER_T_PER_ROW = 6;
    static final int DFF_T = 16;
    static final int MUX_DECODER_T_PER_OUTPUT = 8;

    @Override
    public String name() {
        return "array-periphery-neurosim";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("DNN+NeuroSim V1.3/V1.4 SubArray.cpp, RowDecoder.cpp, SwitchMatrix.cpp, DFF.cpp, Mux.cpp: "
                        + "row decoder, WL switch matrix, column mux and mux decoder per subarray"),
                new Citation("DNN+NeuroSim constant.h and FormulaFunctions.cpp CalculateGateArea: 28 F cell height, contact and poly rules"),
                new Citation("CACTI 6.5 technology.cc (ITRS 2007, 32 nm): I_on, I_off, c_g_ideal + c_fringe for HP and LSTP"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(ArrayPeriphery.class) == null ? Support.notFor("not an array's periphery") : Support.accuracy(40);
    }

    /** Area of one transistor {@code widthF} wide (in F), F² (also the sleep switches' layout rule). */
    public static double transistorAreaF2(double widthF) {
        // In double: a switch for an extreme current is wider than an int count of folds.
        double folds = Math.max(1, Math.ceil(widthF / FOLD_HEIGHT_F - 1e-9));
        return ((folds + 1) * CONTACT_PITCH_F + folds * POLY_F) * HALF_CELL_HEIGHT_F;
    }

    /** Width in F of a transistor that carries {@code current} amperes at the flavour's on-current. */
    static double switchWidthF(double current, Technology tech) {
        double onPerMeter = (tech.flavour() == TransistorFlavour.LSTP ? 683.6e-6 : 2211.7e-6) / 1e-6;
        return Math.max(MIN_WIDTH_F, current / onPerMeter / tech.nodeMeters());
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        ArrayPeriphery p = query.spec(ArrayPeriphery.class);
        Technology tech = query.technology();
        Crossbars x = p.crossbars();
        Device d = x.device();
        double f = tech.nodeMeters();
        double rowSwitchF = switchWidthF(x.cols() * d.vRead() * d.gOn(), tech);
        double colSwitchF = switchWidthF(x.rows() * d.vRead() * d.gOn(), tech);
        double minArea = transistorAreaF2(MIN_WIDTH_F);
        double perRow = (DECODER_T_PER_ROW + DFF_T) * minArea + 2 * transistorAreaF2(rowSwitchF);
        double perCol = 2 * transistorAreaF2(colSwitchF);
        double muxDecoder = p.columnsPerAdc() > 1 ? p.columnsPerAdc() * MUX_DECODER_T_PER_OUTPUT * minArea : 0;
        double muxes = p.columnsPerAdc() > 1 ? x.cols() * perCol : 0;
        double areaF2 = x.rows() * perRow + muxes + muxDecoder;
        // Gate widths (in F) switched per read: row DFFs and row switches, column mux gates and their decoder.
        double switchedF = x.rows() * (DFF_T * MIN_WIDTH_F + 2 * rowSwitchF)
                + (p.columnsPerAdc() > 1 ? x.cols() * 2 * colSwitchF + muxDecoder / minArea * MIN_WIDTH_F : 0);
        double totalWidthF = x.rows() * ((DECODER_T_PER_ROW + DFF_T) * MIN_WIDTH_F + 2 * rowSwitchF)
                + (p.columnsPerAdc() > 1 ? x.cols() * 2 * colSwitchF + muxDecoder / minArea * MIN_WIDTH_F : 0);
        boolean lstp = tech.flavour() == TransistorFlavour.LSTP;
        double gateCapPerMeter = (lstp ? 5.11e-16 : 5.74e-16) / 1e-6;
        double offPerMeter = (lstp ? 2.06e-11 : 1.52e-7) / 1e-6;
        double energy = 0.5 * gateCapPerMeter * switchedF * f * tech.vdd() * tech.vdd();
        double leakage = 0.5 * offPerMeter * totalWidthF * f * tech.vdd();
        return Costs.builder()
                .area(areaF2 * f * f)
                .leakage(leakage)
                .action(Action.READ, energy, d.tRead())
                .build();
    }
}
