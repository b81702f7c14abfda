package org.memdse.mapping.place.solver;

import java.util.List;

/**
 * What the solver found.
 *
 * @param endpointOfUnit   unit id → endpoint index; -1 for a unit left unassigned
 * @param hardScore        hard score (0 = every capacity and kind respected)
 * @param mediumScore      minus the units left unassigned
 * @param softScore        weighted soft score
 * @param trafficHops      traffic × hops, bits × hops, as the score counts it
 * @param violations       hard and medium justifications, for users ("cim[7] holds 10 crossbars, has 8")
 * @param solveMillis      wall time in the solver
 * @param scoreCalculations moves (and constructions) the solver scored, -1 if unknown
 */
public record PlacementResult(int[] endpointOfUnit, long hardScore, long mediumScore, long softScore,
                              double trafficHops, List<String> violations, long solveMillis,
                              long scoreCalculations) {
    public PlacementResult {
        endpointOfUnit = endpointOfUnit.clone();
        violations = List.copyOf(violations);
    }

    @Override
    public int[] endpointOfUnit() {
        return endpointOfUnit.clone();
    }

    public boolean feasible() {
        return hardScore == 0 && mediumScore == 0;
    }

    public boolean allAssigned() {
        return mediumScore == 0;
    }
}
