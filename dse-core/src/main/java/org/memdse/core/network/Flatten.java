package org.memdse.core.network;

/** Flattens its input into a vector [elements]; moves no data on hardware. */
public record Flatten(String name) implements NetworkNode {
    public Flatten {
        NetworkNode.requireName(name);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.FLATTEN;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
