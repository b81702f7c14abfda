package org.memdse.cost.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.mesh;
import static org.memdse.cost.spi.Fixtures.query;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class RouterModelProviderTest extends ComponentModelContractTest {
    private final RouterModelProvider provider = new RouterModelProvider();

    static ModelQuery router(double flit) {
        return query(ComponentKind.ROUTER, mesh(flit, OptionalDouble.empty()), bare(isaacTech()));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(router(32), router(8), router(256));
    }

    @Override
    protected List<ModelQuery> unsupportedQueries() {
        // the same network record as a link is the link model's business
        return List.of(query(ComponentKind.LINK, mesh(32, OptionalDouble.empty()), bare(isaacTech())));
    }

    @Override
    protected Knob knob() {
        return new Knob("flit", DoubleStream.of(8, 16, 32, 64, 128).mapToObj(RouterModelProviderTest::router).toList(),
                energyOf(Action.TRAVERSE));
    }

    @Test
    void isaacsRouterByHand() {
        // 8 ports (4 + concentration 4), 32-bit flits, 32 nm: 42 mW / (8 * 1 GHz) = 5.25 pJ per flit
        // area 0.151 mm^2, peak 42 mW, leakage 1.04/52.52 * 42 mW = 0.83168 mW, hop 3 cycles = 3 ns
        ComponentModel m = provider.create(router(32));
        assertThat(m.energy(Action.TRAVERSE)).isCloseTo(5.25e-12, withPercentage(0.01));
        assertThat(m.area()).isCloseTo(0.151e-6, withPercentage(0.01));
        assertThat(m.peakPower()).isCloseTo(42e-3, withPercentage(0.01));
        assertThat(m.leakagePower()).isCloseTo(0.83168e-3, withPercentage(0.01));
        assertThat(m.latency(Action.TRAVERSE)).isCloseTo(3e-9, withPercentage(0.01));
    }
}
