package org.memdse.core.network;

import java.util.Objects;

/** Element-wise sum of two or more inputs of the same shape (residual connections), with a fused activation. */
public record Add(String name, ActivationFunction activation) implements NetworkNode {
    public Add {
        NetworkNode.requireName(name);
        Objects.requireNonNull(activation, "activation");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.ADD;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
