package org.memdse.core.network;

/**
 * The product of two computed tensors, {@code A[..., m, k] × B[..., k, n]} with numpy broadcasting
 * of the leading dimensions: a transformer's attention scores (Q·Kᵀ) and weighted values
 * (softmax·V). Neither operand is known before the inference, so nothing can be programmed into a
 * crossbar ahead of time: the multiply-accumulates run on digital MAC units, or, on an
 * architecture that allows it, on a crossbar rewritten with B for every input.
 */
public record MatMul(String name) implements NetworkNode {
    public MatMul {
        NetworkNode.requireName(name);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.MATMUL;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
