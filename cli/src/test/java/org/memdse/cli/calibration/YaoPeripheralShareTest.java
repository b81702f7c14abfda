package org.memdse.cli.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;

/**
 * yao2020-cnn (Yao et al., Nature 2020) running the FC layer of its own five-layer CNN (192 -> 10,
 * 8-bit data; lenet5 and mlp-mnist do not fit its eight 128x16 arrays): converters and the other peripheral circuits
 * (everything but the crossbar cells) take most of the area and of the energy. The seed paper
 * quotes 98.3 % / 93.9 % for such systems (untraced, published-figures.md §1.5/§4.1).
 */
class YaoPeripheralShareTest {
    private static Metrics m;

    @BeforeAll
    static void evaluate() {
        org.memdse.core.network.NetworkGraph fc = org.memdse.core.network.NetworkGraph.builder("yao-fc").precision(8, 8)
                .add(new org.memdse.core.network.InputNode("in", org.memdse.core.network.Shape.of(192)))
                .add(new org.memdse.core.network.Linear("fc", 192, 10, false, false,
                        org.memdse.core.network.ActivationFunction.IDENTITY), "in")
                .build();
        m = Pipeline.evaluate(Pipeline.architecture("yao2020-cnn"), fc, OpConvention.INT8);
        System.out.printf("yao2020-cnn/fc 192x10: area %.4g mm2, peripheral area %.2f %%, energy %.4g pJ, peripheral energy %.2f %%, "
                        + "converters (adc+dac) energy %.2f %%%n", m.areaM2() * 1e6, 100 * (1 - m.areaByKind().share("crossbar")),
                m.energyJ() * 1e12, 100 * (1 - m.energyByKind().share("crossbar")),
                100 * (m.energyByKind().share("adc") + m.energyByKind().share("dac")));
    }

    @Test
    void peripheralsTakeMoreThan90PercentOfTheArea() {
        Breakdown a = m.areaByKind();
        assertThat(1 - a.share("crossbar")).isGreaterThan(0.9);
        assertThat(a.share("adc")).isGreaterThan(a.share("crossbar"));
    }

    @Test
    void peripheralsTakeMoreThan90PercentOfTheEnergy() {
        Breakdown e = m.energyByKind();
        assertThat(1 - e.share("crossbar")).isGreaterThan(0.9);
        assertThat(e.get("adc") + e.get("dac")).isGreaterThan(e.get("crossbar"));
    }
}
