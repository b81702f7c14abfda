package org.memdse.core.network;

import java.util.List;

/**
 * The shape of the tensor one node produces for one inference, without a batch dimension:
 * {@code [channels, height, width]} for feature maps, {@code [features]} for vectors,
 * {@code [time_steps, features]} for sequences, {@code [neurons]} or {@code [channels, height, width]}
 * for SNN populations.
 */
public record Shape(List<Integer> dims) {
    public Shape {
        dims = List.copyOf(dims);
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("dims: a shape needs at least one dimension");
        }
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("dims: every dimension must be at least 1, found " + dims);
            }
        }
    }

    public static Shape of(int... dims) {
        return new Shape(java.util.Arrays.stream(dims).boxed().toList());
    }

    public int rank() {
        return dims.size();
    }

    public int dim(int index) {
        return dims.get(index);
    }

    /**
     * Number of elements (activations or neurons).
     *
     * @throws ArithmeticException when the count passes {@link Long#MAX_VALUE} (three dimensions
     *         of 2^31 do): a wrapped count would be priced as a small or negative one
     */
    public long elements() {
        long n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, (long) d);
        }
        return n;
    }

    /** {@code 64x56x56}: the form tables and messages use. */
    @Override
    public String toString() {
        // A loop rather than a stream and a joining collector: a table of 96,000 layers prints as many shapes.
        StringBuilder b = new StringBuilder(4 * dims.size());
        for (int i = 0; i < dims.size(); i++) {
            if (i > 0) {
                b.append('x');
            }
            b.append(dims.get(i).intValue());
        }
        return b.toString();
    }
}
