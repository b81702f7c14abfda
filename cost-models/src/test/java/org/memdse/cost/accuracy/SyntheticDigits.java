package org.memdse.cost.accuracy;

import java.util.SplittableRandom;

/**
 * A stand-in for the digits data when Debian's python3-sklearn is not installed: handwritten-like
 * digits made the way the UCI optdigits set (which scikit-learn ships) was, 32x32 bitmaps counted
 * in 4x4 blocks into 8x8 images of 0..16. Each digit is a few strokes through fixed points,
 * drawn with a random affine jitter (scale, rotation, shear, shift) and stroke width, seeded.
 * Used to exercise the trained-network checks on this machine; the figures the README reports
 * for the real data come from {@link DigitsMlpTest#read()}.
 */
final class SyntheticDigits {
    /** Strokes per digit: polylines through points in the unit square (x right, y down). */
    private static final double[][][] STROKES = {
        {ellipse(0.5, 0.5, 0.28, 0.4)},
        {{0.35, 0.25, 0.52, 0.08, 0.52, 0.92}},
        {{0.22, 0.3, 0.32, 0.12, 0.58, 0.08, 0.76, 0.22, 0.72, 0.42, 0.25, 0.9, 0.8, 0.9}},
        {{0.22, 0.15, 0.62, 0.08, 0.76, 0.26, 0.48, 0.47, 0.78, 0.64, 0.7, 0.88, 0.22, 0.88}},
        {{0.66, 0.92, 0.66, 0.08, 0.18, 0.64, 0.84, 0.64}},
        {{0.78, 0.1, 0.3, 0.1, 0.27, 0.45, 0.6, 0.4, 0.78, 0.6, 0.66, 0.88, 0.22, 0.86}},
        {{0.72, 0.08, 0.4, 0.3, 0.26, 0.64, 0.4, 0.9, 0.66, 0.88, 0.76, 0.68, 0.6, 0.5, 0.3, 0.6}},
        {{0.18, 0.1, 0.82, 0.1, 0.42, 0.92}},
        {ellipse(0.5, 0.28, 0.2, 0.19), ellipse(0.5, 0.7, 0.24, 0.21)},
        {ellipse(0.48, 0.32, 0.22, 0.22), {0.7, 0.32, 0.66, 0.92}}};

    private SyntheticDigits() {
    }

    private static double[] ellipse(double cx, double cy, double rx, double ry) {
        int n = 16;
        double[] p = new double[2 * (n + 1)];
        for (int k = 0; k <= n; k++) {
            double t = 2 * Math.PI * k / n;
            p[2 * k] = cx + rx * Math.cos(t);
            p[2 * k + 1] = cy + ry * Math.sin(t);
        }
        return p;
    }

    /** {@code n} digits (labels 0..9 in turn), images of 64 values in 0..16. */
    static DigitsMlpTest.Digits generate(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int s = 0; s < n; s++) {
            y[s] = s % 10;
            x[s] = image(STROKES[y[s]], r);
        }
        return new DigitsMlpTest.Digits(x, y);
    }

    private static double[] image(double[][] strokes, SplittableRandom r) {
        double scale = 0.75 + 0.2 * r.nextDouble();
        double sx = scale * (0.85 + 0.3 * r.nextDouble());
        double sy = scale;
        double angle = (r.nextDouble() - 0.5) * 0.4;
        double shear = (r.nextDouble() - 0.5) * 0.4;
        double dx = (r.nextDouble() - 0.5) * 0.12;
        double dy = (r.nextDouble() - 0.5) * 0.12;
        double width = 1.6 + 1.8 * r.nextDouble();   // stroke half-width in pixels of the 32x32 bitmap
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        boolean[][] bitmap = new boolean[32][32];
        for (double[] stroke : strokes) {
            for (int k = 0; k + 3 < stroke.length; k += 2) {
                double[] a = map(stroke[k], stroke[k + 1], sx, sy, cos, sin, shear, dx, dy);
                double[] b = map(stroke[k + 2], stroke[k + 3], sx, sy, cos, sin, shear, dx, dy);
                draw(bitmap, a, b, width);
            }
        }
        double[] out = new double[64];
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) {
                if (bitmap[i][j]) {
                    out[(i / 4) * 8 + j / 4]++;
                }
            }
        }
        return out;
    }

    private static double[] map(double x, double y, double sx, double sy, double cos, double sin, double shear, double dx,
                                double dy) {
        double u = (x - 0.5) * sx + shear * (y - 0.5);
        double v = (y - 0.5) * sy;
        double px = 0.5 + dx + cos * u - sin * v;
        double py = 0.5 + dy + sin * u + cos * v;
        return new double[] {px * 32, py * 32};
    }

    private static void draw(boolean[][] bitmap, double[] a, double[] b, double width) {
        for (int i = 0; i < 32; i++) {
            for (int j = 0; j < 32; j++) {
                double px = j + 0.5;
                double py = i + 0.5;
                double vx = b[0] - a[0];
                double vy = b[1] - a[1];
                double len2 = vx * vx + vy * vy;
                double t = len2 > 0 ? Math.max(0, Math.min(1, ((px - a[0]) * vx + (py - a[1]) * vy) / len2)) : 0;
                double ex = a[0] + t * vx - px;
                double ey = a[1] + t * vy - py;
                if (ex * ex + ey * ey <= width * width) {
                    bitmap[i][j] = true;
                }
            }
        }
    }
}
