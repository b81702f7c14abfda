package org.memdse.cost.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.horowitzTech;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.tech;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.IntegrationDirection;
import org.memdse.core.arch.IntegrationInterface;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class IntegrationInterfaceModelProviderTest extends ComponentModelContractTest {
    private final IntegrationInterfaceModelProvider provider = new IntegrationInterfaceModelProvider();

    static ModelQuery iface(IntegrationDirection d, Technology t) {
        return query(ComponentKind.INTERFACE, new IntegrationInterface("integration", d, 256, PublishedFigures.NONE), bare(t));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return Arrays.stream(IntegrationDirection.values()).map(d -> iface(d, isaacTech())).toList();
    }

    @Override
    protected Knob knob() {
        return new Knob("node", DoubleStream.of(7, 16, 32, 65, 130)
                .mapToObj(n -> iface(IntegrationDirection.VOLTAGE_TO_SPIKE, tech(n, 0.9))).toList(), energyOf(Action.CONVERT));
    }

    @Test
    void conversionsByHand() {
        // 45 nm, 0.9 V. Stillmaker 32 nm 1.0 V -> 45 nm 0.9 V: 0.84433 / 0.64460 = 1.30985
        // spike->voltage: 0.03 pJ + 128 * 0.35 pJ * 1.30985 = 0.03 + 58.681 = 58.711 pJ, 1 cycle
        // voltage->spike: 256 * (24.5 + 8 * 3.75) fJ = 13.952 pJ, 256 cycles
        ComponentModel s2v = provider.create(iface(IntegrationDirection.SPIKE_TO_VOLTAGE, horowitzTech()));
        ComponentModel v2s = provider.create(iface(IntegrationDirection.VOLTAGE_TO_SPIKE, horowitzTech()));
        ComponentModel both = provider.create(iface(IntegrationDirection.BIDIRECTIONAL, horowitzTech()));
        assertThat(s2v.energy(Action.CONVERT)).isCloseTo(58.711e-12, withPercentage(0.05));
        assertThat(v2s.energy(Action.CONVERT)).isCloseTo(13.952e-12, withPercentage(0.01));
        assertThat(v2s.latency(Action.CONVERT)).isCloseTo(256e-9, withPercentage(0.01));
        assertThat(both.energy(Action.CONVERT)).isCloseTo(58.711e-12, withPercentage(0.05));
        assertThat(both.area()).isCloseTo(s2v.area() + v2s.area(), withPercentage(1e-9));
    }
}
