package org.memdse.core.network;

import java.util.Objects;

/** Max or average pooling over windows of a [C, H, W] input; done by digital units, no weights. */
public record Pool2d(String name, PoolMode mode, Size2 kernel, Size2 stride, Padding padding, boolean ceilMode)
        implements NetworkNode {
    public Pool2d {
        NetworkNode.requireName(name);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(stride, "stride");
        Objects.requireNonNull(padding, "padding");
    }

    @Override
    public NodeKind kind() {
        return mode == PoolMode.MAX ? NodeKind.MAX_POOL : NodeKind.AVG_POOL;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
