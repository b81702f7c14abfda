package org.memdse.nir;

import java.util.Arrays;

/**
 * One numeric dataset of a NIR node, flattened in row-major order with its dimensions (a scalar
 * has none).
 */
record NirArray(int[] dims, double[] values) {
    NirArray {
        dims = dims.clone();
        values = values.clone();
    }

    int rank() {
        return dims.length;
    }

    int dim(int i) {
        return dims[i];
    }

    long size() {
        return values.length;
    }

    double first() {
        return values.length == 0 ? Double.NaN : values[0];
    }

    /** The values as integers (kernel sizes, strides, shapes). */
    int[] ints() {
        int[] r = new int[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (int) Math.round(values[i]);
        }
        return r;
    }

    @Override
    public String toString() {
        return "[" + String.join("x", Arrays.stream(dims).mapToObj(String::valueOf).toList()) + "]";
    }
}
