package org.memdse.cost.wire;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Components;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * The areas wires are laid out over, priced once when a wire model is created (never per
 * evaluation): the chip, whose side sets the on-chip network's links, and one tile, whose side
 * sets the wiring to its macros. Blocks are taken as squares of their components' summed area
 * (DNN+NeuroSim's floorplan likewise sums its parts; docs/reference/wires.md §4).
 */
public final class Floorplan {
    /**
     * The areas last priced on this thread, for one architecture instance: pricing an architecture
     * asks for its chip and tile areas once per wire component, and a sweep thread prices one
     * design point after another. Held by identity, so a new description is never confused with
     * an old one.
     */
    private static final ThreadLocal<Areas> LAST = new ThreadLocal<>();

    private static final class Areas {
        final Architecture architecture;
        final ComponentModelRegistry registry;
        double chip = Double.NaN;
        final Map<String, Double> tiles = new HashMap<>();

        Areas(Architecture architecture, ComponentModelRegistry registry) {
            this.architecture = architecture;
            this.registry = registry;
        }
    }

    private Floorplan() {
    }

    private static Areas areas(Architecture a, ComponentModelRegistry registry) {
        Areas last = LAST.get();
        if (last == null || last.architecture != a || last.registry != registry) {
            last = new Areas(a, registry);
            LAST.set(last);
        }
        return last;
    }

    /**
     * Area of everything the chip's wires join: every component but the on-chip network's own
     * (routers, links, spike routers, chip-to-chip links) and the global buffer's bus, m^2; 0 if
     * nothing can be priced.
     */
    public static double chipArea(Architecture a, ComponentModelRegistry registry) {
        Areas areas = areas(a, registry);
        if (Double.isNaN(areas.chip)) {
            areas.chip = area(a, registry, c -> !c.subsystem().equals("interconnect") && c.kind() != ComponentKind.GLOBAL_BUS);
        }
        return areas.chip;
    }

    /**
     * Area of one tile of the tile array {@code subsystem} without its own wiring and sleep switch,
     * m^2 (what the wiring is laid out over).
     */
    public static double tileArea(Architecture a, String subsystem, long tiles, ComponentModelRegistry registry) {
        Areas areas = areas(a, registry);
        Double all = areas.tiles.get(subsystem);
        if (all == null) {
            all = area(a, registry, c -> c.subsystem().equals(subsystem) && c.kind() != ComponentKind.TILE_WIRING
                    && c.kind() != ComponentKind.POWER_SWITCH);
            areas.tiles.put(subsystem, all);
        }
        return tiles > 0 ? all / tiles : 0;
    }

    private static double area(Architecture a, ComponentModelRegistry registry, Predicate<Component> which) {
        double total = 0;
        for (Component c : Components.of(a)) {
            if (which.test(c)) {
                total += c.count() * registry.modelFor(c, a).area();
            }
        }
        return total;
    }
}
