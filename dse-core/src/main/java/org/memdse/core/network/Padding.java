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

    public static Padding of(int all) {
        return new Padding(all, all, all, all);
    }

    @Override
    public String toString() {
        if (top == bottom && left == right) {
            return top == left ? Integer.toString(top) : top + "x" + left;
        }
        return top + "," + left + "," + bottom + "," + right;
    }
}
