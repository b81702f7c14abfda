package org.memdse.mapping.place.solver.domain;

import java.util.List;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The placement problem as OptaPlanner sees it: endpoints, nodes and flows (facts), one
 * assignment per unit (entities), and the constraint weights.
 */
@PlanningSolution
public class PlacementSolution {
    @ProblemFactCollectionProperty
    private List<EndpointSlot> slots;
    @ProblemFactCollectionProperty
    private List<NodeRef> nodes;
    @ProblemFactCollectionProperty
    private List<TrafficFlow> flows;
    @PlanningEntityCollectionProperty
    private List<UnitAssignment> assignments;
    @ConstraintConfigurationProvider
    private PlacementConstraintConfiguration configuration;
    @PlanningScore
    private HardMediumSoftLongScore score;

    /** For OptaPlanner's cloner. */
    public PlacementSolution() {
    }

    public PlacementSolution(List<EndpointSlot> slots, List<NodeRef> nodes, List<TrafficFlow> flows,
                             List<UnitAssignment> assignments, PlacementConstraintConfiguration configuration) {
        this.slots = slots;
        this.nodes = nodes;
        this.flows = flows;
        this.assignments = assignments;
        this.configuration = configuration;
    }

    public List<EndpointSlot> getSlots() {
        return slots;
    }

    public List<NodeRef> getNodes() {
        return nodes;
    }

    public List<TrafficFlow> getFlows() {
        return flows;
    }

    public List<UnitAssignment> getAssignments() {
        return assignments;
    }

    public PlacementConstraintConfiguration getConfiguration() {
        return configuration;
    }

    public HardMediumSoftLongScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
