package org.memdse.cost.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** NeuroSim's exponential update curve: the label table and the pulses a step takes. */
class UpdateCurveTest {
    @Test
    void theTablePointsAreNeuroSims() {
        // docs/reference/learning.md A.1: NL 1.75 -> A/Pmax 0.7021, NL 4.88 -> 0.2003.
        assertThat(UpdateCurve.aNormalised(1.75)).isEqualTo(0.7021, within(1e-12));
        assertThat(UpdateCurve.aNormalised(4.88)).isEqualTo(0.2003, within(1e-12));
        assertThat(UpdateCurve.aNormalised(0)).isInfinite();
        // Between 1.75 and 2.40 A falls monotonically.
        assertThat(UpdateCurve.aNormalised(2.0)).isBetween(0.4992, 0.7021);
    }

    @Test
    void aLinearDeviceTakesOnePulsePerStepAndNonLinearOnesMore() {
        assertThat(UpdateCurve.pulsesPerStep(0)).isEqualTo(1.0);
        // A^2 (e^(1/A) - 1)(1 - e^(-1/A)) at A = 0.7021: 0.49294 x 3.15486 x 0.75928 = 1.1809.
        assertThat(UpdateCurve.pulsesPerStep(1.75)).isEqualTo(1.1809, within(1e-4));
        // At A = 0.2003 (label 4.88): 5.83 pulses per step.
        assertThat(UpdateCurve.pulsesPerStep(4.88)).isEqualTo(5.830, within(1e-3));
        double previous = 1;
        for (double label = 0.25; label <= 9; label += 0.25) {
            double pulses = UpdateCurve.pulsesPerStep(label);
            assertThat(pulses).as("label %s", label).isGreaterThan(previous);
            previous = pulses;
        }
    }
}
