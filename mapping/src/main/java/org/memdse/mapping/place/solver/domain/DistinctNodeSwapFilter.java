package org.memdse.mapping.place.solver.domain;

import java.util.Objects;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import org.optaplanner.core.impl.heuristic.selector.move.generic.SwapMove;

/**
 * Keeps only swaps that can change the score: equal-sized chunks of the same node are
 * interchangeable under the uniform-split traffic model, and swapping two chunks on the same
 * endpoint is a no-op. Without the filter many random swaps of a big layer's chunks would be
 * wasted evaluations.
 */
public class DistinctNodeSwapFilter implements SelectionFilter<PlacementSolution, SwapMove<PlacementSolution>> {
    @Override
    public boolean accept(ScoreDirector<PlacementSolution> scoreDirector, SwapMove<PlacementSolution> move) {
        UnitAssignment left = (UnitAssignment) move.getLeftEntity();
        UnitAssignment right = (UnitAssignment) move.getRightEntity();
        if (Objects.equals(left.getSlot(), right.getSlot())) {
            return false;
        }
        return !left.getNode().equals(right.getNode()) || left.getSize() != right.getSize();
    }
}
