package org.memdse.core.network;

import java.util.Objects;

/** The network's input: activations of a given shape (an image [C, H, W], a vector, a sequence [T, F]). */
public record InputNode(String name, Shape shape) implements NetworkNode {
    public InputNode {
        NetworkNode.requireName(name);
        Objects.requireNonNull(shape, "shape");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.INPUT;
    }

    @Override
    public boolean isSource() {
        return true;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
