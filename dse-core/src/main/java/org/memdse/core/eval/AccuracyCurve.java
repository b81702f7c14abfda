package org.memdse.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A user's own mapping from the analytic output SNR to measured accuracy: the isotonic
 * (non-decreasing) least-squares fit of their measured points, interpolated linearly.
 *
 * <p>Why isotonic and not a fitted curve: the SNR is a ranking proxy (the digits networks' points
 * rank at Spearman 0.92-0.97), not a calibrated predictor, and the shape of the accuracy drop
 * differs per network and data set (a saturating top, a knee, a chance floor). The one property
 * every network shares is that more noise never helps, so the fit assumes only that: accuracy does
 * not fall as SNR rises. It reproduces the user's table where the table is monotone, averages the
 * points that disagree with monotonicity (pool adjacent violators; Barlow et al., Statistical
 * Inference under Order Restrictions, 1972), and never extrapolates: outside the table's SNR range
 * it holds the end value and says so.
 */
public final class AccuracyCurve {
    /** One measured design point. */
    public record Point(double snrDb, double accuracy) {
    }

    /** A prediction and whether the SNR lay outside the measured range (then the end value is held). */
    public record Prediction(double accuracy, boolean outsideRange) {
    }

    /** The table's distinct SNRs (ascending; +infinity, no error, allowed last) and the fitted accuracies (non-decreasing). */
    private final double[] snr;
    private final double[] accuracy;
    private final int points;
    private final double rankCorrelation;

    private AccuracyCurve(double[] snr, double[] accuracy, int points, double rankCorrelation) {
        this.snr = snr;
        this.accuracy = accuracy;
        this.points = points;
        this.rankCorrelation = rankCorrelation;
    }

    /**
     * Fits {@code measured}.
     *
     * @throws IllegalArgumentException with fewer than two distinct SNRs, or a NaN
     */
    public static AccuracyCurve fit(List<Point> measured) {
        for (Point p : measured) {
            if (Double.isNaN(p.snrDb()) || Double.isNaN(p.accuracy()) || p.snrDb() == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("a point without a number: " + p);
            }
        }
        List<Point> sorted = new ArrayList<>(measured);
        sorted.sort(Comparator.comparingDouble(Point::snrDb));
        // The distinct SNRs, each with its points' accuracy sum and count.
        List<double[]> distinct = new ArrayList<>(); // {snr, accuracy sum, count}
        for (Point p : sorted) {
            double[] last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (last != null && last[0] == p.snrDb()) {
                last[1] += p.accuracy();
                last[2]++;
            } else {
                distinct.add(new double[] {p.snrDb(), p.accuracy(), 1});
            }
        }
        if (distinct.size() < 2) {
            throw new IllegalArgumentException("needs points at two SNRs at least, found " + distinct.size());
        }
        // Pool adjacent violators: a block of consecutive SNRs shares its points' mean accuracy.
        List<double[]> blocks = new ArrayList<>(); // {accuracy sum, count, distinct SNRs in the block}
        for (double[] d : distinct) {
            double[] cur = {d[1], d[2], 1};
            while (!blocks.isEmpty() && blocks.get(blocks.size() - 1)[0] / blocks.get(blocks.size() - 1)[1]
                    > cur[0] / cur[1]) {
                double[] prev = blocks.remove(blocks.size() - 1);
                cur = new double[] {prev[0] + cur[0], prev[1] + cur[1], prev[2] + cur[2]};
            }
            blocks.add(cur);
        }
        double[] snr = new double[distinct.size()];
        double[] acc = new double[distinct.size()];
        int k = 0;
        for (double[] block : blocks) {
            for (int j = 0; j < block[2]; j++, k++) {
                snr[k] = distinct.get(k)[0];
                acc[k] = block[0] / block[1];
            }
        }
        return new AccuracyCurve(snr, acc, measured.size(), spearman(sorted));
    }

    /**
     * The fitted accuracy at {@code snrDb}: linear between the two measured SNRs around it; outside
     * the measured range the nearest end's value, marked as outside (an SNR above every finite
     * measured one but not infinite is outside too: nothing was measured between it and "no error").
     */
    public Prediction predict(double snrDb) {
        if (Double.isNaN(snrDb)) {
            return new Prediction(Double.NaN, true);
        }
        int i = Arrays.binarySearch(snr, snrDb);
        if (i >= 0) {
            return new Prediction(accuracy[i], false);
        }
        int hi = -i - 1;
        if (hi == 0) {
            return new Prediction(accuracy[0], true);
        }
        int lo = hi - 1;
        if (hi == snr.length || snr[hi] == Double.POSITIVE_INFINITY) {
            return new Prediction(accuracy[lo], true);
        }
        double t = (snrDb - snr[lo]) / (snr[hi] - snr[lo]);
        return new Prediction(accuracy[lo] + t * (accuracy[hi] - accuracy[lo]), false);
    }

    /** Points the fit was made from. */
    public int points() {
        return points;
    }

    /** The lowest and highest SNR the table measured, dB (the highest may be infinite: no error). */
    public double lowestSnrDb() {
        return snr[0];
    }

    public double highestSnrDb() {
        return snr[snr.length - 1];
    }

    /**
     * Spearman's rank correlation of the table's SNR and accuracy: how well the SNR ranks this
     * user's points (near 1: the proxy works for their network; low: trust the prediction less).
     */
    public double rankCorrelation() {
        return rankCorrelation;
    }

    private static double spearman(List<Point> points) {
        return RankCorrelation.spearman(points.stream().mapToDouble(Point::snrDb).toArray(),
                points.stream().mapToDouble(Point::accuracy).toArray());
    }
}
