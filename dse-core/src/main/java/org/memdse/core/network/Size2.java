package org.memdse.core.network;

/** A height × width pair: kernel size, stride or dilation. */
public record Size2(int h, int w) {
    public Size2 {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("h, w: must be at least 1, found " + h + "x" + w);
        }
    }

    /** The squares 1 x 1 to 7 x 7, made once: nearly every kernel, stride and dilation of a network is one. */
    private static final Size2[] SMALL_SQUARES = new Size2[8];

    static {
        for (int n = 1; n < SMALL_SQUARES.length; n++) {
            SMALL_SQUARES[n] = new Size2(n, n);
        }
    }

    /** n x n (a shared instance for small n: records compare by value, and a long network holds many). */
    public static Size2 square(int n) {
        return n >= 1 && n < SMALL_SQUARES.length ? SMALL_SQUARES[n] : new Size2(n, n);
    }

    public long area() {
        return (long) h * w;
    }

    @Override
    public String toString() {
        return h == w ? Integer.toString(h) : h + "x" + w;
    }
}
