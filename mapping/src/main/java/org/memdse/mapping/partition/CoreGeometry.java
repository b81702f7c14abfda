package org.memdse.mapping.partition;

import org.memdse.core.arch.SnnCoreTemplate;

/**
 * The SNN core that populations are cut to.
 *
 * @param neurons     neurons one core serves: min(core neurons, synapse columns), since every
 *                    neuron needs its own synapse column
 * @param synapseRows presynaptic axons (synapse rows) per core
 */
public record CoreGeometry(int neurons, int synapseRows) {
    public CoreGeometry {
        if (neurons < 1 || synapseRows < 1) {
            throw new IllegalArgumentException("core geometry: neurons and synapseRows must be >= 1");
        }
    }

    public static CoreGeometry of(SnnCoreTemplate t) {
        return new CoreGeometry(Math.min(t.neurons(), t.synapses().cols()), t.synapses().rows());
    }
}
