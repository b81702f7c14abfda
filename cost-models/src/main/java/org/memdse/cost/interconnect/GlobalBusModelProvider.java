package org.memdse.cost.interconnect;

import java.util.List;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.GlobalBuffer;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TileArray;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;
import org.memdse.cost.wire.RepeatedWire;
import org.memdse.cost.wire.WireLayer;
import org.memdse.cost.wire.WireLayout;

/**
 * The bus from the chip's global buffer to its tiles (DNN+NeuroSim's global bus), as wide as the
 * buffer moves per access (banks × line width), on the global layer (docs/reference/wires.md §4).
 *
 * <p>Layout: a tree from the buffer at the chip's centre to every CIM tile, laid out as an
 * H-tree over the chip ({@link WireLayout#htree}), whose width splits at every branch, each tile
 * taking its share of the bus (DNN+NeuroSim V1.4 HTree.cpp: "whichever stage, the sum of
 * wireWidth should always equal busWidth"; Chip.cpp sizes the bus as the sum of the tiles' input
 * widths). So the bus holds width × the root-to-leaf length of wire, and every bit travels that
 * length. TRANSFER (one access's worth of bits, to or from the tiles): E = width × energy per bit
 * and metre × root-to-leaf length; the wire's delay in whole clock cycles, at least one. Area:
 * routing channel and repeaters; leakage: the repeaters'.
 */
public final class GlobalBusModelProvider implements ComponentModelProvider {
    @Override
    public String name() {
        return "global-bus-repeated";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("CACTI 7.0 technology.cc: global wires, conservative projection (wires.md §2)"),
                new Citation("DNN+NeuroSim V1.4 Chip.cpp and HTree.cpp: the global bus, split at every branch of its "
                        + "H-tree; repeated wires within 10 % of the fastest (wires.md §3, §4)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(GlobalBuffer.class) == null ? Support.notFor("not a global buffer's bus") : Support.accuracy(50);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        GlobalBuffer g = query.spec(GlobalBuffer.class);
        Technology tech = query.technology();
        Architecture a = query.architecture();
        long tiles = a.tileArrays().stream().filter(t -> t.template() instanceof CimTileTemplate)
                .mapToLong(TileArray::count).sum();
        double path = WireLayout.htree((int) Math.min(Integer.MAX_VALUE, Math.max(1, tiles))).fromRoot()
                * LinkModelProvider.chipSide(a);
        double width = g.bitsPerAccess();
        RepeatedWire wire = RepeatedWire.of(tech, WireLayer.GLOBAL);
        double cycle = 1 / tech.clockHz();
        double latency = Math.max(1, Math.ceil(wire.delay(path) / cycle - 1e-9)) * cycle;
        return Costs.builder()
                .area(width * path * (wire.pitch() + wire.repeaterAreaPerMeter()))
                .leakage(width * path * wire.leakagePerMeter())
                .action(Action.TRANSFER, wire.energy(width, path), latency)
                .build();
    }
}
