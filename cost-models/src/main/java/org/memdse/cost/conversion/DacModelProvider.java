package org.memdse.cost.conversion;

import java.util.List;
import java.util.Optional;
import org.memdse.core.arch.CellType;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Dac;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Anchor;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;
import org.memdse.cost.wire.Transistors;
import org.memdse.cost.wire.WireLayer;
import org.memdse.cost.wire.WireTechnology;

/**
 * Row drivers (1 bit, bit-serial inputs) and multi-bit DACs (docs/reference/wires.md §6).
 *
 * <p><b>Row driver</b> (a macro's 1-bit DAC): DRIVE charges the row line, E = C_row · V² +
 * C_drv · V_dd². C_row = cols × (C_cell + c_wire × cell width): the row wire (0.2 fF/µm,
 * {@link WireTechnology}, across a cell 12 F wide for 1T1R and 2 F for a crosspoint, DNN+NeuroSim
 * Param.cpp) and, for 1T1R cells, the gate of each cell's access transistor (minimum width,
 * {@link Transistors}). The swing V is the read voltage on a crosspoint row and V_dd on a 1T1R
 * word line, whose input switches the access transistors' gates (NeuroSim's word-line switch
 * matrix). C_drv is the driver's own input gate, a minimum inverter.
 *
 * <p><b>Multi-bit DAC</b> (and any DAC outside a macro): ISAAC's 1-bit DAC at 32 nm, per instance
 * 3.5 µW dynamic + 0.39 µW leakage over a 100 ns read cycle and 1.67e-7 mm² (puma-simulator
 * constants.py = Table I's 4 mW, 0.00017 mm² per 1024), is the unit: a b-bit DAC costs 2^(b−1)
 * units in energy (0.35 pJ each), leakage and area (binary-weighted unit elements; Accelergy's
 * hwcomponents resolution rule), scaled from 32 nm with Stillmaker &amp; Baas; in a macro it also
 * charges the row line at the mean square of its levels' voltages. Row drivers keep the unit's area
 * and leakage. DRIVE latency: the macro's read pulse (the driver holds the row for the read), or
 * one clock cycle outside a macro. Pulse-width encoding uses no DAC (see {@link InputEncodingTiming}).
 */
public final class DacModelProvider implements ComponentModelProvider {
    /** puma-simulator constants.py (ISAAC): 1-bit DAC dynamic power, W, at a 100 ns cycle. */
    static final double DAC1_POWER = 0.0035e-3;
    static final double ISAAC_CYCLE = 100e-9;
    /** 1-bit DAC drive energy at 32 nm, J: 0.35 pJ. */
    static final double DAC1_ENERGY = DAC1_POWER * ISAAC_CYCLE;
    static final double DAC1_LEAK = 0.00039e-3;
    static final double DAC1_AREA = 1.67e-7 * 1e-6;
    static final int MAX_BITS = 12;
    /** Width of a cell along its row, in F: 1T1R 12 F, crosspoint 2 F (DNN+NeuroSim Param.cpp). */
    static final double CELL_1T1R_WIDTH_F = 12;
    static final double CELL_CROSSPOINT_WIDTH_F = 2;

    @Override
    public String name() {
        return "dac-row-line";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Row line C V^2: DNN+NeuroSim V1.4 Param.cpp cell widths and SubArray.cpp 0.2 fF/um "
                        + "row wire; PTM 22 nm gate capacitance (wires.md §1, §3, §6)"),
                new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: 1-bit DAC 4 mW, 0.00017 mm^2 per 1024 "
                        + "(per unit via puma-simulator constants.py; published-figures.md §1.1, §2.2)"),
                new Citation("Accelergy hwcomponents scaling: resolution scales area and energy by 2^(delta bits)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        Dac dac = query.spec(Dac.class);
        if (dac == null) {
            return Support.notFor("not a DAC");
        }
        if (dac.bits() > MAX_BITS) {
            return Support.no("DAC with " + dac.bits() + " bits: above " + MAX_BITS
                    + " bits the binary-weighted scaling from a 1-bit driver is meaningless");
        }
        return Support.accuracy(dac.bits() == 1 ? 50 : 30);
    }

    /** Energy of one drive of a b-bit DAC at {@code tech}, J. */
    public static double driveEnergy(int bits, Technology tech) {
        return Anchor.ISAAC_32NM.energy(Math.pow(2, bits - 1) * DAC1_ENERGY, tech);
    }

    /** Area of a b-bit DAC at {@code tech}, m^2. */
    public static double area(int bits, Technology tech) {
        return Anchor.ISAAC_32NM.area(Math.pow(2, bits - 1) * DAC1_AREA, tech);
    }

    /** Leakage of a b-bit DAC at {@code tech}, W. */
    public static double leakage(int bits, Technology tech) {
        return Anchor.ISAAC_32NM.leakage(Math.pow(2, bits - 1) * DAC1_LEAK, tech);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        Dac dac = query.spec(Dac.class);
        Technology tech = query.technology();
        Optional<Macro> macro = MacroLookup.macroOf(query);
        double latency = macro.map(Macro::crossbars).map(c -> c.device().tRead()).orElse(1 / tech.clockHz());
        double energy = macro.map(m -> rowLineEnergy(m.crossbars(), dac.bits(), tech)).orElse(0.0)
                + (macro.isEmpty() || dac.bits() > 1 ? driveEnergy(dac.bits(), tech) : 0);
        return Costs.builder()
                .area(area(dac.bits(), tech))
                .leakage(leakage(dac.bits(), tech))
                .action(Action.DRIVE, energy, latency)
                .build();
    }

    /**
     * Energy of driving one row of {@code x} once with a b-bit input, J: C_row · V² (V² the mean
     * square of the levels' voltages for b ≥ 2) plus the driver's input gate at V_dd.
     */
    public static double rowLineEnergy(Crossbars x, int bits, Technology tech) {
        double f = tech.nodeMeters();
        Transistors t = Transistors.of(tech.flavour());
        boolean oneT = x.cell() == CellType.ONE_T_ONE_R;
        double cellWidth = (oneT ? CELL_1T1R_WIDTH_F : CELL_CROSSPOINT_WIDTH_F) * f;
        double perCell = WireTechnology.capacitancePerMeter(f, WireLayer.ROW) * cellWidth
                + (oneT ? t.gateCapacitance(Transistors.MIN_WIDTH_F, f) : 0);
        double swing = oneT ? tech.vdd() : x.device().vRead();
        double levels = Math.pow(2, bits) - 1;
        // Mean of (k / levels)^2 over k = 0..levels: (2 levels + 1) / (6 levels); 1/2 for one bit, the
        // activity of the 1-bits being counted by the evaluator, so a 1-bit drive is the full swing.
        double meanSquare = bits == 1 ? 1 : (2 * levels + 1) / (6 * levels);
        return x.cols() * perCell * swing * swing * meanSquare
                + t.minimumInverterInput(f) * tech.vdd() * tech.vdd();
    }
}
