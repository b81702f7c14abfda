package org.memdse.core.network;

/** Concatenation of two or more inputs along one dimension (0 = channels); the others must agree. */
public record Concat(String name, int axis) implements NetworkNode {
    public Concat {
        NetworkNode.requireName(name);
        if (axis < 0) {
            throw new IllegalArgumentException("axis: must be at least 0, found " + axis);
        }
    }

    @Override
    public NodeKind kind() {
        return NodeKind.CONCAT;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
