package org.memdse.cost.digital;

import java.util.List;
import org.memdse.core.arch.ShiftAdd;
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
 * A macro's shift-and-add unit. Anchor: ISAAC's S+A at 32 nm, 0.045 mW dynamic + 0.005 mW
 * leakage, 6e-5 mm², one operation per 1 ns cycle (puma-simulator constants.py; Table I 0.2 mW /
 * 0.00024 mm² per 4): COMPUTE E = 0.045 mW × 1 ns = 45 fJ. Cross-check: Horowitz ISSCC 2014's
 * 32-bit add, 0.1 pJ at 45 nm, is about 46 fJ for the ~24-bit sum at 32 nm. Scaled with
 * Stillmaker &amp; Baas; latency one clock cycle.
 */
public final class ShiftAddModelProvider implements ComponentModelProvider {
    static final double SA_ENERGY = 0.045e-3 * 1e-9;
    static final double SA_LEAK = 0.005e-3;
    static final double SA_AREA = 6e-5 * 1e-6;

    @Override
    public String name() {
        return "shift-add-isaac-scaled";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: S+A 0.05 mW, 0.00006 mm^2; "
                + "0.045 + 0.005 mW split and 1-cycle op from puma-simulator constants.py (published-figures.md §2.2)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(ShiftAdd.class) == null ? Support.notFor("not a shift-and-add unit") : Support.accuracy(50);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        Technology tech = query.technology();
        Anchor a = Anchor.ISAAC_32NM;
        return Costs.builder()
                .area(a.area(SA_AREA, tech))
                .leakage(a.leakage(SA_LEAK, tech))
                .action(Action.COMPUTE, a.energy(SA_ENERGY, tech), 1 / tech.clockHz())
                .build();
    }
}
