package org.memdse.core.explore;

import java.util.List;

/**
 * Every combination of the parameters' values. Point {@code i} decodes {@code i} in mixed radix,
 * the last parameter fastest (so the listing reads like nested loops in file order).
 */
public final class GridSampler implements Sampler {
    private final int[] radices;
    private final long size;

    public GridSampler(List<Parameter> parameters) {
        this.radices = Sampler.radices(parameters);
        this.size = size(radices);
    }

    /**
     * The number of combinations.
     *
     * @throws ArithmeticException if it exceeds {@code Long.MAX_VALUE}
     */
    public static long size(int[] radices) {
        long n = 1;
        for (int r : radices) {
            n = Math.multiplyExact(n, r);
        }
        return n;
    }

    @Override
    public String name() {
        return "grid";
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
        int[] choices = new int[radices.length];
        long rest = index;
        for (int p = radices.length - 1; p >= 0; p--) {
            choices[p] = (int) (rest % radices[p]);
            rest /= radices[p];
        }
        return new DesignPoint(index, choices);
    }
}
