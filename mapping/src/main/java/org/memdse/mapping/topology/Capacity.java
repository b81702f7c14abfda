package org.memdse.mapping.topology;

import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.ResourceKind;

/**
 * What one endpoint can hold. CIM tiles hold one crossbar block per crossbar. SNN cores hold
 * groups whose neurons fit the core's neurons (and synapse columns) and whose synapse rows
 * (fan-in; axons are not shared between groups) fit the core's synapse rows. Interface blocks
 * hold any number of boundary units; AD/DA holds none.
 *
 * @param resource    the endpoint's kind
 * @param crossbars   crossbars (CIM tiles; 0 otherwise)
 * @param neurons     neurons, min(core neurons, synapse columns) (SNN cores; 0 otherwise)
 * @param synapseRows synapse rows (SNN cores; 0 otherwise)
 */
public record Capacity(ResourceKind resource, int crossbars, int neurons, int synapseRows) {
    /** Boundary units per interface block: unlimited. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public boolean hosts(ResourceKind unitKind) {
        return resource == unitKind;
    }

    static Capacity of(Endpoint e, int crossbars, int neurons, int synapseRows) {
        return new Capacity(e.resource(), crossbars, neurons, synapseRows);
    }
}
