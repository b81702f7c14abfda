package org.memdse.mapping.place.solver.domain;

import java.util.Objects;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.ResourceKind;

/**
 * A problem fact: one endpoint of the system, with what it can hold and the hop zone it lies in.
 *
 * <p>Equality is by {@link #index()} only: slots are hash keys in every {@code groupBy}.
 *
 * @param index       endpoint index (dense over the system)
 * @param label       how users see it, e.g. {@code cim[7]}
 * @param resource    what it offers
 * @param crossbars   crossbars a CIM tile has (0 elsewhere)
 * @param neurons     neurons an SNN core has (0 elsewhere)
 * @param synapseRows synapse rows (axons) an SNN core has (0 elsewhere)
 * @param zone        the endpoints zero hops away with the same distances to all others
 */
public record EndpointSlot(int index, String label, ResourceKind resource, int crossbars, int neurons,
                           int synapseRows, HopZone zone) {
    public EndpointSlot {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(zone, "zone");
    }

    public static EndpointSlot of(Endpoint endpoint, int crossbars, int neurons, int synapseRows, HopZone zone) {
        return new EndpointSlot(endpoint.index(), endpoint.toString(), endpoint.resource(), crossbars, neurons,
                synapseRows, zone);
    }

    public int hopsTo(EndpointSlot other) {
        return zone.hopsTo(other.zone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointSlot s && s.index == index;
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return label;
    }
}
