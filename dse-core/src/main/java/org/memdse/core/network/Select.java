package org.memdse.core.network;

/**
 * One index of one axis of its input, the axis dropped ({@code x[index]} along {@code axis}, e.g.
 * the [CLS] token of a transformer's output sequence, {@code hidden[:, 0]} in PyTorch). It moves
 * the selected values only and computes nothing.
 *
 * @param axis  the axis selected from (0 = the first dimension of a per-inference shape)
 * @param index the position along it, from 0
 */
public record Select(String name, int axis, int index) implements NetworkNode {
    public Select {
        NetworkNode.requireName(name);
        if (axis < 0 || index < 0) {
            throw new IllegalArgumentException("select '" + name + "': axis and index must be at least 0");
        }
    }

    @Override
    public NodeKind kind() {
        return NodeKind.SELECT;
    }
}
