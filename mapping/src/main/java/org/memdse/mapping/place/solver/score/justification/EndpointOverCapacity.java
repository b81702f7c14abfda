package org.memdse.mapping.place.solver.score.justification;

import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * An endpoint holds more of a resource than it has.
 *
 * @param endpoint the endpoint, e.g. {@code cim[7]}
 * @param resource what is short, plural ({@code crossbars}, {@code neurons}, {@code synapse rows})
 * @param used     amount its units take
 * @param capacity amount it has
 */
public record EndpointOverCapacity(String endpoint, String resource, long used, long capacity)
        implements ConstraintJustification {
    public long excess() {
        return used - capacity;
    }

    @Override
    public String toString() {
        return endpoint + " holds " + used + " " + resource + ", has " + capacity;
    }
}
