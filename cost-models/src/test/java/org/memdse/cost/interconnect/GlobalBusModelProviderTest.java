package org.memdse.cost.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Buffer;
import org.memdse.core.arch.BufferKind;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.GlobalBuffer;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.wire.RepeatedWire;
import org.memdse.cost.wire.WireLayer;
import org.memdse.cost.wire.WireLayout;

class GlobalBusModelProviderTest extends ComponentModelContractTest {
    private final GlobalBusModelProvider provider = new GlobalBusModelProvider();

    static ModelQuery bus(int banks) {
        GlobalBuffer g = new GlobalBuffer("gb", new Buffer("gb", BufferKind.SRAM, 1 << 20, 128, PublishedFigures.NONE), banks);
        return new ModelQuery(new Component("gb.bus", "gb", ComponentKind.GLOBAL_BUS, g, 1, PublishedFigures.NONE),
                Fixtures.fig4());
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(bus(1), bus(12));
    }

    @Override
    protected List<ModelQuery> unsupportedQueries() {
        return List.of(LinkModelProviderTest.link(1e-3, 1.0));
    }

    @Override
    protected Knob knob() {
        return new Knob("banks", IntStream.of(1, 2, 8, 12).mapToObj(GlobalBusModelProviderTest::bus).toList(),
                energyOf(Action.TRANSFER));
    }

    @Test
    void eachTileTakesItsShareOfTheBusSoItHoldsTheWidthTimesTheRootToLeafLength() {
        Architecture a = Fixtures.fig4();
        ComponentModel m = provider.create(bus(12));
        long tiles = a.tileArrays().stream().filter(t -> t.template() instanceof org.memdse.core.arch.CimTileTemplate)
                .mapToLong(t -> t.count()).sum();
        double path = WireLayout.htree((int) tiles).fromRoot() * LinkModelProvider.chipSide(a);
        RepeatedWire wire = RepeatedWire.of(a.technology(), WireLayer.GLOBAL);
        assertThat(m.energy(Action.TRANSFER)).isCloseTo(wire.energy(12 * 128, path), withPercentage(1e-6));
        assertThat(m.area()).isCloseTo(12 * 128 * path * (wire.pitch() + wire.repeaterAreaPerMeter()), withPercentage(1e-6));
    }
}
