package org.memdse.mapping.place.solver.domain;

import java.util.Objects;

/**
 * A problem fact: bits per inference from one placed node to another (or to itself).
 *
 * <p>Under the uniform-split model the part of the flow between endpoints {@code a} and
 * {@code b} is {@code bits × s_from(a)/S_from × s_to(b)/S_to}; {@link #softPerSharePair()}
 * precomputes {@code bits × SOFT_PER_BIT_HOP / (S_from × S_to)} so that the score stream only
 * multiplies integers by it once per endpoint pair.
 *
 * @param id   flow id (distinct flows between the same nodes stay apart)
 * @param from sending node
 * @param to   receiving node
 * @param bits bits per inference
 */
public record TrafficFlow(int id, NodeRef from, NodeRef to, double bits) {
    /**
     * Soft score units per bit-hop. Scores are longs, traffic is fractional (spike rates): a
     * milli-bit-hop keeps the rounding error per endpoint pair below 0.0005 bit-hop while
     * ResNet-scale totals (~1e9 bit-hops) stay far below {@link Long#MAX_VALUE}.
     */
    public static final double SOFT_PER_BIT_HOP = 1000.0;

    public TrafficFlow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!(bits >= 0) || Double.isInfinite(bits)) {
            throw new IllegalArgumentException("flow " + id + ": bits must be finite and >= 0");
        }
    }

    public double softPerSharePair() {
        return bits * SOFT_PER_BIT_HOP / ((double) from.totalShare() * to.totalShare());
    }

    /**
     * Soft penalty for the whole flow, given {@code Σ s_from(a) × s_to(b) × hops(a, b)} over its
     * endpoint pairs (an exact integer): rounded once, so that incremental sums never drift.
     */
    public long softPenalty(long shareHops) {
        return Math.round(softPerSharePair() * shareHops);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrafficFlow f && f.id == id;
    }

    @Override
    public int hashCode() {
        return id;
    }
}
