package org.memdse.cost.gating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.PowerGating;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TransistorFlavour;

/** The sleep switch of one block, worked out by hand from CACTI-P's sizing rule. */
class SleepSwitchModelTest {
    private static final Technology HP_32 = new Technology(32e-9, 1.0, 1e9, TransistorFlavour.HP);
    private static final PowerGating GATED = new PowerGating(PowerGating.Gate.UNUSED, 0.05, OptionalDouble.empty());

    @Test
    void theSwitchPassesTheBlocksPeakCurrentAtOnePercentLossOfSpeed() {
        // 0.2 W at 1 V = 0.2 A; W = I / (2 x 0.01 x 2211.7 uA/um) = 0.2 / 0.044234 A/um = 4521.4 um
        assertThat(SleepSwitchModel.widthMeters(0.2, HP_32)).isCloseTo(4521.4e-6, withinPercentage(0.01));
        // low-standby-power logic drives 683.6 uA/um: a 3.24x wider switch for the same current
        Technology lstp = new Technology(32e-9, 1.0, 1e9, TransistorFlavour.LSTP);
        assertThat(SleepSwitchModel.widthMeters(0.2, lstp) / SleepSwitchModel.widthMeters(0.2, HP_32))
                .isCloseTo(2211.7 / 683.6, withinPercentage(1e-9));
    }

    @Test
    void itsAreaFollowsNeuroSimsFoldedTransistorRule() {
        // 4521.4 um / 32 nm = 141,294 F, folded every 8.85 F: 15,966 folds;
        // ((15,966 + 1) x 2.7 F + 15,966 x 1 F) x 14 F = 827,077 F^2 = 846.9 um^2 at 32 nm
        double area = SleepSwitchModel.create(0.2, HP_32, GATED).area();
        assertThat(area).isCloseTo(827_077 * 32e-9 * 32e-9, withinPercentage(0.01));
        assertThat(SleepSwitchModel.create(0.4, HP_32, GATED).area()).isCloseTo(2 * area, withinPercentage(0.01));
    }

    @Test
    void aPublishedAreaWinsAndTheSwitchLeaksAndSpendsNothingOfItsOwn() {
        PowerGating given = new PowerGating(PowerGating.Gate.UNUSED, 0.05, OptionalDouble.of(100e-12));
        var m = SleepSwitchModel.create(0.2, HP_32, given);
        assertThat(m.area()).isEqualTo(100e-12);
        assertThat(m.leakagePower()).isZero();
        assertThat(m.peakPower()).isZero();
        assertThat(m.actions()).isEmpty();
    }
}
