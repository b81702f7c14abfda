package org.memdse.core.explore;

/**
 * Every variant crossed with every point of another sampler (variants x grid): point {@code i} is
 * variant {@code i / n} at the inner sampler's point {@code i % n}, so the listing reads variant
 * by variant, and each variant sees the same grid (or the same random draws), which is what a
 * comparison of variants needs. Lazy like the samplers it wraps.
 */
public final class VariantSampler implements Sampler {
    private final Sampler inner;
    private final int variants;
    private final long size;

    /**
     * @throws ArithmeticException if there are more than {@code Long.MAX_VALUE} points
     */
    public VariantSampler(Sampler inner, int variants) {
        if (variants < 1) {
            throw new IllegalArgumentException("variants must be >= 1");
        }
        this.inner = inner;
        this.variants = variants;
        this.size = Math.multiplyExact(inner.size(), (long) variants);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public DesignPoint point(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("point " + index + " of " + size);
        }
        long n = inner.size();
        DesignPoint p = inner.point(index % n);
        return new DesignPoint(index, p.choicesCopy(), (int) (index / n));
    }
}
