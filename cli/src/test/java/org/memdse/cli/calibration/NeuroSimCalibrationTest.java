package org.memdse.cli.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;

/**
 * The bundled neurosim-vgg8 on vgg8-cifar10 (sequential mapper) against DNN+NeuroSim V1.3's
 * worked example (published-figures.md §3.1): 45.55 mm², 25.72 TOPS/W with 1.231835e9 ops per
 * image, 686.75 FPS layer by layer (1.456 ms), ADC (NeuroSim's "ADC (or SA and precharger)",
 * which includes the array read, SubArray.cpp readDynamicEnergyADC) 48.4 % of dynamic energy.
 * The tolerances are asserted as they are: 30 % on area and TOPS/W, 50 % on FPS.
 *
 * <p>Reached (README, calibration): area 36.8 mm² (−19 %): the write-path level shifters NeuroSim
 * builds on every line (v_write 2 V) are 13.8 mm² and the ADCs 12.9 mm², against its 15.6 and
 * 14.6, and memdse lays out 3,584 subarrays where NeuroSim's novel mapping builds 4,048. FPS 855
 * (+24 %): buffer lines at one synchronous cycle of the example's 2.05141 ns clock, through its
 * 64-bit tile input buffers and its 1 Mibit global buffer (without NeuroSim's ceil(47 / tiles)
 * scaling of the global buffer's time). TOPS/W 31.1 (+21 %).
 */
class NeuroSimCalibrationTest {
    static final double AREA_MM2 = 45.55;
    static final double TOPS_PER_W = 25.72;
    static final double FPS = 686.75;
    static final double OPS = 1.231835e9;

    private static Metrics m;

    @BeforeAll
    static void evaluate() {
        // At the density the check was calibrated at on every layer (Calibrations.NEUROSIM_INPUT_BIT_DENSITY).
        m = Pipeline.evaluate(Pipeline.architecture("neurosim-vgg8"),
                Pipeline.network("vgg8-cifar10").withInputBitDensity(0.5), OpConvention.INT8);
    }

    @Test
    void countsOpsAsNeuroSimDoes() {
        // VGG-8 has no stride-2 convolutions, so input- and output-size counting agree (§3.1 derived).
        assertThat(m.ops()).isCloseTo(OPS, org.assertj.core.data.Percentage.withPercentage(0.1));
    }

    @Test
    void chipAreaWithin30PercentOfNeuroSim() {
        // reached: 36.8 mm^2 (-19 %)
        assertThat(m.areaM2() * 1e6).isBetween(AREA_MM2 * 0.7, AREA_MM2 * 1.3);
    }

    @Test
    void writeLevelShiftersAndAdcsTakeMostOfTheArea() {
        // NeuroSim: level shifters 15.6 mm^2 (34 %, inside its "other peripherals"), ADCs 14.6 mm^2 (32 %),
        // the arrays themselves 1.5 mm^2 (3.4 %)
        Breakdown a = m.areaByKind();
        double total = a.total();
        assertThat(a.get("level_shifter") / total).isBetween(0.25, 0.45);
        assertThat(a.get("adc") / total).isBetween(0.25, 0.45);
        assertThat(a.get("crossbar") / total).isLessThan(0.06);
    }

    @Test
    void dynamicTopsPerWattWithin30PercentOfNeuroSim() {
        double dynamic = m.energyJ() - m.energyByKind().get("static");
        double topsPerW = m.ops() / dynamic / 1e12;
        // reached: 31.7 TOPS/W from dynamic energy alone (+23 %)
        assertThat(topsPerW).isBetween(TOPS_PER_W * 0.7, TOPS_PER_W * 1.3);
    }

    @Test
    void topsPerWattWithStaticEnergyWithin30PercentOfNeuroSim() {
        // reached: 31.1 TOPS/W (+21 %); static power 0.69 mW against NeuroSim's 0.63 mW (LSTP logic)
        assertThat(m.topsPerWatt()).isBetween(TOPS_PER_W * 0.7, TOPS_PER_W * 1.3);
        assertThat(m.leakagePowerW()).isBetween(628.781e-6 / 2, 628.781e-6 * 2);
    }

    @Test
    void layerByLayerFpsWithin50PercentOfNeuroSim() {
        // reached: 1 / 1.170 ms = 855 FPS (+24 %)
        double fps = 1 / m.latencyS();
        assertThat(fps).isBetween(FPS * 0.5, FPS * 1.5);
    }

    @Test
    void conversionIsTheLargestShareOfDynamicEnergy() {
        Breakdown e = m.energyByKind();
        double dynamic = e.total() - e.get("static");
        double conversion = e.get("adc") + e.get("crossbar"); // NeuroSim's "ADC (or SA and precharger)" group
        for (String kind : e.parts().keySet()) {
            if (!kind.equals("static") && !kind.equals("adc") && !kind.equals("crossbar")) {
                assertThat(conversion).as(kind).isGreaterThan(e.get(kind));
            }
        }
        // reached: 62 % (ADC alone 22 %; NeuroSim 48.4 %)
        assertThat(conversion / dynamic).isBetween(0.4, 0.7);
    }
}
