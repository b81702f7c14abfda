package org.memdse.cost.interconnect;

import java.util.List;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.Topology;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Anchor;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * A router of the on-chip network. Anchor: ISAAC's c-mesh router, 42 mW and 0.151 mm² at 32 nm
 * for 8 ports and 32-bit flits at 1 GHz (Table I, §VIII-A). All 8 ports busy every cycle gives
 * 42 mW / (8 × 1 GHz) = 5.25 pJ per 32-bit flit, 0.164 pJ per bit per hop: TRAVERSE
 * E = flit bits × 0.164 pJ. Area and peak power scale with flit width × ports (buffer-dominated
 * routers; Orion's buffer model is linear in both). Leakage 1.98 % of the peak
 * (puma-simulator's 8-port router: 1.04 mW of 52.52 mW). Ports: 4 + concentration for a
 * mesh/torus, 3 + concentration for an H-tree node. Hop latency 3 cycles (route computation,
 * switch allocation, switch traversal: Dally &amp; Towles, Principles and Practices of
 * Interconnection Networks, 2004) of the network's clock. Scaled from 32 nm with Stillmaker &amp; Baas.
 */
public final class RouterModelProvider implements ComponentModelProvider {
    static final double ISAAC_POWER = 42e-3;
    static final double ISAAC_AREA = 0.151e-6;
    static final double ISAAC_PORTS = 8;
    static final double ISAAC_FLIT = 32;
    /** J per bit per hop at 32 nm: 42 mW / (8 ports x 1 GHz x 32 bits). */
    static final double E_BIT = ISAAC_POWER / (ISAAC_PORTS * 1e9 * ISAAC_FLIT);
    static final double LEAK_RATIO = 1.04 / (51.48 + 1.04);
    static final int HOP_CYCLES = 3;

    @Override
    public String name() {
        return "router-isaac-scaled";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I and §VIII-A: router 42 mW, 0.151 mm^2, 8 ports, 32-bit flits, 1 GHz"),
                new Citation("puma-simulator include/constants.py: 8-port router 51.48 mW dynamic, 1.04 mW leakage"),
                new Citation("Dally & Towles, Principles and Practices of Interconnection Networks, 2004: 3-stage router pipeline"));
    }

    @Override
    public Support supports(ModelQuery query) {
        if (query.spec(OnChipNetwork.class) == null || query.component().kind() != ComponentKind.ROUTER) {
            return Support.notFor("not an on-chip router");
        }
        return Support.accuracy(40);
    }

    static int ports(OnChipNetwork o) {
        return (o.topology() == Topology.HTREE ? 3 : 4) + o.concentration();
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        OnChipNetwork o = query.spec(OnChipNetwork.class);
        Technology tech = query.technology();
        Anchor a = Anchor.ISAAC_32NM;
        double size = (o.flitBits() / ISAAC_FLIT) * (ports(o) / ISAAC_PORTS);
        double hpPeak = a.power(ISAAC_POWER * size, tech);
        double leakage = a.leakage(LEAK_RATIO * ISAAC_POWER * size, tech);  // = LEAK_RATIO * hpPeak for HP logic
        double peak = hpPeak * (1 - LEAK_RATIO) + leakage;
        return Costs.builder()
                .area(a.area(ISAAC_AREA * size, tech))
                .leakage(leakage)
                .action(Action.TRAVERSE, a.energy(E_BIT * o.flitBits(), tech), HOP_CYCLES / o.linkClockHz(tech))
                .peak(peak)
                .build();
    }
}
