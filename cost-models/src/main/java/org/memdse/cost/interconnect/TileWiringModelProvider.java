package org.memdse.cost.interconnect;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.TileWiring;
import org.memdse.core.arch.WiringTopology;
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
 * The wires inside one tile from its buffers to its macros, {@code width} repeated wires on the
 * semi-global layer ({@link RepeatedWire}), laid out over the tile (docs/reference/wires.md §5).
 *
 * <p>The tile is a square of its components' summed area ({@link Floorplan#tileArea}). An H-tree
 * (DNN+NeuroSim V1.4 Tile.cpp) has the macros as its leaves and the buffers at its root; a bus
 * (ISAAC's eDRAM-to-IMA bus) is a comb past every macro, driven from one end ({@link WireLayout}).
 * A tile of one macro is wired as an H-tree of two leaves (buffer and macro side by side).
 *
 * <p>TRANSFER (one word of {@code width} bits from the buffers to one macro, or a partial sum
 * back): E = width × energy per bit and metre × the root-to-leaf length; one clock cycle, or the
 * wire's delay in whole cycles if longer. Area: the routing channel, width × pitch × the tree's
 * wire length, and the repeaters. Leakage: the repeaters'.
 */
public final class TileWiringModelProvider implements ComponentModelProvider {
    private static final Logger LOG = Logger.getLogger(TileWiringModelProvider.class.getName());
    /** Side of a tile that cannot be priced, m. */
    static final double DEFAULT_SIDE = 1e-3;

    @Override
    public String name() {
        return "tile-wiring-repeated";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("CACTI 7.0 technology.cc: semi-global wires, conservative projection (wires.md §2)"),
                new Citation("DNN+NeuroSim V1.4 Tile.cpp and HTree.cpp: an H-tree from the tile buffer to the PEs; "
                        + "repeated wires within 10 % of the fastest (wires.md §3)"),
                new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: the eDRAM-to-IMA bus, 384 wires"));
    }

    @Override
    public Support supports(ModelQuery query) {
        if (query.spec(TileWiring.class) == null) {
            return Support.notFor("not a tile's wiring");
        }
        return Support.accuracy(50);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        TileWiring wiring = query.spec(TileWiring.class);
        Technology tech = query.technology();
        Architecture a = query.architecture();
        String subsystem = query.component().subsystem();
        TileArray array = a.tileArrays().stream().filter(t -> t.name().equals(subsystem)).findFirst().orElseThrow();
        CimTileTemplate tile = (CimTileTemplate) array.template();
        double width = wiring.widthBits(tile);
        WireLayout layout = layout(wiring, tile.macros());
        double side = tileSide(a, subsystem, array.count());
        RepeatedWire wire = RepeatedWire.of(tech, WireLayer.SEMI_GLOBAL);
        double path = layout.fromRoot() * side;
        double total = layout.totalLength() * side;
        double cycle = 1 / tech.clockHz();
        double latency = Math.max(1, Math.ceil(wire.delay(path) / cycle - 1e-9)) * cycle;
        return Costs.builder()
                .area(width * total * (wire.pitch() + wire.repeaterAreaPerMeter()))
                .leakage(width * total * wire.leakagePerMeter())
                .action(Action.TRANSFER, wire.energy(width, path), latency)
                .build();
    }

    static WireLayout layout(TileWiring wiring, int macros) {
        return wiring.topology() == WiringTopology.BUS ? WireLayout.bus(macros, WireLayout.FROM_ONE_END)
                : WireLayout.htree(Math.max(2, macros));
    }

    static double tileSide(Architecture a, String subsystem, long tiles) {
        try {
            double area = Floorplan.tileArea(a, subsystem, tiles, ComponentModelRegistry.load());
            return area > 0 ? Math.sqrt(area) : DEFAULT_SIDE;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "tile side falls back to 1 mm: " + e.getMessage());
            return DEFAULT_SIDE;
        }
    }
}
