package org.memdse.core.network;

/**
 * Batch normalisation over the channels (dimension 0) of its input. At inference it is an affine
 * map per channel, folded into the preceding layer's weights and bias, so it has no crossbar of
 * its own; its 2 learned parameters per channel still count in the parameter total, as
 * published parameter counts include them.
 */
public record BatchNorm(String name) implements NetworkNode {
    public BatchNorm {
        NetworkNode.requireName(name);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.BATCH_NORM;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
