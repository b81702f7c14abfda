package org.memdse.cost.interconnect;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Components;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.Topology;
import org.memdse.core.eval.Action;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * A router-to-router link. TRANSFER (one flit across the link): E = flit bits × e_w × L ×
 * (V_dd / 0.775 V)², with e_w = 0.3 fJ per bit per µm at 0.775 V (TrueNorth, Merolla et al.
 * Science 2014; published-figures.md §4.5) and wire capacitance per length taken as
 * node-independent (so only V² scales). L is the given link length, otherwise the pitch of a
 * router's endpoints, √(concentration × A_endpoint), with A_endpoint the area of everything but
 * the interconnect (priced by the registry, published figures included) over the endpoints; a
 * bus spans √(total area). If that cannot be priced, L = 1 mm. Latency one clock cycle (ISAAC's
 * links move one flit per cycle, §VIII-A). Area 0 (wires on upper metal over the logic), leakage 0.
 */
public final class LinkModelProvider implements ComponentModelProvider {
    private static final Logger LOG = Logger.getLogger(LinkModelProvider.class.getName());
    /** J per bit per m at 0.775 V: 0.3 fJ/bit/um (TrueNorth). */
    static final double E_WIRE = 0.3e-15 / 1e-6;
    static final double E_WIRE_VDD = 0.775;
    static final double DEFAULT_LENGTH = 1e-3;

    @Override
    public String name() {
        return "link-wire-truenorth";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Merolla et al., Science 2014 / Akopyan et al. TCAD 2015: 0.3 fJ/bit/um on-chip wire at 0.775 V (published-figures.md §4.5)"),
                new Citation("Shafiee et al., ISAAC, ISCA 2016 §VIII-A: one 32-bit flit per 1 GHz cycle per link"));
    }

    @Override
    public Support supports(ModelQuery query) {
        if (query.spec(OnChipNetwork.class) == null || query.component().kind() != ComponentKind.LINK) {
            return Support.no("not an on-chip link");
        }
        return Support.accuracy(40);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        OnChipNetwork o = query.spec(OnChipNetwork.class);
        Technology tech = query.technology();
        double length = o.linkLengthM().isPresent() ? o.linkLengthM().getAsDouble() : derivedLength(o, query.architecture());
        double v = tech.vdd() / E_WIRE_VDD;
        double energy = o.flitBits() * E_WIRE * length * v * v;
        return Costs.builder().area(0).leakage(0).action(Action.TRANSFER, energy, 1 / tech.clockHz()).build();
    }

    /** The link length implied by the endpoints' area; {@link #DEFAULT_LENGTH} if it cannot be priced. */
    static double derivedLength(OnChipNetwork o, Architecture a) {
        int endpoints = a.networkEndpoints();
        if (endpoints <= 0) {
            return DEFAULT_LENGTH;
        }
        try {
            ComponentModelRegistry registry = ComponentModelRegistry.load();
            double total = 0;
            for (Component c : Components.of(a)) {
                if (!c.subsystem().equals("interconnect")) {
                    total += c.count() * registry.modelFor(c, a).area();
                }
            }
            if (!(total > 0)) {
                return DEFAULT_LENGTH;
            }
            return o.topology() == Topology.BUS ? Math.sqrt(total) : Math.sqrt(o.concentration() * total / endpoints);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "link length falls back to 1 mm: " + e.getMessage());
            return DEFAULT_LENGTH;
        }
    }
}
