package org.memdse.cost.crossbar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.rram;
import static org.memdse.cost.spi.Fixtures.tech;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ArrayPeriphery;
import org.memdse.core.arch.CellType;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TransistorFlavour;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class ArrayPeripheryModelProviderTest extends ComponentModelContractTest {
    private final ArrayPeripheryModelProvider provider = new ArrayPeripheryModelProvider();

    static ModelQuery periphery(Technology t) {
        Crossbars x = new Crossbars(16, 128, 128, 2, rram(), CellType.ONE_T_ONE_R, SignedWeights.OFFSET, PublishedFigures.NONE);
        return query(ComponentKind.ARRAY_PERIPHERY, new ArrayPeriphery(x, 8, PublishedFigures.NONE), bare(t));
    }

    static Technology neurosim() {
        return new Technology(22e-9, 0.8, 1e9, TransistorFlavour.LSTP);
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(periphery(neurosim()), periphery(tech(32, 0.9)), periphery(tech(130, 1.2)));
    }

    @Override
    protected Knob knob() {
        return new Knob("node", DoubleStream.of(16, 32, 65, 130).mapToObj(n -> periphery(tech(n, 0.9))).toList(),
                m -> m.area());
    }

    @Test
    void neuroSimsSubarrayPeripheryByHand() {
        // line current 128 x 0.5 V / 100 kOhm = 0.64 mA; LSTP 683.6 uA/um -> 0.936 um = 42.55 F at 22 nm
        // -> 5 folds of 8.85 F: (6 x 2.7 + 5) x 14 = 296.8 F^2 per transistor; a minimum one (2 x 2.7 + 1) x 14 = 89.6 F^2
        // rows: 128 x (22 x 89.6 + 2 x 296.8) = 328,294.4; muxes: 128 x 2 x 296.8 = 75,980.8;
        // mux decoder: 8 x 8 x 89.6 = 5,734.4; total 410,009.6 F^2 x (22 nm)^2 = 1.98445e-10 m^2
        ComponentModel m = provider.create(periphery(neurosim()));
        assertThat(m.area()).isCloseTo(410_009.6 * 22e-9 * 22e-9, withPercentage(0.01));
        assertThat(m.latency(Action.READ)).isCloseTo(10e-9, withPercentage(0.01));
        // switched width: 128 x (16 x 2 + 2 x 42.55) + 128 x 2 x 42.55 + 64 x 2 F = 25,937 F = 570.6 um;
        // E = 0.5 x 5.11e-16 F/um x 570.6 um x 0.64 V^2 = 93.3 fJ per array read
        double switchedF = 128 * (16 * 2 + 2 * 42.5532) + 128 * 2 * 42.5532 + 64 * 2;
        assertThat(m.energy(Action.READ)).isCloseTo(0.5 * 5.11e-10 * switchedF * 22e-9 * 0.64, withPercentage(0.1));
    }

    @Test
    void lstpLeaksAboutTenThousandTimesLessThanHp() {
        ComponentModel lstp = provider.create(periphery(neurosim()));
        ComponentModel hp = provider.create(periphery(new Technology(22e-9, 0.8, 1e9)));
        assertThat(lstp.leakagePower() / hp.leakagePower()).isLessThan(1e-3);
    }
}
