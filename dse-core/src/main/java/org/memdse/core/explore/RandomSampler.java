package org.memdse.core.explore;

import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code samples} points drawn uniformly from the grid. Each point has its own generator,
 * seeded from the sweep's seed and the point's index, so point {@code i} is the same whatever
 * order points are evaluated in (parallel runs, resumed runs). Points may repeat.
 */
public final class RandomSampler implements Sampler {
    private final int[] radices;
    private final long samples;
    private final long seed;

    public RandomSampler(List<Parameter> parameters, long samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1");
        }
        this.radices = Sampler.radices(parameters);
        this.samples = samples;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public long size() {
        return samples;
    }

    @Override
    public DesignPoint point(long index) {
        if (index < 0 || index >= samples) {
            throw new IndexOutOfBoundsException("point " + index + " of " + samples);
        }
        SplittableRandom random = generator(seed, index);
        int[] choices = new int[radices.length];
        for (int p = 0; p < radices.length; p++) {
            choices[p] = random.nextInt(radices[p]);
        }
        return new DesignPoint(index, choices);
    }

    /** A generator for one point: the seed and the index mixed (SplitMix64's finaliser). */
    static SplittableRandom generator(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
