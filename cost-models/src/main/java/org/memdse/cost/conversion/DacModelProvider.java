package org.memdse.cost.conversion;

import java.util.List;
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

/**
 * Row drivers (1 bit, bit-serial inputs) and multi-bit DACs. Anchor: ISAAC's 1-bit DAC at 32 nm,
 * per instance 3.5 µW dynamic + 0.39 µW leakage over a 100 ns read cycle and 1.67e-7 mm²
 * (puma-simulator constants.py = Table I's 4 mW, 0.00017 mm² per 1024). DRIVE energy
 * E(1) = 3.5 µW × 100 ns = 0.35 pJ. A b-bit DAC costs 2^(b−1) times a 1-bit driver in energy,
 * leakage and area (binary-weighted unit elements; the resolution rule of Accelergy's
 * hwcomponents scaling). Scaled from 32 nm with Stillmaker &amp; Baas. DRIVE latency: the macro's
 * read pulse (the driver holds the row for the read), or one clock cycle outside a macro.
 * Pulse-width encoding uses no DAC (see {@link InputEncodingTiming}).
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

    @Override
    public String name() {
        return "dac-isaac-scaled";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: 1-bit DAC 4 mW, 0.00017 mm^2 per 1024 "
                        + "(per unit via puma-simulator constants.py; published-figures.md §1.1, §2.2)"),
                new Citation("Accelergy hwcomponents scaling: resolution scales area and energy by 2^(delta bits)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        Dac dac = query.spec(Dac.class);
        if (dac == null) {
            return Support.no("not a DAC");
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
        double latency = MacroLookup.macroOf(query).map(Macro::crossbars).map(c -> c.device().tRead())
                .orElse(1 / tech.clockHz());
        return Costs.builder()
                .area(area(dac.bits(), tech))
                .leakage(leakage(dac.bits(), tech))
                .action(Action.DRIVE, driveEnergy(dac.bits(), tech), latency)
                .build();
    }
}
