package org.memdse.cost.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Crossbars;
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
    void aRowDriverChargesItsRowLine() {
        // fig4-hybrid: 32 nm LSTP, 0.9 V, 1T1R 128 columns. Per cell: the row wire across 12 F (0.2 fF/um x 0.384 um)
        // and an access transistor's gate, 2 F at (1.2 x 5.245e-10 + 8.004e-10) F/m; the word line swings to V_dd;
        // plus the driver's input, a minimum inverter (NMOS 2 F, PMOS 2 F x 791.9 / 600.2) (wires.md §6).
        double f = 32e-9;
        double gate = (1.2 * 5.245e-10 + 8.004e-10) * 2 * f;
        double line = 128 * (0.2e-15 / 1e-6 * 12 * f + gate);
        double driver = gate * (1 + 791.9 / 600.2);
        ModelQuery q = query(ComponentKind.DAC, new Dac(1, PublishedFigures.NONE), "cim", Fixtures.fig4());
        assertThat(provider.create(q).energy(Action.DRIVE)).isCloseTo((line + driver) * 0.81, withPercentage(1e-6));
        // about 15 fJ: a twentieth of ISAAC's published 1-bit DAC scaled to 32 nm (0.35 pJ)
        assertThat(provider.create(q).energy(Action.DRIVE)).isBetween(10e-15, 20e-15);
    }

    @Test
    void aMultiBitDacAlsoChargesTheRowLineAtItsMeanSquareLevel() {
        Architecture fig4 = Fixtures.fig4();
        Crossbars x = ((CimTileTemplate) fig4.templates().get(0)).macro().crossbars();
        ModelQuery q = query(ComponentKind.DAC, new Dac(2, PublishedFigures.NONE), "cim", fig4);
        // levels 0, 1/3, 2/3, 1: mean square (0 + 1/9 + 4/9 + 1) / 4 = 7/18
        double one = DacModelProvider.rowLineEnergy(x, 1, fig4.technology());
        double driver = DacModelProvider.rowLineEnergy(x, 2, fig4.technology()) - 7.0 / 18 * one;
        assertThat(driver).isPositive().isLessThan(one / 10);
        assertThat(provider.create(q).energy(Action.DRIVE))
                .isCloseTo(DacModelProvider.rowLineEnergy(x, 2, fig4.technology())
                        + DacModelProvider.driveEnergy(2, fig4.technology()), withPercentage(1e-9));
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
