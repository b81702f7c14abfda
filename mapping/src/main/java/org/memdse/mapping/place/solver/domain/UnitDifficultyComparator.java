package org.memdse.mapping.place.solver.domain;

import java.util.Comparator;

/**
 * Orders chunks by how hard they are to place, for first-fit-decreasing: by neurons, synapse
 * rows and crossbars (big items first, the bin-packing rule), then by id so the order is total
 * and the construction reproducible.
 */
public class UnitDifficultyComparator implements Comparator<UnitAssignment> {
    private static final Comparator<UnitAssignment> ORDER = Comparator
            .comparingInt(UnitAssignment::getNeurons)
            .thenComparingInt(UnitAssignment::getSynapseRows)
            .thenComparingInt(UnitAssignment::getCrossbars)
            .thenComparing(Comparator.comparingInt(UnitAssignment::getId).reversed());

    @Override
    public int compare(UnitAssignment a, UnitAssignment b) {
        return ORDER.compare(a, b);
    }
}
