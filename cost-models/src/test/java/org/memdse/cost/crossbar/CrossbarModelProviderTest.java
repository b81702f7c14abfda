package org.memdse.cost.crossbar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.rram;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.CellType;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class CrossbarModelProviderTest extends ComponentModelContractTest {
    private final CrossbarModelProvider provider = new CrossbarModelProvider();

    static ModelQuery crossbar(int rows, int cols, int bitsPerCell, CellType cell) {
        return query(ComponentKind.CROSSBAR, new Crossbars(8, rows, cols, bitsPerCell, rram(), cell, SignedWeights.OFFSET,
                PublishedFigures.NONE), bare(isaacTech()));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(crossbar(128, 128, 2, CellType.ONE_T_ONE_R), crossbar(64, 256, 1, CellType.ONE_S_ONE_R),
                crossbar(1, 1, 1, CellType.PASSIVE));
    }

    @Override
    protected List<ModelQuery> unsupportedQueries() {
        return List.of(crossbar(128, 128, 3, CellType.ONE_T_ONE_R)); // 4 levels hold 2 bits
    }

    @Override
    protected Knob knob() {
        return new Knob("rows", List.of(crossbar(32, 128, 2, CellType.ONE_T_ONE_R), crossbar(64, 128, 2, CellType.ONE_T_ONE_R),
                crossbar(128, 128, 2, CellType.ONE_T_ONE_R), crossbar(256, 128, 2, CellType.ONE_T_ONE_R)), energyOf(Action.READ));
    }

    @Test
    void readOfA128x128HfO2ArrayByHand() {
        // E = V^2 * (G_on + G_off)/2 * rows * cols * t_read
        //   = 0.25 V^2 * (1e-5 + 1e-7)/2 S * 16384 * 10 ns = 0.25 * 5.05e-6 * 16384 * 1e-8 = 2.06848e-10 J (207 pJ)
        // area = 16384 cells * 48 F^2 * (32 nm)^2 = 16384 * 48 * 1.024e-15 m^2 = 8.0531e-10 m^2 (805 um^2)
        ComponentModel m = provider.create(crossbar(128, 128, 2, CellType.ONE_T_ONE_R));
        assertThat(m.energy(Action.READ)).isCloseTo(2.06848e-10, withPercentage(0.01));
        assertThat(m.latency(Action.READ)).isCloseTo(10e-9, withPercentage(0.01));
        assertThat(m.area()).isCloseTo(8.0531e-10, withPercentage(0.01));
        assertThat(m.leakagePower()).isZero();
        // peak = 207 pJ / 10 ns = 20.68 mW
        assertThat(m.peakPower()).isCloseTo(20.6848e-3, withPercentage(0.01));
        // WRITE = the device's 1 pJ, 50 ns pulse
        assertThat(m.energy(Action.WRITE)).isCloseTo(1e-12, withPercentage(0.01));
        assertThat(m.latency(Action.WRITE)).isCloseTo(50e-9, withPercentage(0.01));
    }

    @Test
    void crosspointCellsAreFourF2() {
        // 64 x 256 = 16384 cells * 4 F^2 * 1.024e-15 m^2 = 6.7109e-11 m^2
        assertThat(provider.create(crossbar(64, 256, 1, CellType.ONE_S_ONE_R)).area()).isCloseTo(6.7109e-11, withPercentage(0.01));
    }

    @Test
    void aDrawnCellAreaReplacesTheTypesAndStillScalesWithTheCells() {
        // DNN+NeuroSim V2.1 Param.cpp's 1T1R cell, 4F x 4F: 16384 cells * 16 F^2 * 1.024e-15 m^2 = 2.6844e-10 m^2,
        // a third of the type's 48 F^2 (8.0531e-10 m^2); twice the rows, twice the area; energy unchanged
        ModelQuery drawn = query(ComponentKind.CROSSBAR, new Crossbars(8, 128, 128, 2, rram(), CellType.ONE_T_ONE_R,
                SignedWeights.OFFSET, PublishedFigures.NONE, 16), bare(isaacTech()));
        ModelQuery taller = query(ComponentKind.CROSSBAR, new Crossbars(8, 256, 128, 2, rram(), CellType.ONE_T_ONE_R,
                SignedWeights.OFFSET, PublishedFigures.NONE, 16), bare(isaacTech()));
        assertThat(provider.create(drawn).area()).isCloseTo(2.6844e-10, withPercentage(0.01));
        assertThat(provider.create(taller).area()).isCloseTo(2 * 2.6844e-10, withPercentage(0.01));
        assertThat(provider.create(drawn).energy(Action.READ))
                .isEqualTo(provider.create(crossbar(128, 128, 2, CellType.ONE_T_ONE_R)).energy(Action.READ));
    }

    @Test
    void sharingAConverterDoesNotDivideTheReadPulsesEnergy() {
        // neurosim-vgg8: 8 columns per ADC, no S&H; one read pulse of every cell (how long the cells
        // conduct per read cycle is the evaluator's count): 0.25 V^2 * 5.05e-6 S * 16384 * 10 ns = 2.0685e-10 J
        org.memdse.core.arch.Architecture a = org.memdse.core.arch.read.ArchitectureReader.read(
                org.memdse.cost.spi.Fixtures.ARCHITECTURES.resolve("neurosim-vgg8/architecture.yaml"));
        org.memdse.core.arch.Component c = org.memdse.core.arch.Components.of(a).stream()
                .filter(x -> x.path().equals("cim.macro.crossbars")).findFirst().orElseThrow();
        ComponentModel m = provider.create(new ModelQuery(c, a));
        assertThat(m.energy(Action.READ)).isCloseTo(2.0685e-10, withPercentage(0.01));
    }
}
