package org.memdse.mapping.place.solver.score.justification;

import org.memdse.core.mapping.ResourceKind;
import org.optaplanner.core.api.score.stream.ConstraintJustification;

/**
 * A unit sits on an endpoint of another kind (only a warm start can cause it: moves only
 * propose compatible endpoints).
 */
public record WrongResourceKind(String units, String node, ResourceKind needs, String endpoint, ResourceKind offers)
        implements ConstraintJustification {
    @Override
    public String toString() {
        return "units " + units + " of " + node + " need a " + needs.key() + ", sit on " + endpoint + " (a "
                + offers.key() + ")";
    }
}
