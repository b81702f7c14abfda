package org.memdse.core.network;

import java.util.Objects;

/**
 * Data that crosses from one node to another in one inference. An edge record is a graph edge,
 * i.e. a hash key: the {@code id} keeps two edges with the same traffic apart.
 *
 * <p>Activations: {@code elements × bitsPerElement} bits (all time steps of a sequence).
 * Spikes: address events, {@code elements × firing rate × time steps} spikes of
 * {@code bitsPerElement} = ⌈log2(source neurons)⌉ address bits each. Currents (projection to its
 * population): nothing crosses the interconnect.
 *
 * @param port     index of this edge among the target's inputs
 * @param feedback whether the edge closes a recurrent SNN loop (delayed by one time step; not in
 *                 the acyclic graph, see {@link NetworkGraph#feedbackEdges()})
 */
public record TrafficEdge(int id, String source, String target, int port, boolean feedback, Signal signal,
                          long elements, int bitsPerElement, double spikesPerInference, double bitsPerInference) {
    public TrafficEdge {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(signal, "signal");
    }

    /**
     * From the id and the ends only (consistent with the record's equality): graphs look edges up
     * by hash, and a record's own hash of ten components, doubles included, showed in reading a
     * 20,000-layer chain.
     */
    @Override
    public int hashCode() {
        return 31 * (31 * id + source.hashCode()) + target.hashCode();
    }
}
