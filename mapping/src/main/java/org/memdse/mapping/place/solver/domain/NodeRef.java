package org.memdse.mapping.place.solver.domain;

import java.util.Objects;

/**
 * A problem fact: a network node whose units are placed, with the total share its units carry.
 * Traffic of a node splits over its endpoints in proportion to the share placed on each
 * (the uniform-split model), so the total is the denominator.
 *
 * <p>Equality is by {@link #index()}: nodes are {@code groupBy} keys.
 *
 * @param index      dense node index
 * @param name       network node name
 * @param totalShare sum of {@link UnitAssignment#getShare()} over the node's units
 */
public record NodeRef(int index, String name, long totalShare) {
    public NodeRef {
        Objects.requireNonNull(name, "name");
        if (totalShare < 1) {
            throw new IllegalArgumentException("node " + name + ": totalShare must be >= 1");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeRef n && n.index == index;
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return name;
    }
}
