package org.memdse.core.network;

/**
 * Zero padding around a feature map, per side. Asymmetric padding exists (ONNX {@code pads},
 * TensorFlow "same" with even kernels), so the four sides are kept apart.
 */
public record Padding(int top, int left, int bottom, int right) {
    public static final Padding NONE = new Padding(0, 0, 0, 0);

    public Padding {
        if (top < 0 || left < 0 || bottom < 0 || right < 0) {
            throw new IllegalArgumentException("padding must not be negative: " + top + "," + left + "," + bottom + "," + right);
        }
    }

    public static Padding symmetric(int h, int w) {
        return new Padding(h, w, h, w);
    }

    /** The same padding on every side, 0 to 3 made once (a long network holds many). */
    private static final Padding[] SMALL = {NONE, new Padding(1, 1, 1, 1), new Padding(2, 2, 2, 2), new Padding(3, 3, 3, 3)};

    public static Padding of(int all) {
        return all >= 0 && all < SMALL.length ? SMALL[all] : new Padding(all, all, all, all);
    }

    @Override
    public String toString() {
        if (top == bottom && left == right) {
            return top == left ? Integer.toString(top) : top + "x" + left;
        }
        return top + "," + left + "," + bottom + "," + right;
    }
}
