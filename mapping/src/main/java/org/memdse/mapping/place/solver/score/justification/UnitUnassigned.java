package org.memdse.mapping.place.solver.score.justification;

import org.memdse.core.mapping.ResourceKind;
import org.optaplanner.core.api.score.stream.ConstraintJustification;

/** A unit the solver could not place without breaking a hard constraint. */
public record UnitUnassigned(String units, String node, ResourceKind needs) implements ConstraintJustification {
    @Override
    public String toString() {
        return "units " + units + " of " + node + ": no " + needs.key() + " has room";
    }
}
