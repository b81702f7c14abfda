package org.memdse.cost.accuracy;

import java.util.SplittableRandom;

/**
 * A small CNN for the 8x8 digits, trained here in Java (seeded SGD on softmax cross-entropy):
 * conv 1→4 3x3 (padding 1) ReLU, 2x2 average pool, conv 4→8 3x3 (padding 1) ReLU, 2x2 average
 * pool, linear 32→10. Each conv is a matrix on its im2col patches (rows in (channel, kernel row,
 * kernel column) order, as a weight file lays a conv out), so crossbar inference runs every
 * layer through {@link CrossbarSimulator}: conv1 9x4 at 64 positions, conv2 36x8 at 16 positions,
 * fc 32x10, activations quantised to {@code INPUT_BITS} between layers.
 */
final class DigitsCnn {
    static final int INPUT_BITS = 5;
    static final int C1 = 4;
    static final int C2 = 8;
    /** Weight matrices [row][col] (rows = patch inputs) and biases. */
    final double[][] w1 = new double[9][C1];
    final double[] b1 = new double[C1];
    final double[][] w2 = new double[9 * C1][C2];
    final double[] b2 = new double[C2];
    final double[][] w3 = new double[C2 * 4][10];
    final double[] b3 = new double[10];
    /** Activation scales: the largest value each layer's inputs reach over the training set / (2^bits − 1). */
    double scale2;
    double scale3;

    DigitsCnn(DigitsMlpTest.Digits d, long seed, int epochs) {
        SplittableRandom r = new SplittableRandom(seed);
        init(w1, r);
        init(w2, r);
        init(w3, r);
        int n = d.y().length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double lr = 0.02 / (1 + epoch * 0.1);
            for (int s : order) {
                step(d.x()[s], d.y()[s], lr);
            }
        }
        double m2 = 0;
        double m3 = 0;
        for (double[] x : d.x()) {
            Forward f = forward(x);
            for (double[] row : f.p1) {
                for (double v : row) {
                    m2 = Math.max(m2, v);
                }
            }
            for (double v : f.p2) {
                m3 = Math.max(m3, v);
            }
        }
        scale2 = m2 / ((1 << INPUT_BITS) - 1);
        scale3 = m3 / ((1 << INPUT_BITS) - 1);
    }

    private static void init(double[][] w, SplittableRandom r) {
        double a = Math.sqrt(6.0 / w.length);
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (r.nextDouble() * 2 - 1) * a;
            }
        }
    }

    /** im2col of a channels x size x size map, 3x3 kernel, padding 1: [position][channel·9 + ky·3 + kx]. */
    static double[][] patches(double[][] map, int size) {
        int channels = map.length;
        double[][] p = new double[size * size][channels * 9];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                for (int c = 0; c < channels; c++) {
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            int yy = y + ky - 1;
                            int xx = x + kx - 1;
                            if (yy >= 0 && yy < size && xx >= 0 && xx < size) {
                                p[y * size + x][c * 9 + ky * 3 + kx] = map[c][yy * size + xx];
                            }
                        }
                    }
                }
            }
        }
        return p;
    }

    /** 2x2 average pool of channels x size² maps. */
    static double[][] pool(double[][] maps, int size) {
        int half = size / 2;
        double[][] out = new double[maps.length][half * half];
        for (int c = 0; c < maps.length; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    out[c][(y / 2) * half + x / 2] += maps[c][y * size + x] / 4;
                }
            }
        }
        return out;
    }

    private record Forward(double[][] patch1, double[][] a1, double[][] p1, double[][] patch2, double[][] a2, double[] p2,
                           double[] z) {
    }

    private Forward forward(double[] image) {
        double[][] in = {scaled(image)};
        double[][] patch1 = patches(in, 8);
        double[][] a1 = conv(patch1, w1, b1, 64);
        double[][] p1 = pool(a1, 8);
        double[][] patch2 = patches(p1, 4);
        double[][] a2 = conv(patch2, w2, b2, 16);
        double[][] pooled = pool(a2, 4);
        double[] p2 = new double[C2 * 4];
        for (int c = 0; c < C2; c++) {
            System.arraycopy(pooled[c], 0, p2, c * 4, 4);
        }
        double[] z = b3.clone();
        for (int i = 0; i < p2.length; i++) {
            for (int k = 0; k < 10; k++) {
                z[k] += p2[i] * w3[i][k];
            }
        }
        return new Forward(patch1, a1, p1, patch2, a2, p2, z);
    }

    private static double[] scaled(double[] image) {
        double[] x = new double[64];
        for (int i = 0; i < 64; i++) {
            x[i] = image[i] / 16;
        }
        return x;
    }

    /** ReLU(patches · w + b) as channels x positions. */
    private static double[][] conv(double[][] patches, double[][] w, double[] b, int positions) {
        int out = b.length;
        double[][] a = new double[out][positions];
        for (int p = 0; p < positions; p++) {
            for (int o = 0; o < out; o++) {
                double s = b[o];
                for (int i = 0; i < w.length; i++) {
                    s += patches[p][i] * w[i][o];
                }
                a[o][p] = Math.max(0, s);
            }
        }
        return a;
    }

    private void step(double[] image, int label, double lr) {
        Forward f = forward(image);
        double[] dz = DigitsMlpTest.softmax(f.z);
        dz[label] -= 1;
        double[] dp2 = new double[C2 * 4];
        for (int i = 0; i < dp2.length; i++) {
            for (int k = 0; k < 10; k++) {
                dp2[i] += dz[k] * w3[i][k];
                w3[i][k] -= lr * dz[k] * f.p2[i];
            }
        }
        for (int k = 0; k < 10; k++) {
            b3[k] -= lr * dz[k];
        }
        // pool 2 (4x4 -> 2x2) backward, ReLU
        double[][] da2 = new double[C2][16];
        for (int c = 0; c < C2; c++) {
            for (int q = 0; q < 16; q++) {
                int y = q / 4;
                int x = q % 4;
                da2[c][q] = f.a2[c][q] > 0 ? dp2[c * 4 + (y / 2) * 2 + x / 2] / 4 : 0;
            }
        }
        double[][] dpatch2 = new double[16][9 * C1];
        convBackward(f.patch2, da2, w2, b2, dpatch2, lr);
        // col2im into p1 (4 channels x 4x4), then pool 1 (8x8 -> 4x4) backward, ReLU
        double[][] dp1 = new double[C1][16];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                for (int c = 0; c < C1; c++) {
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            int yy = y + ky - 1;
                            int xx = x + kx - 1;
                            if (yy >= 0 && yy < 4 && xx >= 0 && xx < 4) {
                                dp1[c][yy * 4 + xx] += dpatch2[y * 4 + x][c * 9 + ky * 3 + kx];
                            }
                        }
                    }
                }
            }
        }
        double[][] da1 = new double[C1][64];
        for (int c = 0; c < C1; c++) {
            for (int q = 0; q < 64; q++) {
                int y = q / 8;
                int x = q % 8;
                da1[c][q] = f.a1[c][q] > 0 ? dp1[c][(y / 2) * 4 + x / 2] / 4 : 0;
            }
        }
        convBackward(f.patch1, da1, w1, b1, null, lr);
    }

    private static void convBackward(double[][] patches, double[][] da, double[][] w, double[] b, double[][] dpatch,
                                     double lr) {
        int positions = patches.length;
        if (dpatch != null) {
            for (int p = 0; p < positions; p++) {
                for (int i = 0; i < w.length; i++) {
                    double s = 0;
                    for (int o = 0; o < b.length; o++) {
                        s += w[i][o] * da[o][p];
                    }
                    dpatch[p][i] = s;
                }
            }
        }
        for (int o = 0; o < b.length; o++) {
            double g = 0;
            for (int p = 0; p < positions; p++) {
                g += da[o][p];
            }
            b[o] -= lr * g;
        }
        for (int i = 0; i < w.length; i++) {
            for (int o = 0; o < b.length; o++) {
                double g = 0;
                for (int p = 0; p < positions; p++) {
                    g += patches[p][i] * da[o][p];
                }
                w[i][o] -= lr * g;
            }
        }
    }

    /** Float accuracy on {@code d}. */
    double accuracy(DigitsMlpTest.Digits d) {
        int ok = 0;
        for (int s = 0; s < d.y().length; s++) {
            ok += DigitsMlpTest.argmax(forward(d.x()[s]).z) == d.y()[s] ? 1 : 0;
        }
        return (double) ok / d.y().length;
    }

    /** The three layers' integer inputs and outputs of one crossbar pass, for the analytic-vs-measured table. */
    record LayerData(String name, int[][] weights, int[][] inputs) {
    }

    /**
     * Crossbar inference of every sample: each layer's integer patches through a simulator of
     * {@code a[layer]} (conv1, conv2, fc) with the layer's quantised weights, rescaled, ReLU'd, pooled and quantised to the next layer's inputs. Returns the
     * accuracy; {@code data}, when not null, receives each layer's weights and inputs.
     */
    double crossbarAccuracy(DigitsMlpTest.Digits d, int weightBits, LayerArithmetic[] a, long seed, LayerData[] data) {
        int n = d.y().length;
        int top = (1 << INPUT_BITS) - 1;
        DigitsMlpTest.Quantised q1 = DigitsMlpTest.Quantised.of(w1, weightBits);
        DigitsMlpTest.Quantised q2 = DigitsMlpTest.Quantised.of(w2, weightBits);
        DigitsMlpTest.Quantised q3 = DigitsMlpTest.Quantised.of(w3, weightBits);
        // conv1: pixels 0..16 as they are (5 bits), 64 patches of 9 per image.
        int[][] x1 = new int[n * 64][];
        for (int s = 0; s < n; s++) {
            double[][] p = patches(new double[][] {d.x()[s]}, 8);
            for (int k = 0; k < 64; k++) {
                x1[s * 64 + k] = toInts(p[k]);
            }
        }
        double[][] y1 = new CrossbarSimulator(a[0], q1.q(), seed).run(x1);
        int[][] x2 = new int[n * 16][];
        for (int s = 0; s < n; s++) {
            double[][] act = new double[C1][64];
            for (int k = 0; k < 64; k++) {
                for (int o = 0; o < C1; o++) {
                    act[o][k] = Math.max(0, y1[s * 64 + k][o] * q1.scale() / 16 + b1[o]);
                }
            }
            double[][] pooled = pool(act, 8);
            for (double[] c : pooled) {
                for (int k = 0; k < c.length; k++) {
                    c[k] = Math.min(top, Math.round(c[k] / scale2));
                }
            }
            double[][] p = patches(pooled, 4);
            for (int k = 0; k < 16; k++) {
                x2[s * 16 + k] = toInts(p[k]);
            }
        }
        double[][] y2 = new CrossbarSimulator(a[1], q2.q(), seed + 1).run(x2);
        int[][] x3 = new int[n][C2 * 4];
        for (int s = 0; s < n; s++) {
            double[][] act = new double[C2][16];
            for (int k = 0; k < 16; k++) {
                for (int o = 0; o < C2; o++) {
                    act[o][k] = Math.max(0, y2[s * 16 + k][o] * q2.scale() * scale2 + b2[o]);
                }
            }
            double[][] pooled = pool(act, 4);
            for (int c = 0; c < C2; c++) {
                for (int k = 0; k < 4; k++) {
                    x3[s][c * 4 + k] = (int) Math.min(top, Math.round(pooled[c][k] / scale3));
                }
            }
        }
        double[][] y3 = new CrossbarSimulator(a[2], q3.q(), seed + 2).run(x3);
        int ok = 0;
        for (int s = 0; s < n; s++) {
            double[] z = b3.clone();
            for (int k = 0; k < 10; k++) {
                z[k] += y3[s][k] * q3.scale() * scale3;
            }
            ok += DigitsMlpTest.argmax(z) == d.y()[s] ? 1 : 0;
        }
        if (data != null) {
            data[0] = new LayerData("cnn conv1 9x4", q1.q(), x1);
            data[1] = new LayerData("cnn conv2 36x8", q2.q(), x2);
            data[2] = new LayerData("cnn fc 32x10", q3.q(), x3);
        }
        return (double) ok / n;
    }

    private static int[] toInts(double[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) Math.round(v[i]);
        }
        return out;
    }
}
