package org.memdse.mapping.place.solver.domain;

import java.util.Objects;

/**
 * A problem fact: endpoints that are zero hops apart and equally far from everything else (the
 * endpoints under one router of a concentrated mesh; a single endpoint on a bus). Traffic ×
 * hops depends only on zones, so the traffic constraint groups shares per zone rather than per
 * endpoint: on ISAAC's 4-tile routers that joins 4× fewer tuples per flow end, and swaps between
 * tiles of one router leave the traffic term untouched.
 *
 * <p>Equality is by {@link #index()}: zones are {@code groupBy} keys.
 *
 * @param index dense zone index
 * @param hops  hops to every zone, by zone index
 */
public record HopZone(int index, int[] hops) {
    public HopZone {
        Objects.requireNonNull(hops, "hops");
    }

    public int hopsTo(HopZone other) {
        return hops[other.index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HopZone z && z.index == index;
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return "zone" + index;
    }
}
