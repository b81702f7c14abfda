package org.memdse.cost.interfaces;

import java.util.List;
import org.memdse.core.arch.EncodingScheme;
import org.memdse.core.arch.Encoder;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.conversion.DacModelProvider;
import org.memdse.cost.scaling.Anchor;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * One channel of the encoder; ENCODE is one 8-bit sensor sample of one channel (the sensor's own
 * ADC is outside the model). A derivation, not a measured figure:
 * <ul>
 *   <li>rate (compare with an LFSR random number, step the LFSR), temporal (compare with a time
 *       counter, step it), delta (subtract the last value, compare with the threshold): two 8-bit
 *       add-class operations, 2 × 0.03 pJ at 45 nm, 0.9 V (Horowitz ISSCC 2014), scaled; area and
 *       leakage of one ISAAC S+A slice (6e-5 mm², 0.005 mW at 32 nm), a small datapath with its
 *       register.</li>
 *   <li>voltage (analogue levels for the CIM side): one 8-bit DAC drive ({@code dac-isaac-scaled}).</li>
 * </ul>
 * Latency one clock cycle.
 */
public final class EncoderModelProvider implements ComponentModelProvider {
    static final double ADD8_45NM = 0.03e-12;
    static final double SLICE_AREA = 6e-5 * 1e-6;
    static final double SLICE_LEAK = 0.005e-3;
    static final int SAMPLE_BITS = 8;

    @Override
    public String name() {
        return "encoder-digital-derived";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Horowitz, Computing's energy problem, ISSCC 2014: 8-bit add 0.03 pJ at 45 nm"),
                new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: S+A area and leakage (published-figures.md §1.1, §2.2)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(Encoder.class) == null ? Support.notFor("not an encoder") : Support.accuracy(20);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        Encoder e = query.spec(Encoder.class);
        Technology tech = query.technology();
        double cycle = 1 / tech.clockHz();
        if (e.scheme() == EncodingScheme.VOLTAGE) {
            return Costs.builder()
                    .area(DacModelProvider.area(SAMPLE_BITS, tech))
                    .leakage(DacModelProvider.leakage(SAMPLE_BITS, tech))
                    .action(Action.ENCODE, DacModelProvider.driveEnergy(SAMPLE_BITS, tech), cycle)
                    .build();
        }
        Anchor isaac = Anchor.ISAAC_32NM;
        return Costs.builder()
                .area(isaac.area(SLICE_AREA, tech))
                .leakage(isaac.power(SLICE_LEAK, tech))
                .action(Action.ENCODE, Anchor.HOROWITZ_45NM.energy(2 * ADD8_45NM, tech), cycle)
                .build();
    }
}
