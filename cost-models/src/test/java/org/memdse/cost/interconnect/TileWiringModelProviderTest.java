package org.memdse.cost.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Components;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.TileWiring;
import org.memdse.core.arch.WiringTopology;
import org.memdse.core.arch.WithoutFigures;
import org.memdse.core.eval.Action;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.wire.Floorplan;
import org.memdse.cost.wire.RepeatedWire;
import org.memdse.cost.wire.WireLayer;

class TileWiringModelProviderTest extends ComponentModelContractTest {
    private final TileWiringModelProvider provider = new TileWiringModelProvider();

    static ModelQuery wiring(Architecture a, WiringTopology topology, double widthBits) {
        return new ModelQuery(new Component("cim.wiring", "cim", ComponentKind.TILE_WIRING,
                new TileWiring(topology, OptionalDouble.of(widthBits), PublishedFigures.NONE), 1, PublishedFigures.NONE), a);
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(wiring(Fixtures.fig4(), WiringTopology.HTREE, 64), wiring(Fixtures.fig4(), WiringTopology.BUS, 384));
    }

    @Override
    protected List<ModelQuery> unsupportedQueries() {
        return List.of(LinkModelProviderTest.link(1e-3, 1.0));
    }

    @Override
    protected Knob knob() {
        return new Knob("width", DoubleStream.of(16, 64, 256, 1024).mapToObj(w -> wiring(Fixtures.fig4(), WiringTopology.HTREE, w))
                .toList(), energyOf(Action.TRANSFER));
    }

    @Test
    void isaacsBusByTheModelIsCloseToItsPublishedOne() {
        // ISAAC-CE's tile without figures: 12 IMAs on a 4 x 4 comb, (16 - 1) / 4 tile sides of bus, 384 semi-global wires
        Architecture a = WithoutFigures.of(Fixtures.isaac());
        CimTileTemplate tile = (CimTileTemplate) a.templates().get(0);
        assertThat(tile.wiringWidthBits()).isEqualTo(384);
        Component c = Components.of(a).stream().filter(x -> x.kind() == ComponentKind.TILE_WIRING).findFirst().orElseThrow();
        ComponentModel m = provider.create(new ModelQuery(c, a));
        double side = Math.sqrt(Floorplan.tileArea(a, "cim", 168, ComponentModelRegistry.load()));
        RepeatedWire wire = RepeatedWire.of(a.technology(), WireLayer.SEMI_GLOBAL);
        double length = 15.0 / 4 * side;
        assertThat(m.area()).isCloseTo(384 * length * (wire.pitch() + wire.repeaterAreaPerMeter()), withPercentage(1e-6));
        // a transfer runs half the bus from the eDRAM end: 384 bits x 7.5/4 sides
        assertThat(m.energy(Action.TRANSFER)).isCloseTo(wire.energy(384, length / 2), withPercentage(1e-6));
        // ISAAC Table I: 0.090 mm^2 per tile; the model within 50 %
        assertThat(m.area() * 1e6).isBetween(0.090 / 1.5, 0.090 * 1.5);
    }

    @Test
    void anHTreeToFourMacrosRunsHalfTheTileSideFromTheRoot() {
        Architecture a = Fixtures.fig4();
        ComponentModel m = provider.create(wiring(a, WiringTopology.HTREE, 64));
        CimTileTemplate tile = (CimTileTemplate) a.templates().get(0);
        assertThat(tile.macros()).isEqualTo(4);
        long tiles = a.tileArrays().stream().filter(t -> t.name().equals("cim")).findFirst().orElseThrow().count();
        double side = Math.sqrt(Floorplan.tileArea(a, "cim", tiles, ComponentModelRegistry.load()));
        RepeatedWire wire = RepeatedWire.of(a.technology(), WireLayer.SEMI_GLOBAL);
        assertThat(m.energy(Action.TRANSFER)).isCloseTo(wire.energy(64, side / 2), withPercentage(1e-6));
        assertThat(m.area()).isCloseTo(64 * 1.5 * side * (wire.pitch() + wire.repeaterAreaPerMeter()), withPercentage(1e-6));
    }
}
