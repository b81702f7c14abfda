package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.DeviceKind;
import org.memdse.core.arch.DeviceWrite;
import org.memdse.core.arch.GradientUnit;
import org.memdse.core.arch.Learning;
import org.memdse.core.arch.LearningRule;
import org.memdse.core.arch.UpdateScheme;

/**
 * The learning pass's write counting on plain numbers: a hand calculation of a memristive STDP
 * synapse's update energy, and the trends issue 14 asks for (write-verify against open loop,
 * non-linear devices, half-selected cells).
 */
class LearningPassTest {
    /** 2 V / 50 ns SET and RESET, 0.1-10 uS, linear, no spread unless given. */
    private static DeviceWrite write(double nl, double c2c, double d2d, double endurance) {
        return new DeviceWrite(32, 2, 50e-9, 2, 50e-9, 0.1e-6, 10e-6, nl, nl, c2c, d2d, endurance, 3e8);
    }

    private static Device device(DeviceWrite w) {
        return new Device("d", DeviceKind.RRAM, 100e3, 10e6, 4, 0.2, 10e-9, 0, 0, 0, w.endurance(), 0, false)
                .withWrite(w);
    }

    private static Learning stdp(UpdateScheme scheme) {
        return new Learning(LearningRule.STDP_PAIR, 1, 1, 1, 10, scheme, 10, 0.5, 1, 31, GradientUnit.DIGITAL, true);
    }

    private static LearningPass.LayerUpdate update(Learning l, DeviceWrite w, int rows, boolean crossPoint) {
        LearningPass.CellCosts c = new LearningPass.CellCosts(w, device(w), rows, crossPoint);
        return LearningPass.update(l, w, c, 128.0 * 128, 128, rows, 1e-13, 20e-9, 4);
    }

    @Test
    void aMemristiveStdpSynapseUpdateByHand() {
        // One synapse, one device step, linear device, 1T1R: one pulse of V^2 G t with G the mean of
        // 0.1 and 10 uS: 2^2 x 5.05e-6 S x 50e-9 s = 1.01e-12 J (half the updates SET, half RESET,
        // both 2 V / 50 ns).
        DeviceWrite w = write(0, 0, 0, 1e6);
        LearningPass.CellCosts c = new LearningPass.CellCosts(w, device(w), 1, false);
        LearningPass.LayerUpdate u = LearningPass.update(stdp(UpdateScheme.OPEN_LOOP), w, c, 1, 1, 1, 0, 0, 16);
        assertThat(u.energyWrite()).isEqualTo(1.01e-12, within(1e-18));
        assertThat(u.timeWrite()).isEqualTo(100e-9, within(1e-15));  // one SET and one RESET phase of the row
        assertThat(u.cellsWritten()).isEqualTo(1.0);
        // With NeuroSim V2.1's curves (labels 1.75 / 1.46) a step takes 1.1809 / 1.1212 pulses:
        // (1.1809 + 1.1212) / 2 x 1.01 pJ = 1.1626 pJ.
        DeviceWrite nonLinear = new DeviceWrite(32, 2, 50e-9, 2, 50e-9, 0.1e-6, 10e-6, 1.75, 1.46, 0, 0, 1e6, 3e8);
        LearningPass.CellCosts cn = new LearningPass.CellCosts(nonLinear, device(nonLinear), 1, false);
        assertThat(LearningPass.update(stdp(UpdateScheme.OPEN_LOOP), nonLinear, cn, 1, 1, 1, 0, 0, 16).energyWrite())
                .isEqualTo(1.1626e-12, within(0.001e-12));
    }

    @Test
    void aPublishedWriteEnergyWinsOverTheModel() {
        DeviceWrite w = write(0, 0, 0, 1e6);
        Device published = new Device("d", DeviceKind.RRAM, 100e3, 10e6, 4, 0.2, 10e-9, 0, 3e-12, 0, 1e6, 0, false)
                .withWrite(w);
        LearningPass.CellCosts c = new LearningPass.CellCosts(w, published, 1, false);
        assertThat(LearningPass.update(stdp(UpdateScheme.OPEN_LOOP), w, c, 1, 1, 1, 0, 0, 16).energyWrite())
                .isEqualTo(3e-12, within(1e-20));
    }

    @Test
    void writeVerifyCostsMoreEnergyAndTimeThanOpenLoopAndWritesMorePrecisely() {
        // c2c 5 % of the range: an open-loop write errs by 0.05 x sqrt(1.15 pulses) = 0.054 of the range, 0.16
        // level spacings of a 2-bit cell; the loop accepts 0.1 spacing.
        DeviceWrite w = write(1.75, 0.05, 0.05, 1e6);
        Learning verify = new Learning(LearningRule.STDP_PAIR, 1, 1, 1, 10, UpdateScheme.WRITE_VERIFY, 10, 0.1, 1, 31,
                GradientUnit.DIGITAL, true);
        LearningPass.LayerUpdate open = update(stdp(UpdateScheme.OPEN_LOOP), w, 128, false);
        LearningPass.LayerUpdate verified = update(verify, w, 128, false);
        assertThat(verified.energyWrite() + verified.energyVerify()).isGreaterThan(open.energyWrite() + open.energyVerify());
        assertThat(verified.timeWrite() + verified.timeVerify()).isGreaterThan(open.timeWrite() + open.timeVerify());
        assertThat(verified.sigmaLevels()).isLessThan(open.sigmaLevels());
    }

    @Test
    void moreNonLinearDevicesNeedMorePulses() {
        double previous = 0;
        for (double nl : new double[] {0, 1, 1.75, 2.4, 4.88}) {
            LearningPass.LayerUpdate u = update(stdp(UpdateScheme.OPEN_LOOP), write(nl, 0, 0, 1e6), 128, false);
            assertThat(u.pulses()).as("label %s", nl).isGreaterThan(previous);
            previous = u.pulses();
        }
    }

    @Test
    void crossPointArraysPayForTheirHalfSelectedCells() {
        DeviceWrite w = write(0, 0, 0, 1e6);
        double transistor = update(stdp(UpdateScheme.OPEN_LOOP), w, 128, false).energyWrite();
        double crossPoint = update(stdp(UpdateScheme.OPEN_LOOP), w, 128, true).energyWrite();
        // Each pulse also puts V/2 on the 127 other cells of its column: 1 + 127/4 = 32.75 times the energy.
        assertThat(crossPoint / transistor).isEqualTo(32.75, within(1e-9));
    }

    @Test
    void theStochasticOuterProductUpdatesAWholeArrayInOnePulseTrain() {
        DeviceWrite w = write(0, 0, 0, 1e6);
        LearningPass.LayerUpdate rowByRow = update(stdp(UpdateScheme.OPEN_LOOP), w, 128, false);
        LearningPass.LayerUpdate parallel = update(stdp(UpdateScheme.STOCHASTIC_OUTER_PRODUCT), w, 128, false);
        // 31 pulses of SET and of RESET (100 ns a pair) against 128 rows of one SET and one RESET pulse.
        assertThat(parallel.timeWrite()).isEqualTo(31 * 100e-9, within(1e-15));
        assertThat(rowByRow.timeWrite()).isEqualTo(128 * 100e-9, within(1e-15));
    }

    @Test
    void theSlowestCellOfARowStretchesTheRowByTheDeviceSpread() {
        LearningPass.LayerUpdate even = update(stdp(UpdateScheme.OPEN_LOOP), write(0, 0, 0, 1e6), 128, false);
        LearningPass.LayerUpdate spread = update(stdp(UpdateScheme.OPEN_LOOP), write(0, 0, 0.1, 1e6), 128, false);
        // 1 + 0.1 sqrt(2 ln 128) = 1.3115
        assertThat(spread.timeWrite() / even.timeWrite()).isEqualTo(1 + 0.1 * Math.sqrt(2 * Math.log(128)), within(1e-12));
        assertThat(spread.energyWrite()).isEqualTo(even.energyWrite());
    }
}
