package org.memdse.core.network;

/**
 * One node of a network graph: an ANN layer, an SNN population or projection, or a boundary
 * node (input, encoder, integration). Records hold what the user wrote; shapes and counts that
 * follow from the graph are in {@link NodeStats}, computed once by {@link NetworkBuilder}.
 *
 * <p>Nodes are graph vertices, i.e. hash keys: {@link #name()} is unique within a network, so
 * two nodes never compare equal, and every record's {@code hashCode} is its name's. A record's own
 * hash walks every component (a projection's synapse list, a convolution's nested geometry) on
 * every lookup: an eighth of reading a 20,000-layer chain. Java 17 has no pattern switch: dispatch with {@code instanceof}
 * or on {@link #kind()}.
 */
public sealed interface NetworkNode
        permits InputNode, Conv2d, Linear, Pool2d, GlobalPool, Activation, BatchNorm, Add, Concat, Flatten,
        Reshape, Recurrent, Encoder, Population, Projection, Integration, MatMul, LayerNorm, Embedding, Elementwise,
        Select, Reservoir {

    /** The node's name, unique in its network. */
    String name();

    NodeKind kind();

    /** Whether the node takes no inputs (an input or an encoder). */
    default boolean isSource() {
        return false;
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: a node needs a non-empty name");
        }
    }
}
