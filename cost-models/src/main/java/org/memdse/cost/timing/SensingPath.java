package org.memdse.cost.timing;

import org.memdse.core.arch.CellType;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.Technology;
import org.memdse.cost.conversion.AdcModelProvider;
import org.memdse.cost.wire.Transistors;
import org.memdse.cost.wire.WireLayer;
import org.memdse.cost.wire.WireTechnology;

/**
 * The path a macro without sample-and-hold senses a column through, in one clock cycle
 * (DNN+NeuroSim V1.4 SubArray.cpp CalculateLatency, conventional parallel read, whose clock in
 * synchronous mode is β × this path: docs/reference/timing.md §3):
 * <ul>
 *   <li><b>row line</b>: a tapered driver charges the row, then the distributed line settles:
 *       t = FO4 · log4(C_row / C_in) + 0.38 · R_row · C_row (logical effort: stage effort 4;
 *       Elmore delay of a distributed RC line, 0.38 RC). C_row and R_row: the row wire across
 *       the cells (12 F for 1T1R, 2 F for a crosspoint; {@link WireTechnology}'s row layer) and the
 *       access transistors' gates;</li>
 *   <li><b>column</b>: the column line settles through the cells of the driven rows until the
 *       sense amplifier sees a 20 % swing: t = 0.2 · C_col · R̄ / (rows / 2) (NeuroSim V1.4
 *       SubArray.cpp: "15~20% voltage drop is enough for sensing", R̄ the mean cell resistance);
 *       C_col: the column wire across the cells (4 F each) and a drain per cell;</li>
 *   <li><b>multiplexer</b> (columns per ADC &gt; 1): its decoder, log2(k) gates, and the pass gate,
 *       one FO4 each;</li>
 *   <li><b>converter</b>: the part of a conversion one cycle holds ({@link AdcModelProvider#stepTime}):
 *       a whole flash conversion, one SAR bit cycle.</li>
 * </ul>
 * FO4 = ln 2 · R_inv · 5 C_in of a minimum inverter of the technology's flavour ({@link Transistors}:
 * four loads and its own drain), ∝ F.
 *
 * @param rowLine     row driver and row-line settling, s
 * @param column      column settling, s
 * @param multiplexer column multiplexer and its decoder, s
 * @param converter   the converter's step, s
 */
public record SensingPath(double rowLine, double column, double multiplexer, double converter) {
    /** Elmore delay of a distributed RC line: 0.38 R C (Rabaey, Chandrakasan, Nikolic, Digital Integrated Circuits, 2nd ed., §4.4.4). */
    static final double DISTRIBUTED_RC = 0.38;
    /** Swing the sense amplifier needs: NeuroSim V1.4 SubArray.cpp CalculateLatency, colDelay = 0.2 tau. */
    static final double SENSE_SWING = 0.2;
    /** Cell height along the column, F: NeuroSim Param.cpp 1T1R 4 F x 12 F; a crosspoint 2 F. */
    static final double CELL_1T1R_HEIGHT_F = 4;
    static final double CELL_1T1R_WIDTH_F = 12;
    static final double CELL_CROSSPOINT_F = 2;
    /** Optimal stage effort of a driver chain (Sutherland, Sproull &amp; Harris, Logical Effort, 1999): 4. */
    static final double STAGE_EFFORT = 4;
    /**
     * Clock period over the slowest sensing path in NeuroSim's synchronous mode: β = 1.4 (DNN+NeuroSim
     * V1.4 Param.cpp:373, "validated" margin on the sensing path; main.cpp:285-302 sets the clock).
     */
    public static final double BETA = 1.4;

    /** The whole path, s. */
    public double total() {
        return rowLine + column + multiplexer + converter;
    }

    /** The path of {@code macro}'s columns at {@code tech}. */
    public static SensingPath of(Macro macro, Technology tech) {
        Crossbars x = macro.crossbars();
        double f = tech.nodeMeters();
        Transistors t = Transistors.of(tech.flavour());
        double fo4 = fo4(tech);
        boolean oneT = x.cell() == CellType.ONE_T_ONE_R;
        double cellGate = oneT ? t.gateCapacitance(Transistors.MIN_WIDTH_F, f) : 0;

        double rowLength = x.cols() * (oneT ? CELL_1T1R_WIDTH_F : CELL_CROSSPOINT_F) * f;
        double rowC = rowLength * WireTechnology.capacitancePerMeter(f, WireLayer.ROW) + x.cols() * cellGate;
        double rowR = rowLength * WireTechnology.resistancePerMeter(f, WireLayer.ROW);
        double stages = Math.max(1, Math.log(rowC / t.minimumInverterInput(f)) / Math.log(STAGE_EFFORT));
        double row = fo4 * stages + DISTRIBUTED_RC * rowR * rowC;

        double colLength = x.rows() * (oneT ? CELL_1T1R_HEIGHT_F : CELL_CROSSPOINT_F) * f;
        double colC = colLength * WireTechnology.capacitancePerMeter(f, WireLayer.COLUMN) + x.rows() * cellGate;
        Device d = x.device();
        double meanR = 2 / (d.gOn() + d.gOff());
        double column = SENSE_SWING * colC * meanR / Math.max(1, x.rows() / 2.0);

        int shared = Math.max(1, Math.min(macro.adc().columnsPerAdc(), x.cols()));
        double mux = shared > 1 ? fo4 * (Math.ceil(Math.log(shared) / Math.log(2)) + 1) : 0;
        return new SensingPath(row, column, mux, AdcModelProvider.stepTime(macro.adc(), tech));
    }

    /** Fan-out-of-4 inverter delay at {@code tech}: ln 2 · R_inv · (4 + 1) C_in, s. */
    public static double fo4(Technology tech) {
        Transistors t = Transistors.of(tech.flavour());
        return Math.log(2) * t.minimumInverterResistance() * 5 * t.minimumInverterInput(tech.nodeMeters());
    }

    /** One line for messages: the parts in ns. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "row line %.3f ns + column %.3f ns + multiplexer %.3f ns + converter %.3f ns",
                rowLine * 1e9, column * 1e9, multiplexer * 1e9, converter * 1e9);
    }
}
