package org.memdse.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.memdse.core.eval.AccuracyCurve.Point;

class AccuracyCurveTest {
    private static AccuracyCurve fit(double... snrAndAccuracy) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < snrAndAccuracy.length; i += 2) {
            points.add(new Point(snrAndAccuracy[i], snrAndAccuracy[i + 1]));
        }
        return AccuracyCurve.fit(points);
    }

    @Test
    void aMonotoneTableIsReproducedAtItsPointsAndInterpolatedBetweenThem() {
        AccuracyCurve c = fit(10, 0.9, 0, 0.3, 5, 0.6);
        assertThat(c.predict(0).accuracy()).isEqualTo(0.3);
        assertThat(c.predict(5).accuracy()).isEqualTo(0.6);
        assertThat(c.predict(10).accuracy()).isEqualTo(0.9);
        assertThat(c.predict(7.5).accuracy()).isCloseTo(0.75, within(1e-12));
        assertThat(c.predict(7.5).outsideRange()).isFalse();
        assertThat(c.rankCorrelation()).isCloseTo(1, within(1e-12));
    }

    @Test
    void pointsThatDisagreeWithMonotonicityArePooledIntoTheirMean() {
        // 0.5 at 0 dB then 0.4 at 1 dB: more SNR cannot cost accuracy, so both get 0.45.
        AccuracyCurve c = fit(0, 0.5, 1, 0.4, 2, 0.9);
        assertThat(c.predict(0).accuracy()).isCloseTo(0.45, within(1e-12));
        assertThat(c.predict(1).accuracy()).isCloseTo(0.45, within(1e-12));
        assertThat(c.predict(2).accuracy()).isEqualTo(0.9);
        // a violation that reaches back over two blocks: 0.6, 0.7, then 0.2 pools all three (mean 0.5)
        AccuracyCurve d = fit(0, 0.6, 1, 0.7, 2, 0.2, 3, 0.8);
        for (double x : new double[] {0, 1, 2}) {
            assertThat(d.predict(x).accuracy()).isCloseTo(0.5, within(1e-12));
        }
        assertThat(d.predict(3).accuracy()).isEqualTo(0.8);
    }

    @Test
    void pointsAtOneSnrAreAveraged() {
        AccuracyCurve c = fit(0, 0.2, 0, 0.4, 4, 0.9);
        assertThat(c.predict(0).accuracy()).isCloseTo(0.3, within(1e-12));
        assertThat(c.points()).isEqualTo(3);
    }

    @Test
    void outsideTheMeasuredRangeTheNearestEndIsHeldAndFlagged() {
        AccuracyCurve c = fit(0, 0.3, 10, 0.9);
        assertThat(c.predict(-5)).isEqualTo(new AccuracyCurve.Prediction(0.3, true));
        assertThat(c.predict(40)).isEqualTo(new AccuracyCurve.Prediction(0.9, true));
        assertThat(c.predict(Double.POSITIVE_INFINITY)).isEqualTo(new AccuracyCurve.Prediction(0.9, true));
        // with a measured error-free point, "no error" is inside; a finite SNR above the rest is not
        AccuracyCurve e = fit(0, 0.3, 10, 0.9, Double.POSITIVE_INFINITY, 0.97);
        assertThat(e.predict(Double.POSITIVE_INFINITY)).isEqualTo(new AccuracyCurve.Prediction(0.97, false));
        assertThat(e.predict(20)).isEqualTo(new AccuracyCurve.Prediction(0.9, true));
        assertThat(e.highestSnrDb()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void randomTablesFitNonDecreasingAndKeepTheirMean() {
        Random r = new Random(5);
        for (int t = 0; t < 200; t++) {
            List<Point> points = new ArrayList<>();
            int n = 2 + r.nextInt(30);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double acc = r.nextDouble();
                points.add(new Point(r.nextInt(12) - 3, acc));
                sum += acc;
            }
            if (points.stream().mapToDouble(Point::snrDb).distinct().count() < 2) {
                continue;
            }
            AccuracyCurve c = AccuracyCurve.fit(points);
            double fitted = 0;
            for (Point p : points) {
                fitted += c.predict(p.snrDb()).accuracy();
            }
            // pool adjacent violators keeps each pooled block's mean, so the total too
            assertThat(fitted).isCloseTo(sum, within(1e-9));
            double last = -1;
            for (double x = -3; x <= 8; x += 0.25) {
                double y = c.predict(x).accuracy();
                assertThat(y).isGreaterThanOrEqualTo(last - 1e-12);
                last = y;
            }
        }
    }

    @Test
    void aTableOfOneSnrOrWithoutNumbersIsRefused() {
        assertThatThrownBy(() -> fit(3, 0.5, 3, 0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two SNRs");
        assertThatThrownBy(() -> fit(Double.NaN, 0.5, 3, 0.6)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fit(0, 0.9, 5, 0.1).rankCorrelation()).isCloseTo(-1, within(1e-12));
    }
}
