package org.memdse.core.network;

import java.util.Objects;

/** Pooling over the whole feature map: [C, H, W] to [C, 1, 1], as ONNX and PyTorch keep it. */
public record GlobalPool(String name, PoolMode mode) implements NetworkNode {
    public GlobalPool {
        NetworkNode.requireName(name);
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public NodeKind kind() {
        return mode == PoolMode.MAX ? NodeKind.GLOBAL_MAX_POOL : NodeKind.GLOBAL_AVG_POOL;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
