package org.memdse.cost.digital;

import java.util.List;
import org.memdse.core.arch.DigitalUnit;
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
 * A tile's digital units; one COMPUTE is one operation on one value, one clock cycle.
 *
 * <table>
 *   <caption>anchors (32 nm unless said; all scaled with Stillmaker &amp; Baas)</caption>
 *   <tr><th>kind</th><th>energy per op</th><th>leakage</th><th>area</th><th>source</th></tr>
 *   <tr><td>activation</td><td>0.234 mW × 1 ns = 0.234 pJ</td><td>0.026 mW</td><td>0.0003 mm²</td>
 *       <td>ISAAC sigmoid (Table I 0.52 mW / 2), puma-simulator constants.py split</td></tr>
 *   <tr><td>pooling</td><td>0.36 mW × 1 ns = 0.36 pJ</td><td>0.04 mW</td><td>0.00024 mm²</td>
 *       <td>ISAAC max-pool 0.4 mW, split 90/10 like the sigmoid's 0.234/0.026</td></tr>
 *   <tr><td>accumulator</td><td>0.1 pJ at 45 nm, 0.9 V</td><td>0.005 mW</td><td>0.00006 mm²</td>
 *       <td>Horowitz ISSCC 2014 32-bit add; area and leakage of ISAAC's S+A (adder + register)</td></tr>
 *   <tr><td>shift-add</td><td>45 fJ</td><td>0.005 mW</td><td>0.00006 mm²</td><td>ISAAC S+A, as {@link ShiftAddModelProvider}</td></tr>
 *   <tr><td>quantizer</td><td>0.1 pJ at 45 nm, 0.9 V</td><td>0.005 mW</td><td>0.00006 mm²</td>
 *       <td>shift + round of a 32-bit value ≈ one 32-bit add (Horowitz); area as the S+A</td></tr>
 *   <tr><td>mac</td><td>0.2 pJ + 0.1 pJ at 45 nm, 0.9 V</td><td>0.005 mW × 419/137</td><td>282 + 137 µm² at 45 nm</td>
 *       <td>Horowitz ISSCC 2014 Fig. 1.1.9: 8-bit multiply 0.2 pJ, 282 µm²; 32-bit add 0.1 pJ, 137 µm²
 *       (docs/reference/transformers.md §1); leakage as the S+A's scaled by area</td></tr>
 * </table>
 */
public final class DigitalUnitModelProvider implements ComponentModelProvider {
    static final double NS = 1e-9;
    static final double SIGMOID_ENERGY = 0.234e-3 * NS;
    static final double SIGMOID_LEAK = 0.026e-3;
    static final double SIGMOID_AREA = 0.0003e-6;
    static final double POOL_ENERGY = 0.9 * 0.4e-3 * NS;
    static final double POOL_LEAK = 0.1 * 0.4e-3;
    static final double POOL_AREA = 0.00024e-6;
    static final double ADD32_ENERGY_45NM = 0.1e-12;
    /** Horowitz ISSCC 2014: 8-bit integer multiply, 45 nm. */
    static final double MUL8_ENERGY_45NM = 0.2e-12;
    static final double MUL8_AREA_45NM = 282e-12;
    static final double ADD32_AREA_45NM = 137e-12;

    @Override
    public String name() {
        return "digital-isaac-horowitz";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: sigmoid, max-pool, S+A "
                        + "(published-figures.md §1.1) with puma-simulator constants.py dynamic/leakage split (§2.2)"),
                new Citation("Horowitz, Computing's energy problem, ISSCC 2014: 32-bit add 0.1 pJ at 45 nm, 0.9 V"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(DigitalUnit.class) == null ? Support.notFor("not a digital unit") : Support.accuracy(40);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        DigitalUnit d = query.spec(DigitalUnit.class);
        Technology tech = query.technology();
        Anchor isaac = Anchor.ISAAC_32NM;
        double cycle = 1 / tech.clockHz();
        double energy;
        double leak;
        double area;
        switch (d.kind()) {
            case ACTIVATION -> {
                energy = isaac.energy(SIGMOID_ENERGY, tech);
                leak = isaac.leakage(SIGMOID_LEAK, tech);
                area = isaac.area(SIGMOID_AREA, tech);
            }
            case POOLING -> {
                energy = isaac.energy(POOL_ENERGY, tech);
                leak = isaac.leakage(POOL_LEAK, tech);
                area = isaac.area(POOL_AREA, tech);
            }
            case SHIFT_ADD -> {
                energy = isaac.energy(ShiftAddModelProvider.SA_ENERGY, tech);
                leak = isaac.leakage(ShiftAddModelProvider.SA_LEAK, tech);
                area = isaac.area(ShiftAddModelProvider.SA_AREA, tech);
            }
            case ACCUMULATOR, QUANTIZER -> {
                energy = Anchor.HOROWITZ_45NM.energy(ADD32_ENERGY_45NM, tech);
                leak = isaac.leakage(ShiftAddModelProvider.SA_LEAK, tech);
                area = isaac.area(ShiftAddModelProvider.SA_AREA, tech);
            }
            case MAC -> {
                energy = Anchor.HOROWITZ_45NM.energy(MUL8_ENERGY_45NM + ADD32_ENERGY_45NM, tech);
                // The S+A is an adder and a register (ISAAC); a MAC adds a multiplier, so its leakage
                // scales with the logic's area (Horowitz's 282 + 137 µm² against the adder's 137).
                leak = isaac.leakage(ShiftAddModelProvider.SA_LEAK, tech) * (MUL8_AREA_45NM + ADD32_AREA_45NM)
                        / ADD32_AREA_45NM;
                area = Anchor.HOROWITZ_45NM.area(MUL8_AREA_45NM + ADD32_AREA_45NM, tech);
            }
            default -> throw new IllegalStateException(d.kind().key());
        }
        return Costs.builder().area(area).leakage(leak).action(Action.COMPUTE, energy, cycle).build();
    }
}
