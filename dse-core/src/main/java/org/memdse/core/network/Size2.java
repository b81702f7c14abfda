package org.memdse.core.network;

/** A height × width pair: kernel size, stride or dilation. */
public record Size2(int h, int w) {
    public Size2 {
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("h, w: must be at least 1, found " + h + "x" + w);
        }
    }

    public static Size2 square(int n) {
        return new Size2(n, n);
    }

    public long area() {
        return (long) h * w;
    }

    @Override
    public String toString() {
        return h == w ? Integer.toString(h) : h + "x" + w;
    }
}
