package org.memdse.mapping.place.solver.domain;

import java.util.List;
import org.memdse.core.mapping.BoundaryUnit;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * The planning entity: a chunk of interchangeable units of one node (consecutive crossbar blocks
 * of a layer, at most a macro's worth; or a single core group or boundary unit) and the endpoint
 * they all sit on.
 *
 * <p>Why chunks rather than one entity per unit: blocks of a layer are interchangeable under the
 * uniform-split traffic model, so moving one block changes the score by a fraction of a percent,
 * and on ResNet-18 / ISAAC-CE (3,115 blocks) one-block change and swap moves reached only −1.6%
 * traffic × hops in 2 s (−21% in 30 s). Moving a macro's worth (8 crossbars on ISAAC) at once
 * makes every move count while keeping swaps between full chunks capacity-neutral (a tile holds a
 * whole number of macros). Core groups are already core-sized and stay single.
 *
 * <p>The variable is nullable (the overconstrained pattern): a chunk nothing can hold stays
 * unassigned at a medium penalty (per unit) instead of breaking a hard constraint, so the solver
 * still returns a partial answer with a reason. Its value range is per entity and holds only the
 * endpoints of the units' resource kind, so moves never propose an incompatible endpoint; the
 * hard type constraint still guards warm starts.
 *
 * <p>A mutable class because OptaPlanner clones and sets entities; it never leaves this package
 * tree ({@code SolverPlacer} copies records in and placements out).
 */
@PlanningEntity(difficultyComparatorClass = UnitDifficultyComparator.class)
public class UnitAssignment {
    @PlanningId
    private int id;
    private List<MappingUnit> units;
    private NodeRef node;
    private ResourceKind resource;
    private int crossbars;
    private int neurons;
    private int synapseRows;
    private long load;
    private List<EndpointSlot> compatibleSlots;

    @PlanningVariable(valueRangeProviderRefs = "compatibleSlots", nullable = true)
    private EndpointSlot slot;

    /** For OptaPlanner's cloner. */
    public UnitAssignment() {
    }

    /**
     * @param id              dense chunk id
     * @param units           units of one node and one resource kind
     * @param node            their node
     * @param load            their work for the imbalance term
     * @param compatibleSlots endpoints of the units' resource kind (share one list per kind)
     * @param slot            a warm-start endpoint, or null
     */
    public UnitAssignment(int id, List<MappingUnit> units, NodeRef node, long load,
                          List<EndpointSlot> compatibleSlots, EndpointSlot slot) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("chunk " + id + " has no units");
        }
        this.id = id;
        this.units = List.copyOf(units);
        this.node = node;
        this.resource = units.get(0).resource();
        for (MappingUnit u : units) {
            if (u.resource() != resource || !u.node().equals(node.name())) {
                throw new IllegalArgumentException("chunk " + id + " mixes nodes or resource kinds");
            }
            if (u instanceof CrossbarBlock) {
                crossbars++;
            } else if (u instanceof CoreGroup g) {
                neurons += g.neurons();
                synapseRows += g.fanIn();
            }
        }
        this.load = load;
        this.compatibleSlots = compatibleSlots;
        this.slot = slot;
    }

    public int getId() {
        return id;
    }

    public List<MappingUnit> getUnits() {
        return units;
    }

    /** Units in the chunk: its weight in the node's uniform traffic split. */
    public int getSize() {
        return units.size();
    }

    public NodeRef getNode() {
        return node;
    }

    public ResourceKind getResource() {
        return resource;
    }

    public long getLoad() {
        return load;
    }

    /** Crossbars taken: one per crossbar block. */
    public int getCrossbars() {
        return crossbars;
    }

    /** Neurons taken on an SNN core. */
    public int getNeurons() {
        return neurons;
    }

    /** Synapse rows (axons) taken on an SNN core. */
    public int getSynapseRows() {
        return synapseRows;
    }

    public boolean isBoundary() {
        return units.get(0) instanceof BoundaryUnit;
    }

    @ValueRangeProvider(id = "compatibleSlots")
    public List<EndpointSlot> getCompatibleSlots() {
        return compatibleSlots;
    }

    public EndpointSlot getSlot() {
        return slot;
    }

    public void setSlot(EndpointSlot slot) {
        this.slot = slot;
    }

    /** Whether it sits on an endpoint of a kind it cannot use. */
    public boolean isOnWrongKind() {
        return slot != null && slot.resource() != resource;
    }

    /** Unit ids, for messages: {@code 12} or {@code 12..19}. */
    public String unitRange() {
        int first = units.get(0).id();
        int last = units.get(units.size() - 1).id();
        return first == last ? Integer.toString(first) : first + ".." + last;
    }

    @Override
    public String toString() {
        return node.name() + "[" + unitRange() + "]@" + slot;
    }
}
