package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** The static pass: the tiny chip with 1 mW of leakage in each of its 2 tile buffers. */
class StaticPassTest {

    @Test
    void everyComponentLeaksForTheWholeLatency() {
        MappedNetwork view = PassFixtures.fc(PassFixtures.tiny("", "1 mW", ""), false, 1);
        EvaluationLedger l = new EvaluationLedger(view.size());
        l.latency(50e-9, 20e-9);
        new StaticPass().run(view, l);
        // 2 x 1 mW x 50 ns = 100 pJ
        assertThat(l.staticPower()).isCloseTo(2e-3, withinPercentage(1e-9));
        assertThat(l.staticEnergy()).isCloseTo(100e-12, withinPercentage(1e-9));
    }
}
