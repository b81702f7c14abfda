package org.memdse.core.network;

import java.util.List;

/** Reinterprets its input with another shape of as many elements; at most one dimension may be -1 (inferred). */
public record Reshape(String name, List<Integer> shape) implements NetworkNode {
    public Reshape {
        NetworkNode.requireName(name);
        shape = List.copyOf(shape);
        if (shape.isEmpty()) {
            throw new IllegalArgumentException("shape: needs at least one dimension");
        }
    }

    @Override
    public NodeKind kind() {
        return NodeKind.RESHAPE;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
