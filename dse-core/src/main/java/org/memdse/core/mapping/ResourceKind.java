package org.memdse.core.mapping;

import org.memdse.core.spec.Keyed;

/** The kind of resource a mapping unit occupies; a unit may only be placed on its own kind. */
public enum ResourceKind implements Keyed {
    /** A crossbar of a CIM tile. */
    CIM_TILE("cim_tile"),
    /** Neurons and synapse rows of an SNN core. */
    SNN_CORE("snn_core"),
    /** The encoder block (network inputs and encoders). */
    ENCODER("encoder"),
    /** The integration interface (spike ↔ voltage). */
    INTEGRATION("integration"),
    /** The analog front end's reservoir array (reservoir layers). */
    RESERVOIR("reservoir"),
    /** AD/DA converters to digital systems: an endpoint on the network that hosts no unit. */
    ADDA("adda");

    private final String key;

    ResourceKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
