package org.memdse.cost.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.tech;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SampleHold;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class SampleHoldModelProviderTest extends ComponentModelContractTest {
    private final SampleHoldModelProvider provider = new SampleHoldModelProvider();

    static ModelQuery sh(Technology t) {
        return query(ComponentKind.SAMPLE_HOLD, new SampleHold(PublishedFigures.NONE), bare(t));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(sh(isaacTech()), sh(tech(7, 0.7)), sh(tech(180, 1.8)));
    }

    @Override
    protected Knob knob() {
        return new Knob("node", DoubleStream.of(7, 14, 22, 32, 45, 65, 90, 130, 180).mapToObj(n -> sh(tech(n, 0.9))).toList(),
                energyOf(Action.SAMPLE));
    }

    @Test
    void isaacsSampleAndHoldByHand() {
        // 8.7 nW * 100 ns = 0.87 fJ per sample; leakage 0.97 nW; area 3.9e-8 mm^2 = 3.9e-14 m^2
        ComponentModel m = provider.create(sh(isaacTech()));
        assertThat(m.energy(Action.SAMPLE)).isCloseTo(0.87e-15, withPercentage(0.01));
        assertThat(m.leakagePower()).isCloseTo(0.97e-9, withPercentage(0.01));
        assertThat(m.area()).isCloseTo(3.9e-14, withPercentage(0.01));
    }
}
