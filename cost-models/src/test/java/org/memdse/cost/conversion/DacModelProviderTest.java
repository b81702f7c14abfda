package org.memdse.cost.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Dac;
import org.memdse.core.arch.InputEncoding;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.ModelQuery;

class DacModelProviderTest extends ComponentModelContractTest {
    private final DacModelProvider provider = new DacModelProvider();

    static ModelQuery dac(int bits) {
        return query(ComponentKind.DAC, new Dac(bits, PublishedFigures.NONE), bare(isaacTech()));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(dac(1), dac(4), dac(12));
    }

    @Override
    protected List<ModelQuery> unsupportedQueries() {
        return List.of(dac(13));
    }

    @Override
    protected Knob knob() {
        return new Knob("bits", IntStream.rangeClosed(1, 12).mapToObj(DacModelProviderTest::dac).toList(), energyOf(Action.DRIVE));
    }

    @Test
    void isaacsOneBitDriverByHand() {
        // 3.5 uW * 100 ns = 0.35 pJ per drive; leakage 0.39 uW; area 1.67e-7 mm^2 = 1.67e-13 m^2; latency 1 cycle (1 ns)
        ComponentModel m = provider.create(dac(1));
        assertThat(m.energy(Action.DRIVE)).isCloseTo(0.35e-12, withPercentage(0.01));
        assertThat(m.leakagePower()).isCloseTo(0.39e-6, withPercentage(0.01));
        assertThat(m.area()).isCloseTo(1.67e-13, withPercentage(0.01));
        assertThat(m.latency(Action.DRIVE)).isCloseTo(1e-9, withPercentage(0.01));
    }

    @Test
    void aFourBitDacIsEightUnitDrivers() {
        // 2^(4-1) = 8: 8 * 0.35 pJ = 2.8 pJ, area 8 * 1.67e-13 = 1.336e-12 m^2
        ComponentModel m = provider.create(dac(4));
        assertThat(m.energy(Action.DRIVE)).isCloseTo(2.8e-12, withPercentage(0.01));
        assertThat(m.area()).isCloseTo(1.336e-12, withPercentage(0.01));
    }

    @Test
    void insideAMacroTheDriveLastsTheReadPulse() {
        // fig4-hybrid's crossbars use the HfO2 RRAM with a 10 ns read pulse
        ModelQuery q = query(ComponentKind.DAC, new Dac(1, PublishedFigures.NONE), "cim", Fixtures.fig4());
        assertThat(provider.create(q).latency(Action.DRIVE)).isCloseTo(10e-9, withPercentage(0.01));
    }

    @Test
    void inputEncodingTiming() {
        // 8-bit inputs, 10 ns reads: bit-serial 8 cycles = 80 ns; 2-bit DACs 4 cycles = 40 ns;
        // pulse width one read of up to 255 unit pulses = 2550 ns
        assertThat(InputEncodingTiming.readCycles(InputEncoding.BIT_SERIAL, 8, 1)).isEqualTo(8);
        assertThat(InputEncodingTiming.readCycles(InputEncoding.MULTI_BIT_DAC, 8, 3)).isEqualTo(3);
        assertThat(InputEncodingTiming.readTime(InputEncoding.MULTI_BIT_DAC, 8, 2, 10e-9)).isCloseTo(40e-9, withPercentage(0.01));
        assertThat(InputEncodingTiming.readTime(InputEncoding.PULSE_WIDTH, 8, 1, 10e-9)).isCloseTo(2550e-9, withPercentage(0.01));
    }
}
