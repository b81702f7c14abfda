package org.memdse.core.network;

import java.util.Objects;

/** An element-wise nonlinearity as a node of its own (digital or analog activation units). */
public record Activation(String name, ActivationFunction function) implements NetworkNode {
    public Activation {
        NetworkNode.requireName(name);
        Objects.requireNonNull(function, "function");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.ACTIVATION;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
