package org.memdse.cost.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The expected program-and-verify loop. */
class VerifyLoopTest {
    @Test
    void erfcMatchesKnownValues() {
        assertThat(VerifyLoop.erfc(0)).isEqualTo(1.0, within(1e-7));
        assertThat(VerifyLoop.erfc(1)).isEqualTo(0.157299207, within(2e-7));
        assertThat(VerifyLoop.erfc(-1)).isEqualTo(1.842700793, within(2e-7));
    }

    @Test
    void aCellAlreadyWithinToleranceIsReadOnce() {
        VerifyLoop loop = VerifyLoop.of(0.001, 0.001, 0.1, 10, 128);
        assertThat(loop.readsPerCell()).isEqualTo(1.0, within(1e-12));
        assertThat(loop.pulsesPerCell()).isEqualTo(0.0, within(1e-12));
        assertThat(loop.iterationsPerRow()).isEqualTo(1.0);
    }

    @Test
    void hand() {
        // sigma0 = tau: p0 = erfc(1/sqrt 2) = 0.3173; sigma1 = tau/2: p1 = erfc(sqrt 2) = 0.0455.
        // reads = 1 + p0 (1 - p1^2) / (1 - p1) with M = 3: 1 + 0.3173 x 1.0455 = 1.3318.
        VerifyLoop loop = VerifyLoop.of(1, 0.5, 1, 3, 1);
        assertThat(loop.readsPerCell()).isEqualTo(1.3318, within(2e-4));
        assertThat(loop.pulsesPerCell()).isEqualTo(0.3318, within(2e-4));
        // The written error shrinks to within the tolerance: sigma <= tau / sqrt 3 (plus a small residual).
        assertThat(loop.sigma()).isLessThan(1.0).isCloseTo(1 / Math.sqrt(3), within(0.01));
    }

    @Test
    void moreIterationsNeverWidenTheWrittenError() {
        double previous = Double.MAX_VALUE;
        for (int m = 1; m <= 20; m++) {
            double sigma = VerifyLoop.of(0.05, 0.02, 0.01, m, 64).sigma();
            assertThat(sigma).isLessThanOrEqualTo(previous + 1e-15);
            previous = sigma;
        }
    }
}
