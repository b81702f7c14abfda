package org.memdse.core.network;

import java.util.Objects;

/**
 * An element-wise operation on one to three computed tensors that broadcast (numpy rules) to the
 * output shape: scaling, masks, the pieces of a decomposed GELU. One digital operation per output
 * element.
 */
public record Elementwise(String name, ElementwiseOp op) implements NetworkNode {
    public Elementwise {
        NetworkNode.requireName(name);
        Objects.requireNonNull(op, "op");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.ELEMENTWISE;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
