package org.memdse.cost.interfaces;

import java.util.List;
import org.memdse.core.arch.ReservoirArray;
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
 * The reservoir array of dynamic memristors with its digital mask generator (its pulse drivers
 * and sampling ADCs are DAC and ADC components, priced by their own models).
 * <ul>
 *   <li>PULSE, one masked input pulse on one device: V x I x width of the characterised pulse the
 *       architecture gives (a two-terminal resistive device under a constant-voltage pulse
 *       dissipates V·I for as long as the pulse lasts; Zhong et al., Nat. Commun. 12, 408 (2021),
 *       Fig. 1e characterise their Ti/TiOx/TaOy/Pt devices with such pulses); latency the width.
 *       A reservoir layer with another pulse width scales the energy with it (the pass).</li>
 *   <li>COMPUTE, one multiply-accumulate of the mask generator (a mask value times an 8-bit input
 *       feature, summed over the features): an 8-bit multiply and an 8-bit add, 0.2 + 0.03 pJ at
 *       45 nm, 0.9 V (Horowitz, ISSCC 2014), scaled; one clock cycle.</li>
 *   <li>Peak power: every device pulsed at once (devices x V x I) with the mask generator
 *       computing every clock cycle, plus the leakage.</li>
 *   <li>Area: each device a 4F² crosspoint (the densest two-terminal cell) plus the mask generator,
 *       a small datapath with its register: one ISAAC S+A slice (6e-5 mm², 0.005 mW at 32 nm,
 *       as the encoder). Leakage: the mask generator's; a volatile memristor draws nothing between
 *       pulses (no bias, no refresh).</li>
 * </ul>
 */
public final class ReservoirArrayModelProvider implements ComponentModelProvider {
    static final double MUL8_45NM = 0.2e-12;
    static final double ADD8_45NM = EncoderModelProvider.ADD8_45NM;
    static final double CELL_F2 = 4;

    @Override
    public String name() {
        return "reservoir-array-derived";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Zhong et al., Nat. Commun. 12, 408 (2021), Fig. 1e: dynamic memristors "
                        + "characterised with constant-voltage pulses (docs/reference/reservoir.md)"),
                new Citation("Horowitz, Computing's energy problem, ISSCC 2014: 8-bit multiply 0.2 pJ, add 0.03 pJ at 45 nm"),
                new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: S+A area and leakage (published-figures.md §1.1, §2.2)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(ReservoirArray.class) == null ? Support.notFor("not a reservoir array") : Support.accuracy(20);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        ReservoirArray r = query.spec(ReservoirArray.class);
        Technology tech = query.technology();
        double f = tech.nodeMeters();
        Anchor isaac = Anchor.ISAAC_32NM;
        double leakage = isaac.power(EncoderModelProvider.SLICE_LEAK, tech);
        double mac = Anchor.HOROWITZ_45NM.energy(MUL8_45NM + ADD8_45NM, tech);
        double cycle = 1 / tech.clockHz();
        // At full rate every device is pulsed at once (one PULSE prices one device) while the mask
        // generator computes every cycle; the builder's default would count one device.
        double peak = leakage + r.devices() * r.pulseEnergy() / r.pulseWidth() + mac / cycle;
        return Costs.builder()
                .area(r.devices() * CELL_F2 * f * f + isaac.area(EncoderModelProvider.SLICE_AREA, tech))
                .leakage(leakage)
                .peak(peak)
                .action(Action.PULSE, r.pulseEnergy(), r.pulseWidth())
                .action(Action.COMPUTE, mac, cycle)
                .build();
    }
}
