package org.memdse.cost.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

class TechnologyScalingTest {
    @Test
    void tabulatedNodes() {
        // Stillmaker & Baas area table, 130 nm row: 32 nm 0.072, 45 nm 0.16 -> 45 -> 32 = 0.45
        assertThat(TechnologyScaling.areaFactor(130e-9, 32e-9)).isCloseTo(0.072, withPercentage(0.01));
        assertThat(TechnologyScaling.areaFactor(45e-9, 32e-9)).isCloseTo(0.45, withPercentage(0.01));
        // energy: 32 nm at 1.0 V = 0.9559 - 0.7823 + 0.471 = 0.6446; 45 nm at 0.9 V = 1.103*0.81 - 0.362*0.9 + 0.2767 = 0.84433
        assertThat(TechnologyScaling.energyFactor(45e-9, 0.9, 32e-9, 1.0)).isCloseTo(0.6446 / 0.84433, withPercentage(0.01));
        assertThat(TechnologyScaling.energyFactor(32e-9, 1.0, 32e-9, 1.0)).isEqualTo(1.0);
    }

    @Test
    void interpolatesInLogNode() {
        // 28 nm lies t = ln(32/28)/ln(32/20) = 0.28410 of the way from 32 to 20 nm:
        // 32 nm at 0.8 V: 0.9559*0.64 - 0.7823*0.8 + 0.471 = 0.45694; 20 nm: 0.373*0.64 - 0.1582*0.8 + 0.04104 = 0.15320
        // -> 0.45694 + 0.28410 * (0.15320 - 0.45694) = 0.37065
        assertThat(TechnologyScaling.relativeEnergy(28e-9, 0.8)).isCloseTo(0.37065, withPercentage(0.01));
    }

    @Test
    void classicalOutsideTheTable() {
        // 180 nm: area (180/130)^2 of 130 nm's; energy x 180/130 at the same supply
        assertThat(TechnologyScaling.areaFactor(130e-9, 180e-9)).isCloseTo(Math.pow(180 / 130.0, 2), withPercentage(0.01));
        assertThat(TechnologyScaling.energyFactor(130e-9, 1.2, 180e-9, 1.2)).isCloseTo(180 / 130.0, withPercentage(0.01));
        assertThat(TechnologyScaling.delayFactor(32e-9, 16e-9)).isEqualTo(0.5);
    }
}
