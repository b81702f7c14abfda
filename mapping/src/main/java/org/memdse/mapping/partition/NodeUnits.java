package org.memdse.mapping.partition;

import org.memdse.core.mapping.ResourceKind;

/**
 * The units of one network node: ids {@code [firstUnit, firstUnit + count)} (a node's units are
 * contiguous).
 *
 * @param index     position among the partition's unit-bearing nodes (topological order)
 * @param node      node name
 * @param resource  what its units sit on
 * @param firstUnit first unit id
 * @param count     units
 */
public record NodeUnits(int index, String node, ResourceKind resource, int firstUnit, int count) {
    public NodeUnits {
        if (count < 1) {
            throw new IllegalArgumentException(node + ": count must be >= 1");
        }
    }

    public boolean contains(int unit) {
        return unit >= firstUnit && unit < firstUnit + count;
    }
}
