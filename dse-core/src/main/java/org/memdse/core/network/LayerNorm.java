package org.memdse.core.network;

/**
 * Layer normalisation over the last axis (Ba et al. 2016), with a learned scale and shift per
 * feature when {@code affine}: the statistics depend on the input, so it runs on digital units.
 */
public record LayerNorm(String name, boolean affine) implements NetworkNode {
    public LayerNorm {
        NetworkNode.requireName(name);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.LAYER_NORM;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
