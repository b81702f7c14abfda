package org.memdse.cost.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.memdse.core.arch.LearningRule;

/** The digital learning engine by hand, on Loihi's Table 2 figures (docs/reference/learning.md §A.8). */
class LearningEngineTest {
    private static final LearningEngine LOIHI =
            new LearningEngine(new LearningEngine.Description(23.6e-12, 3.5e-9, 81e-12, 2));

    @Test
    void pairwiseStdpIsTwoSynapseAccessesAndTwoProductTerms() {
        // 2 x 23.6 pJ (read and write back the synapse) + 2 x 81 / 2 pJ (two terms, a compartment
        // update's pass each) = 128.2 pJ; 2 x 3.5 ns = 7.0 ns.
        LearningEngine.Update u = LOIHI.update(LearningRule.STDP_PAIR);
        assertThat(u.energyJ()).isEqualTo(128.2e-12, within(1e-16));
        assertThat(u.timeS()).isEqualTo(7.0e-9, within(1e-15));
        // Within 25 % of Davies et al.'s 120 pJ and 6.1 ns.
        assertThat(Math.abs(u.energyJ() / 120e-12 - 1)).isLessThan(0.25);
        assertThat(Math.abs(u.timeS() / 6.1e-9 - 1)).isLessThan(0.25);
    }

    @Test
    void richerRulesCostMoreTermsInTheSameTime() {
        assertThat(LOIHI.update(LearningRule.STDP_TRIPLET).energyJ()).isEqualTo(209.2e-12, within(1e-16));
        assertThat(LOIHI.update(LearningRule.REWARD_MODULATED).energyJ()).isEqualTo(168.7e-12, within(1e-16));
        assertThat(LOIHI.update(LearningRule.STDP_TRIPLET).timeS()).isEqualTo(LOIHI.update(LearningRule.STDP_PAIR).timeS());
        assertThatThrownBy(() -> LOIHI.update(LearningRule.IN_SITU_BACKPROP)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LearningEngine.Description(0, 3.5e-9, 81e-12, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
