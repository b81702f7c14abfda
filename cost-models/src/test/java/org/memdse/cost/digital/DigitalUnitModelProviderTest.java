package org.memdse.cost.digital;

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
import org.memdse.core.arch.DigitalKind;
import org.memdse.core.arch.DigitalUnit;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class DigitalUnitModelProviderTest extends ComponentModelContractTest {
    private final DigitalUnitModelProvider provider = new DigitalUnitModelProvider();

    static ModelQuery unit(DigitalKind kind, Technology t) {
        return query(ComponentKind.DIGITAL, new DigitalUnit(kind, 1, PublishedFigures.NONE), bare(t));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return Arrays.stream(DigitalKind.values()).map(k -> unit(k, isaacTech())).toList();
    }

    @Override
    protected Knob knob() {
        return new Knob("node", DoubleStream.of(7, 16, 32, 65, 130).mapToObj(n -> unit(DigitalKind.POOLING, tech(n, 0.9))).toList(),
                energyOf(Action.COMPUTE));
    }

    @Test
    void isaacsSigmoidAndMaxPoolByHand() {
        // sigmoid: 0.234 mW * 1 ns = 0.234 pJ, leakage 0.026 mW, area 0.0003 mm^2
        ComponentModel sig = provider.create(unit(DigitalKind.ACTIVATION, isaacTech()));
        assertThat(sig.energy(Action.COMPUTE)).isCloseTo(0.234e-12, withPercentage(0.01));
        assertThat(sig.leakagePower()).isCloseTo(0.026e-3, withPercentage(0.01));
        assertThat(sig.area()).isCloseTo(0.0003e-6, withPercentage(0.01));
        // max-pool: 0.9 * 0.4 mW * 1 ns = 0.36 pJ, leakage 0.1 * 0.4 mW = 0.04 mW, area 0.00024 mm^2
        ComponentModel pool = provider.create(unit(DigitalKind.POOLING, isaacTech()));
        assertThat(pool.energy(Action.COMPUTE)).isCloseTo(0.36e-12, withPercentage(0.01));
        assertThat(pool.leakagePower()).isCloseTo(0.04e-3, withPercentage(0.01));
        assertThat(pool.peakPower()).isCloseTo(0.4e-3, withPercentage(0.01));
    }

    @Test
    void accumulatorIsHorowitzs32BitAdd() {
        // 45 nm, 0.9 V: 0.1 pJ per 32-bit add
        assertThat(provider.create(unit(DigitalKind.ACCUMULATOR, horowitzTech())).energy(Action.COMPUTE))
                .isCloseTo(0.1e-12, withPercentage(0.01));
    }

    @Test
    void aMacIsHorowitzsEightBitMultiplyAndThirtyTwoBitAdd() {
        // 0.2 pJ + 0.1 pJ at 45 nm, 0.9 V; 282 + 137 um^2
        ComponentModel mac = provider.create(unit(DigitalKind.MAC, horowitzTech()));
        assertThat(mac.energy(Action.COMPUTE)).isCloseTo(0.3e-12, withPercentage(0.01));
        assertThat(mac.area()).isCloseTo(419e-12, withPercentage(0.01));
        assertThat(mac.leakagePower()).isGreaterThan(provider.create(unit(DigitalKind.SHIFT_ADD, horowitzTech()))
                .leakagePower());
    }
}
