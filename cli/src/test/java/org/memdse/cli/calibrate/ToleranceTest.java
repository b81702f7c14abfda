package org.memdse.cli.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToleranceTest {
    @Test
    void relativeBoundsBothSides() {
        Tolerance t = Tolerance.relative(0.3);
        assertThat(t.accepts(36.8, 45.55)).isTrue();   // -19 %
        assertThat(t.accepts(26.6, 45.55)).isFalse();  // -42 %, the area before the write path was modelled
        assertThat(t.accepts(59.0, 45.55)).isTrue();   // +29.5 %
        assertThat(t.accepts(59.5, 45.55)).isFalse();  // +30.6 %
        assertThat(t.text()).isEqualTo("±30 %");
    }

    @Test
    void aFactorIsSymmetricInRatio() {
        Tolerance t = Tolerance.factor(2);
        assertThat(t.accepts(92.3, 65.8)).isTrue();
        assertThat(t.accepts(33.0, 65.8)).isTrue();
        assertThat(t.accepts(32.8, 65.8)).isFalse();
        assertThat(t.accepts(131.7, 65.8)).isFalse();
        assertThat(t.text()).isEqualTo("×2");
    }

    @Test
    void aFloorLooksAtMemdsesValueOnly() {
        Tolerance t = Tolerance.atLeast(0.9);
        assertThat(t.accepts(0.91, 0.983)).isTrue();
        assertThat(t.accepts(0.89, 0.5)).isFalse();
        assertThat(t.text()).isEqualTo("≥ 0.9");
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThatThrownBy(() -> Tolerance.factor(0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerance.relative(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tolerance.relative(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCheckReportsItsDeviation() {
        CalibrationCheck c = new CalibrationCheck("x", "area (mm^2)", 36.84, 45.55, Tolerance.relative(0.3), "src");
        assertThat(c.deviation()).isCloseTo(36.84 / 45.55 - 1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.passes()).isTrue();
    }
}
