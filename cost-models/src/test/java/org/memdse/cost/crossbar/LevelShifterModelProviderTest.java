package org.memdse.cost.crossbar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.tech;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.CellType;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.DeviceKind;
import org.memdse.core.arch.LevelShifters;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class LevelShifterModelProviderTest extends ComponentModelContractTest {
    private final LevelShifterModelProvider provider = new LevelShifterModelProvider();

    static Device rram(double vWrite) {
        return new Device("rram", DeviceKind.RRAM, 100e3, 10e6, 4, 0.5, 10e-9, vWrite, 1e-12, 50e-9, 1e6, 0, false);
    }

    static ModelQuery shifters(int rows, int cols, CellType cell, double vWrite, Technology t) {
        Crossbars x = new Crossbars(16, rows, cols, 2, rram(vWrite), cell, SignedWeights.OFFSET, PublishedFigures.NONE);
        return query(ComponentKind.LEVEL_SHIFTER, new LevelShifters(x, PublishedFigures.NONE), bare(t));
    }

    static Technology neurosim() {
        return ArrayPeripheryModelProviderTest.neurosim();
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(shifters(128, 128, CellType.ONE_T_ONE_R, 2.0, neurosim()),
                shifters(64, 256, CellType.ONE_S_ONE_R, 3.0, tech(32, 0.9)),
                shifters(128, 128, CellType.ONE_T_ONE_R, 1.2, tech(45, 1.0)));
    }

    @Override
    protected Knob knob() {
        return new Knob("rows", IntStream.of(32, 64, 128, 256)
                .mapToObj(r -> shifters(r, 128, CellType.ONE_T_ONE_R, 2.0, neurosim())).toList(), ComponentModel::area);
    }

    @Test
    void neuroSimsSubarrayByHand() {
        // 1T1R 128 x 128: word and bit lines per row, source lines per column: 2 x 128 + 128 = 384 shifters
        // of 70 F x 205.2 F x 1.44 = 20,684.16 F^2; at 22 nm 10.011 um^2 each, 3,844.3 um^2 per array,
        // ten times the array's 128 x 128 x 48 F^2 = 380.6 um^2 (NeuroSim's VGG-8 example: 15.56 mm^2 of
        // its 20.09 mm^2 "other peripherals" over 4,048 subarrays).
        ComponentModel m = provider.create(shifters(128, 128, CellType.ONE_T_ONE_R, 2.0, neurosim()));
        double f2 = 22e-9 * 22e-9;
        assertThat(m.area()).isCloseTo(384 * 20_684.16 * f2, withPercentage(1e-6));
        assertThat(m.area() * 1e12).isCloseTo(3_844.3, withPercentage(0.01));
        assertThat(m.area()).isGreaterThan(10 * 128 * 128 * 48 * f2);
        // one line switched to 2 V: 1,035.2 F x 22 nm x 5.11e-10 F/m x 4 V^2 = 46.5 fJ, within the 50 ns write pulse
        assertThat(m.energy(Action.WRITE)).isCloseTo(1035.2 * 22e-9 * 5.11e-10 * 4, withPercentage(1e-6));
        assertThat(m.latency(Action.WRITE)).isCloseTo(50e-9, withPercentage(1e-9));
        // leakage: 384 x half of 1,035.2 F off at 2 V, 2.06e-5 A/m: 384 x 0.5 x 2.06e-5 x 22.77e-6 m x 2 V
        assertThat(m.leakagePower()).isCloseTo(384 * 0.5 * 2.06e-5 * 1035.2 * 22e-9 * 2, withPercentage(1e-6));
        assertThat(m.actions()).doesNotContain(Action.READ);
    }

    @Test
    void crosspointArraysShiftRowsAndColumnsOnly() {
        ComponentModel oneT = provider.create(shifters(64, 256, CellType.ONE_T_ONE_R, 2.0, neurosim()));
        ComponentModel crosspoint = provider.create(shifters(64, 256, CellType.ONE_S_ONE_R, 2.0, neurosim()));
        // 1T1R: 2 x 64 + 256 = 384 lines; 1S1R: 64 + 256 = 320
        assertThat(crosspoint.area() / oneT.area()).isCloseTo(320.0 / 384, withPercentage(1e-9));
    }

    @Test
    void aWriteVoltageTheCoreTransistorsSwitchNeedsNoShifters() {
        // NeuroSim builds level shifters only above 1.5 V
        ComponentModel low = provider.create(shifters(128, 128, CellType.ONE_T_ONE_R, 1.5, neurosim()));
        assertThat(low.area()).isZero();
        assertThat(low.leakagePower()).isZero();
        assertThat(low.energy(Action.WRITE)).isZero();
        assertThat(provider.create(shifters(128, 128, CellType.ONE_T_ONE_R, 1.51, neurosim())).area()).isPositive();
    }
}
