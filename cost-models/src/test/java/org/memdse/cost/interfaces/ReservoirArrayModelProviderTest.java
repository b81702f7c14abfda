package org.memdse.cost.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.horowitzTech;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Adc;
import org.memdse.core.arch.AdcKind;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Dac;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.ReservoirArray;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class ReservoirArrayModelProviderTest extends ComponentModelContractTest {
    private final ReservoirArrayModelProvider provider = new ReservoirArrayModelProvider();

    static ModelQuery array(int devices, double current, Technology t) {
        ReservoirArray r = new ReservoirArray("front", devices, 2.5, current, 1e-3, 4,
                new Adc(AdcKind.SAR, 8, 1, OptionalDouble.empty(), PublishedFigures.NONE), new Dac(8, PublishedFigures.NONE),
                PublishedFigures.NONE);
        return query(ComponentKind.RESERVOIR, r, bare(t));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(array(1, 10e-6, isaacTech()), array(64, 0, isaacTech()), array(4096, 100e-6, horowitzTech()));
    }

    @Override
    protected Knob knob() {
        return new Knob("pulse current", IntStream.of(0, 1, 10, 100, 1000)
                .mapToObj(ua -> array(32, ua * 1e-6, isaacTech())).toList(), energyOf(Action.PULSE));
    }

    @Test
    void aPulseIsVoltageTimesCurrentTimesWidth() {
        // 2.5 V x 10 uA x 1 ms = 25 nJ, lasting the pulse's 1 ms.
        var m = provider.create(array(25, 10e-6, isaacTech()));
        assertThat(m.energy(Action.PULSE)).isCloseTo(25e-9, withPercentage(1e-9));
        assertThat(m.latency(Action.PULSE)).isEqualTo(1e-3);
    }

    @Test
    void aMaskMacIsAnEightBitMultiplyAndAdd() {
        // 45 nm, 0.9 V: 0.2 pJ + 0.03 pJ (Horowitz ISSCC 2014), unscaled.
        assertThat(provider.create(array(25, 10e-6, horowitzTech())).energy(Action.COMPUTE))
                .isCloseTo(0.23e-12, withPercentage(0.01));
    }

    @Test
    void devicesAdd4F2EachAndLeakNothing() {
        var small = provider.create(array(1, 10e-6, isaacTech()));
        var big = provider.create(array(1001, 10e-6, isaacTech()));
        // 32 nm: 4 x (32 nm)^2 = 4.096e-15 m^2 per device.
        assertThat(big.area() - small.area()).isCloseTo(1000 * 4 * 32e-9 * 32e-9, withPercentage(1e-6));
        assertThat(big.leakagePower()).isEqualTo(small.leakagePower());
    }
}
