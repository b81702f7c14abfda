package org.memdse.cost.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.tech;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SpikeNetwork;
import org.memdse.core.arch.SpikeRouting;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class SpikeRouterModelProviderTest extends ComponentModelContractTest {
    private final SpikeRouterModelProvider provider = new SpikeRouterModelProvider();

    static ModelQuery spikes(double packetBits, Technology t) {
        return query(ComponentKind.SPIKE_ROUTER, new SpikeNetwork(SpikeRouting.ADDRESS_EVENT, packetBits, PublishedFigures.NONE), bare(t));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(spikes(32, tech(28, 0.775)), spikes(16, tech(7, 0.7)), spikes(64, tech(130, 1.2)));
    }

    @Override
    protected Knob knob() {
        return new Knob("packet bits", DoubleStream.of(8, 16, 32, 64).mapToObj(b -> spikes(b, tech(28, 0.775))).toList(),
                energyOf(Action.TRAVERSE));
    }

    @Test
    void trueNorthsHopByHand() {
        // 28 nm, 0.775 V: 32 bits * 72 fJ = 2.3 pJ per hop; latency 5.3 ns at 14 nm * 28/14 = 10.6 ns
        ComponentModel m = provider.create(spikes(32, tech(28, 0.775)));
        assertThat(m.energy(Action.TRAVERSE)).isCloseTo(2.3e-12, withPercentage(0.01));
        assertThat(m.latency(Action.TRAVERSE)).isCloseTo(10.6e-9, withPercentage(0.01));
        assertThat(m.area()).isZero();
    }
}
