package org.memdse.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
    @Test
    void tiesShareTheirAverageRank() {
        assertThat(RankCorrelation.ranks(new double[] {5, 6, 7, 8, 7})).containsExactly(1, 2, 3.5, 5, 3.5);
        // ranks 1..5 against 1, 2, 3.5, 5, 3.5: Pearson of the ranks, by hand 0.82078
        assertThat(RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {5, 6, 7, 8, 7}))
                .isCloseTo(0.8207826816681233, within(1e-12));
    }

    @Test
    void anyMonotoneRelationIsOneAndAReversedOneMinusOne() {
        double[] x = {0.1, 3, 7, 20, 400};
        assertThat(RankCorrelation.spearman(x, new double[] {-9, 0, 1, 1.5, 99})).isCloseTo(1, within(1e-12));
        assertThat(RankCorrelation.spearman(x, new double[] {9, 8, 1, 0, -4})).isCloseTo(-1, within(1e-12));
        assertThat(RankCorrelation.spearman(x, new double[] {2, 2, 2, 2, 2})).isNaN();
    }
}
