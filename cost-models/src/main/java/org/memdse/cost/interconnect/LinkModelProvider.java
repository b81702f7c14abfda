package org.memdse.cost.interconnect;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;
import org.memdse.cost.wire.Floorplan;
import org.memdse.cost.wire.RepeatedWire;
import org.memdse.cost.wire.WireLayer;
import org.memdse.cost.wire.WireLayout;

/**
 * A link of the on-chip network: {@code flit} repeated wires on the global layer
 * ({@link RepeatedWire}), as long as the floorplan makes them (docs/reference/wires.md §4).
 *
 * <p>Length: the network is laid out over the chip, a square of the area of everything it joins
 * ({@link Floorplan#chipArea}), as {@link WireLayout#of} lays it out: mesh links span a router
 * cell, H-tree links a quarter of the side below the root and half as much every second level, a
 * bus a comb past every endpoint. A given {@code link_length} replaces the derived length of one
 * mean link (a bus transfer) and scales the rest with it. If nothing can be priced, the side is 1 mm.
 *
 * <p>TRANSFER (one flit over one mean link; the evaluator counts a route's transfers by its
 * length, {@link WireLayout#transfersFor}): E = flit × energy per bit and metre × length; latency:
 * the wire's delay in whole clock cycles, at least one (a link moves one flit per cycle, ISAAC
 * §VIII-A; the network's {@code clock}, else the chip's). Area: the wires' routing channel, flit × pitch × length, and their repeaters (the
 * channels run between the blocks, as DNN+NeuroSim's H-tree and X-Y bus and CACTI's H-trees lay
 * them out). Leakage: the repeaters'.
 */
public final class LinkModelProvider implements ComponentModelProvider {
    private static final Logger LOG = Logger.getLogger(LinkModelProvider.class.getName());
    static final double DEFAULT_SIDE = 1e-3;

    @Override
    public String name() {
        return "link-wire-repeated";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("CACTI 7.0 technology.cc: global wires, conservative projection (wires.md §2)"),
                new Citation("Bakoglu & Meindl, IEEE TED 1985, as DNN+NeuroSim V1.4 HTree.cpp: repeated wires within 10 % "
                        + "of the fastest (wires.md §3)"),
                new Citation("Shafiee et al., ISAAC, ISCA 2016 §VIII-A: one flit per cycle per link"));
    }

    @Override
    public Support supports(ModelQuery query) {
        if (query.spec(OnChipNetwork.class) == null || query.component().kind() != ComponentKind.LINK) {
            return Support.notFor("not an on-chip link");
        }
        return Support.accuracy(50);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        OnChipNetwork o = query.spec(OnChipNetwork.class);
        Technology tech = query.technology();
        Architecture a = query.architecture();
        WireLayout layout = WireLayout.of(o, a.networkEndpoints());
        double metresPerSide = metresPerSide(o, layout, a);
        double hop = layout.hopLength() * metresPerSide;
        double perLink = layout.links() > 0 ? layout.totalLength() * metresPerSide / layout.links() : 0;
        RepeatedWire wire = RepeatedWire.of(tech, WireLayer.GLOBAL);
        double cycle = 1 / o.linkClockHz(tech);
        double latency = Math.max(1, Math.ceil(wire.delay(hop) / cycle - 1e-9)) * cycle;
        return Costs.builder()
                .area(o.flitBits() * perLink * (wire.pitch() + wire.repeaterAreaPerMeter()))
                .leakage(o.flitBits() * perLink * wire.leakagePerMeter())
                .action(Action.TRANSFER, wire.energy(o.flitBits(), hop), latency)
                .build();
    }

    /** Metres per side of the layout: the given link length over the layout's hop, else the chip's side. */
    static double metresPerSide(OnChipNetwork o, WireLayout layout, Architecture a) {
        if (o.linkLengthM().isPresent() && layout.hopLength() > 0) {
            return o.linkLengthM().getAsDouble() / layout.hopLength();
        }
        return chipSide(a);
    }

    /** The side of the square the network is laid out over; {@link #DEFAULT_SIDE} if it cannot be priced. */
    static double chipSide(Architecture a) {
        try {
            double area = Floorplan.chipArea(a, ComponentModelRegistry.load());
            return area > 0 ? Math.sqrt(area) : DEFAULT_SIDE;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "chip side falls back to 1 mm: " + e.getMessage());
            return DEFAULT_SIDE;
        }
    }
}
