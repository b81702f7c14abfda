package org.memdse.cost.digital;

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
import org.memdse.core.arch.ShiftAdd;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class ShiftAddModelProviderTest extends ComponentModelContractTest {
    private final ShiftAddModelProvider provider = new ShiftAddModelProvider();

    static ModelQuery sa(Technology t) {
        return query(ComponentKind.SHIFT_ADD, new ShiftAdd(4, PublishedFigures.NONE), bare(t));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(sa(isaacTech()), sa(tech(5, 0.7)), sa(tech(250, 2.5)));
    }

    @Override
    protected Knob knob() {
        return new Knob("node", DoubleStream.of(7, 16, 32, 65, 130).mapToObj(n -> sa(tech(n, 0.9))).toList(),
                energyOf(Action.COMPUTE));
    }

    @Test
    void isaacsShiftAddByHand() {
        // 0.045 mW * 1 ns = 45 fJ per op; leakage 0.005 mW; area 6e-5 mm^2 = 6e-11 m^2; peak 45 fJ/1 ns + 5 uW = 50 uW
        ComponentModel m = provider.create(sa(isaacTech()));
        assertThat(m.energy(Action.COMPUTE)).isCloseTo(45e-15, withPercentage(0.01));
        assertThat(m.leakagePower()).isCloseTo(5e-6, withPercentage(0.01));
        assertThat(m.area()).isCloseTo(6e-11, withPercentage(0.01));
        assertThat(m.peakPower()).isCloseTo(50e-6, withPercentage(0.01));
    }
}
