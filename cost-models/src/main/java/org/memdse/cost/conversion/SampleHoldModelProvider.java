package org.memdse.cost.conversion;

import java.util.List;
import org.memdse.core.arch.SampleHold;
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
 * Sample-and-hold, one per column. Anchor: ISAAC at 32 nm, per circuit 8.7 nW dynamic + 0.97 nW
 * leakage, 3.9e-8 mm² (puma-simulator constants.py = Table I's 10 µW, 0.00004 mm² per 1024),
 * one sample per 100 ns cycle: E = 8.7 nW × 100 ns = 0.87 fJ. Scaled with Stillmaker &amp; Baas.
 * SAMPLE latency one clock cycle (puma-simulator: 1 cycle).
 */
public final class SampleHoldModelProvider implements ComponentModelProvider {
    static final double SH_POWER = 8.7e-9;
    static final double SH_ENERGY = SH_POWER * 100e-9;
    static final double SH_LEAK = 9.7e-10;
    static final double SH_AREA = 3.9e-8 * 1e-6;

    @Override
    public String name() {
        return "sample-hold-isaac-scaled";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: S+H 10 uW, 0.00004 mm^2 per 1024 "
                + "(per unit via puma-simulator constants.py; published-figures.md §2.2)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(SampleHold.class) == null ? Support.notFor("not a sample-and-hold") : Support.accuracy(50);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        Technology tech = query.technology();
        Anchor a = Anchor.ISAAC_32NM;
        return Costs.builder()
                .area(a.area(SH_AREA, tech))
                .leakage(a.leakage(SH_LEAK, tech))
                .action(Action.SAMPLE, a.energy(SH_ENERGY, tech), 1 / tech.clockHz())
                .build();
    }
}
