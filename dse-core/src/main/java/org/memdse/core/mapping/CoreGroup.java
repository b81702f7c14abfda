package org.memdse.core.mapping;

/**
 * A group of an SNN population that fits one core: neurons {@code [firstNeuron, firstNeuron +
 * neurons)} with the synapse rows their incoming projections need.
 *
 * @param id          unit id
 * @param node        population name
 * @param firstNeuron first neuron held
 * @param neurons     neurons held
 * @param fanIn       synapse rows (presynaptic axons) the group needs
 * @param synapses    synapses stored for the group
 */
public record CoreGroup(int id, String node, int firstNeuron, int neurons, int fanIn, long synapses)
        implements MappingUnit {
    public CoreGroup {
        if (neurons < 1 || fanIn < 0 || synapses < 0) {
            throw new IllegalArgumentException("group " + id + " of " + node + ": neurons >= 1, fan-in and synapses >= 0");
        }
    }

    @Override
    public ResourceKind resource() {
        return ResourceKind.SNN_CORE;
    }
}
