package org.memdse.core.network;

/**
 * A lookup table of {@code vocabulary} rows of {@code features} values (token or position
 * embeddings): its input holds indices, its output one row per index. A lookup multiplies
 * nothing, so the table stays in digital memory, not on crossbars; its rows are read once per index.
 */
public record Embedding(String name, int vocabulary, int features) implements NetworkNode {
    public Embedding {
        NetworkNode.requireName(name);
        if (vocabulary < 1 || features < 1) {
            throw new IllegalArgumentException("embedding '" + name + "': vocabulary and features must be at least 1");
        }
    }

    @Override
    public NodeKind kind() {
        return NodeKind.EMBEDDING;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
