package org.memdse.core.mapping;

import java.util.List;

/**
 * The neurons one SNN core holds: a core-sized part of the network's neuron-level graph, cut by
 * the connectivity-aware partitioner so that few spikes cross between parts. A part may hold
 * neurons of several populations ({@link #shares()}); {@link #node()} is the population with most
 * of them.
 *
 * @param id          unit id
 * @param node        population with most neurons in the part (the first such in network order)
 * @param firstNeuron the first neuron of {@code node} the part holds (its neurons need not be consecutive)
 * @param neurons     neurons held, over all populations
 * @param fanIn       synapse rows (presynaptic axons) the part needs: each presynaptic neuron
 *                    reaching any of its neurons once (an axon shared by the core's neurons)
 * @param synapses    synapses stored for the part
 * @param shares      per population present, its neurons and synapses here, in network order
 */
public record CoreGroup(int id, String node, int firstNeuron, int neurons, int fanIn, long synapses,
                        List<Share> shares) implements MappingUnit {
    /**
     * One population's share of a part.
     *
     * @param population population name
     * @param neurons    its neurons on the part
     * @param synapses   synapses into those neurons
     */
    public record Share(String population, int neurons, long synapses) {
    }

    public CoreGroup {
        if (neurons < 1 || fanIn < 0 || synapses < 0) {
            throw new IllegalArgumentException("group " + id + " of " + node + ": neurons >= 1, fan-in and synapses >= 0");
        }
        shares = List.copyOf(shares);
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("group " + id + " of " + node + ": at least one population share");
        }
    }

    /** A part of one population's neurons. */
    public CoreGroup(int id, String node, int firstNeuron, int neurons, int fanIn, long synapses) {
        this(id, node, firstNeuron, neurons, fanIn, synapses, List.of(new Share(node, neurons, synapses)));
    }

    /** This part under another unit id. */
    public CoreGroup withId(int newId) {
        return new CoreGroup(newId, node, firstNeuron, neurons, fanIn, synapses, shares);
    }

    @Override
    public ResourceKind resource() {
        return ResourceKind.SNN_CORE;
    }
}
