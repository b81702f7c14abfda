package org.memdse.cost.interfaces;

import java.util.List;
import org.memdse.core.arch.IntegrationDirection;
import org.memdse.core.arch.IntegrationInterface;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.conversion.AdcModelProvider;
import org.memdse.cost.conversion.DacModelProvider;
import org.memdse.cost.scaling.Anchor;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * One channel of the SNN ↔ CIM integration interface; CONVERT is one 8-bit conversion (the
 * record has no resolution; 8 bits assumed). A derivation from the converter models:
 * <ul>
 *   <li>spike → voltage: an 8-bit spike counter read out (one 8-bit add, 0.03 pJ at 45 nm,
 *       Horowitz) driving an 8-bit DAC ({@code dac-isaac-scaled}); latency one clock cycle.</li>
 *   <li>voltage → spike: an integrate-and-fire converter, i.e. an 8-bit single-slope converter
 *       ({@code adc-survey} ramp: 2^8 comparator decisions and counter steps); latency 2^8 cycles.</li>
 *   <li>bidirectional: both circuits (areas and leakage add); a conversion goes one way, priced
 *       at the dearer.</li>
 * </ul>
 */
public final class IntegrationInterfaceModelProvider implements ComponentModelProvider {
    static final int BITS = 8;
    static final double ADD8_45NM = 0.03e-12;
    static final double COUNTER_AREA = 6e-5 * 1e-6;

    @Override
    public String name() {
        return "integration-converter-derived";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Derived from dac-isaac-scaled (ISAAC Table I DAC) and adc-survey (ramp) models"),
                new Citation("Horowitz, Computing's energy problem, ISSCC 2014: 8-bit add 0.03 pJ at 45 nm"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(IntegrationInterface.class) == null ? Support.notFor("not an integration interface")
                : Support.accuracy(20);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        IntegrationInterface i = query.spec(IntegrationInterface.class);
        Technology tech = query.technology();
        double s2vEnergy = Anchor.HOROWITZ_45NM.energy(ADD8_45NM, tech) + DacModelProvider.driveEnergy(BITS, tech);
        double s2vArea = Anchor.ISAAC_32NM.area(COUNTER_AREA, tech) + DacModelProvider.area(BITS, tech);
        double s2vLeak = DacModelProvider.leakage(BITS, tech);
        double s2vTime = 1 / tech.clockHz();
        double v2sEnergy = AdcModelProvider.rampEnergy(BITS, tech);
        double v2sArea = AdcModelProvider.rampArea(BITS, tech);
        double v2sTime = Math.pow(2, BITS) / tech.clockHz();
        Costs c = Costs.builder();
        if (i.direction() == IntegrationDirection.SPIKE_TO_VOLTAGE) {
            c.area(s2vArea).leakage(s2vLeak).action(Action.CONVERT, s2vEnergy, s2vTime);
        } else if (i.direction() == IntegrationDirection.VOLTAGE_TO_SPIKE) {
            c.area(v2sArea).leakage(0).action(Action.CONVERT, v2sEnergy, v2sTime);
        } else {
            boolean s2vDearer = s2vEnergy >= v2sEnergy;
            c.area(s2vArea + v2sArea).leakage(s2vLeak)
                    .action(Action.CONVERT, Math.max(s2vEnergy, v2sEnergy), s2vDearer ? s2vTime : v2sTime);
        }
        return c.build();
    }
}
