package org.memdse.core.explore;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Latin hypercube sampling: each parameter's range (its value indexes) is cut into
 * {@code samples} equal strata and every stratum is used exactly once per parameter, in an
 * independent random order per parameter. With at least as many samples as values, every value
 * of every parameter appears, and each about equally often.
 *
 * <p>The orders are never stored: each is a keyed pseudo-random permutation computed on demand
 * (a Feistel network over the smallest even number of bits that covers {@code samples},
 * walking the cycle back into range), so memory does not grow with the sample count and point
 * {@code i} can be computed first, in any order, after a resume. A Feistel network is a
 * bijection whatever its round function, so the sampling stays exact: a stratum is never used
 * twice or skipped.
 */
public final class LatinHypercubeSampler implements Sampler {
    private final int[] radices;
    private final long samples;
    private final long seed;
    private final Permutation[] orders;

    public LatinHypercubeSampler(List<Parameter> parameters, long samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1");
        }
        this.radices = Sampler.radices(parameters);
        this.samples = samples;
        this.seed = seed;
        this.orders = new Permutation[radices.length];
        SplittableRandom random = RandomSampler.generator(seed, -1);
        for (int p = 0; p < radices.length; p++) {
            orders[p] = new Permutation(samples, random);
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
    public long stratum(int p, long index) {
        return orders[p].apply(index);
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
            double u = (orders[p].apply(index) + random.nextDouble()) / samples;
            choices[p] = Math.min(radices[p] - 1, (int) Math.floor(u * radices[p]));
        }
        return new DesignPoint(index, choices);
    }

    /**
     * A keyed permutation of {@code [0, n)}: a balanced Feistel network on {@code 2h} bits
     * ({@code 4^h >= n}, so at most four times the range), applied again until the value falls
     * inside the range (cycle walking: on average fewer than four applications).
     */
    static final class Permutation {
        private static final int ROUNDS = 6;

        private final long n;
        private final int halfBits;
        private final long mask;
        private final long[] keys = new long[ROUNDS];

        Permutation(long n, SplittableRandom random) {
            this.n = n;
            int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
            this.halfBits = Math.max(1, (bits + 1) / 2);
            this.mask = (1L << halfBits) - 1;
            for (int r = 0; r < ROUNDS; r++) {
                keys[r] = random.nextLong();
            }
        }

        long apply(long x) {
            if (x < 0 || x >= n) {
                throw new IndexOutOfBoundsException(x + " of " + n);
            }
            long y = x;
            do {
                y = encrypt(y);
            } while (y >= n);
            return y;
        }

        private long encrypt(long v) {
            long left = v >>> halfBits;
            long right = v & mask;
            for (long key : keys) {
                long next = left ^ (mix(right ^ key) & mask);
                left = right;
                right = next;
            }
            return (left << halfBits) | right;
        }

        /** SplitMix64's finaliser: every input bit affects every output bit. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }
}
