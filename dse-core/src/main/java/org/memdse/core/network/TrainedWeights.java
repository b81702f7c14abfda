package org.memdse.core.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trained weights of some of a network's crossbar layers, each as the layer's {@link WeightMatrix}
 * lays it out (rows = inputs on word lines, columns = outputs on bit lines), read from a weight
 * file ({@code memdse evaluate --weights}). Layers it does not name keep the analytic budget's
 * assumption of weights uniform over their range. Immutable.
 */
public final class TrainedWeights {
    /** No trained weights: every layer is assumed uniform. */
    public static final TrainedWeights NONE = new TrainedWeights("", Map.of());

    /**
     * One layer's weights, row-major.
     *
     * @param layer  the layer's name in the network
     * @param rows   matrix rows (the layer's inputs)
     * @param cols   matrix columns (the layer's outputs)
     * @param values rows × cols values, row-major (copied)
     */
    public record Layer(String layer, int rows, int cols, double[] values) {
        public Layer {
            Objects.requireNonNull(layer, "layer");
            if (rows < 1 || cols < 1 || values.length != (long) rows * cols) {
                throw new IllegalArgumentException(layer + ": " + values.length + " values for a " + rows + "x" + cols
                        + " matrix");
            }
            values = values.clone();
        }

        /** The weight at row {@code i} (input), column {@code j} (output). */
        public double at(int i, int j) {
            return values[i * cols + j];
        }

        /** The largest magnitude, 0 for an all-zero matrix. */
        public double maxAbs() {
            double m = 0;
            for (double v : values) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }

        /**
         * The weights as integers for {@code bits} magnitude bits, Q = 2^bits − 1: signed
         * q = round(w / max|w| · Q) in [−Q, Q]; unsigned (for an unsigned cell scheme) the range
         * [min, max] mapped onto [0, Q]. Matrix [row][col].
         */
        public int[][] quantised(int bits, boolean signed) {
            int q = (1 << bits) - 1;
            int[][] out = new int[rows][cols];
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double m = maxAbs();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    double v = at(i, j);
                    long r;
                    if (signed) {
                        r = m > 0 ? Math.round(v / m * q) : 0;
                    } else {
                        r = max > min ? Math.round((v - min) / (max - min) * q) : 0;
                    }
                    out[i][j] = (int) r;
                }
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Layer l && l.layer.equals(layer) && l.rows == rows && l.cols == cols
                    && java.util.Arrays.equals(l.values, values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(layer, rows, cols, java.util.Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return layer + " " + rows + "x" + cols;
        }
    }

    private final String source;
    private final Map<String, Layer> layers;

    /**
     * @param source where the weights came from (a file name as the user gave it), for messages
     * @param layers by layer name
     */
    public TrainedWeights(String source, Map<String, Layer> layers) {
        this.source = Objects.requireNonNull(source, "source");
        this.layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    /** Where the weights came from, as the user named it ("" for none). */
    public String source() {
        return source;
    }

    /** The layers, in file order. */
    public Map<String, Layer> layers() {
        return layers;
    }

    /** The named layer's weights, if the file gives them. */
    public Optional<Layer> layer(String name) {
        return Optional.ofNullable(layers.get(name));
    }

    /** Whether no layer has trained weights. */
    public boolean isEmpty() {
        return layers.isEmpty();
    }
}
