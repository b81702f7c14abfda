package org.memdse.cost.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.mesh;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.tech;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.WithoutFigures;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.wire.Floorplan;
import org.memdse.cost.wire.RepeatedWire;
import org.memdse.cost.wire.WireLayer;
import org.memdse.cost.wire.WireLayout;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.ModelQuery;

class LinkModelProviderTest extends ComponentModelContractTest {
    private final LinkModelProvider provider = new LinkModelProvider();

    static ModelQuery link(double lengthM, double vdd) {
        return query(ComponentKind.LINK, mesh(32, OptionalDouble.of(lengthM)), bare(tech(32, vdd)));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(link(1e-3, 1.0), link(1e-6, 0.5),
                query(ComponentKind.LINK, mesh(64, OptionalDouble.empty()), bare(isaacTech())));
    }

    @Override
    protected List<ModelQuery> unsupportedQueries() {
        return List.of(query(ComponentKind.ROUTER, mesh(32, OptionalDouble.empty()), bare(isaacTech())));
    }

    @Override
    protected Knob knob() {
        return new Knob("length", DoubleStream.of(0.1e-3, 0.5e-3, 1e-3, 2e-3).mapToObj(l -> link(l, 1.0)).toList(),
                energyOf(Action.TRANSFER));
    }

    @Test
    void aOneMillimetreLinkByHand() {
        // 32 repeated global wires, 1 mm: 32 x energy per bit and metre x 1e-3 m (wires.md §3: 32 nm HP at 1.0 V).
        RepeatedWire wire = RepeatedWire.of(tech(32, 1.0), WireLayer.GLOBAL);
        assertThat(provider.create(link(1e-3, 1.0)).energy(Action.TRANSFER))
                .isCloseTo(32 * wire.energyPerBitPerMeter() * 1e-3, withPercentage(1e-9));
        // C V^2: a lower supply costs less, by more than the ratio of the supplies.
        double low = provider.create(link(1e-3, 0.775)).energy(Action.TRANSFER);
        assertThat(low / provider.create(link(1e-3, 1.0)).energy(Action.TRANSFER)).isLessThan(0.775);
    }

    @Test
    void withoutALengthTheMeshIsLaidOutOverTheChip() {
        // isaac-ce: 7 x 6 routers over a square chip of everything but the interconnect; 6 x 6 horizontal links of
        // D/7 and 7 x 5 vertical ones of D/6, one flit of 32 global wires each.
        Architecture isaac = Fixtures.isaac();
        double side = Math.sqrt(Floorplan.chipArea(isaac, ComponentModelRegistry.load()));
        assertThat(side).isCloseTo(Math.sqrt(168 * (0.37229 - 0.151 / 4) * 1e-6), withPercentage(0.5));
        double total = 36 * side / 7 + 35 * side / 6;
        double hop = total / 71;
        WireLayout layout = WireLayout.of(isaac.interconnect().onChip(), isaac.networkEndpoints());
        assertThat(layout.links()).isEqualTo(71);
        assertThat(layout.hopLength() * side).isCloseTo(hop, withPercentage(1e-9));
        ComponentModel model = provider.create(query(ComponentKind.LINK, WithoutFigures.of(isaac).interconnect().onChip(), isaac));
        RepeatedWire wire = RepeatedWire.of(isaac.technology(), WireLayer.GLOBAL);
        assertThat(model.energy(Action.TRANSFER)).isCloseTo(32 * wire.energyPerBitPerMeter() * hop, withPercentage(1e-6));
        assertThat(model.area()).isCloseTo(32 * hop * (wire.pitch() + wire.repeaterAreaPerMeter()), withPercentage(1e-6));
        // nothing to price: a 1 mm side
        assertThat(LinkModelProvider.chipSide(bare(isaacTech()))).isEqualTo(1e-3);
    }
}
