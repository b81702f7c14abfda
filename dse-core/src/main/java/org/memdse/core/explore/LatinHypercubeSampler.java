package org.memdse.core.explore;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Latin hypercube sampling: each parameter's range (its value indexes) is cut into
 * {@code samples} equal strata and every stratum is used exactly once per parameter, in an
 * independent random order per parameter. With at least as many samples as values, every value
 * of every parameter appears, and each about equally often. Holds one permutation of
 * {@code samples} ints per parameter (4 bytes per sample and parameter).
 */
public final class LatinHypercubeSampler implements Sampler {
    private final int[] radices;
    private final int samples;
    private final long seed;
    private final int[][] strata;

    public LatinHypercubeSampler(List<Parameter> parameters, int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1");
        }
        this.radices = Sampler.radices(parameters);
        this.samples = samples;
        this.seed = seed;
        this.strata = new int[radices.length][];
        SplittableRandom random = RandomSampler.generator(seed, -1);
        for (int p = 0; p < radices.length; p++) {
            int[] perm = new int[samples];
            for (int i = 0; i < samples; i++) {
                perm[i] = i;
            }
            for (int i = samples - 1; i > 0; i--) { // Fisher-Yates
                int j = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            strata[p] = perm;
        }
    }

    @Override
    public String name() {
        return "latin-hypercube";
    }

    @Override
    public long size() {
        return samples;
    }

    /** The stratum (0..samples-1) of parameter {@code p} at point {@code index}. */
    public int stratum(int p, int index) {
        return strata[p][index];
    }

    @Override
    public DesignPoint point(long index) {
        if (index < 0 || index >= samples) {
            throw new IndexOutOfBoundsException("point " + index + " of " + samples);
        }
        SplittableRandom random = RandomSampler.generator(seed, index);
        int[] choices = new int[radices.length];
        for (int p = 0; p < radices.length; p++) {
            // A uniform position inside the stratum, mapped onto the value indexes.
            double u = (strata[p][(int) index] + random.nextDouble()) / samples;
            choices[p] = Math.min(radices[p] - 1, (int) Math.floor(u * radices[p]));
        }
        return new DesignPoint(index, choices);
    }
}
