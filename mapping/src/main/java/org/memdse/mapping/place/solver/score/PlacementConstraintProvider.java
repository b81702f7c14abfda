package org.memdse.mapping.place.solver.score;

import static org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration.CROSSBAR_CAPACITY;
import static org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration.ENDPOINTS_USED;
import static org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration.LOAD_IMBALANCE;
import static org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration.NEURON_CAPACITY;
import static org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration.RESOURCE_KIND;
import static org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration.SYNAPSE_ROW_CAPACITY;
import static org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration.TRAFFIC_HOPS;
import static org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration.UNASSIGNED_UNIT;

import java.util.List;
import java.util.function.ToIntFunction;
import org.memdse.mapping.place.solver.domain.EndpointSlot;
import org.memdse.mapping.place.solver.domain.TrafficFlow;
import org.memdse.mapping.place.solver.domain.UnitAssignment;
import org.memdse.mapping.place.solver.score.justification.EndpointOverCapacity;
import org.memdse.mapping.place.solver.score.justification.UnitUnassigned;
import org.memdse.mapping.place.solver.score.justification.WrongResourceKind;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.Joiners;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;

/**
 * The placement score. Hard: every endpoint's capacity and the unit's resource kind. Medium:
 * unassigned units. Soft: traffic × hops under the uniform-split model, endpoints used, and the
 * squared load per endpoint. Weights come from {@code PlacementConstraintConfiguration}.
 *
 * <p>Every constraint is a constraint stream, so a move re-evaluates only the groups and joins
 * whose units changed endpoint: no per-move full recomputation.
 */
public class PlacementConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            crossbarCapacity(factory),
            neuronCapacity(factory),
            synapseRowCapacity(factory),
            resourceKind(factory),
            unassignedUnit(factory),
            trafficHops(factory),
            endpointsUsed(factory),
            loadImbalance(factory),
        };
    }

    // ---- hard ----

    /** A CIM tile holds at most its crossbars, one per block; penalized by the excess. */
    Constraint crossbarCapacity(ConstraintFactory factory) {
        return overCapacity(factory, UnitAssignment::getCrossbars, EndpointSlot::crossbars, "crossbars",
                CROSSBAR_CAPACITY);
    }

    /** An SNN core holds at most its neurons; penalized by the excess. */
    Constraint neuronCapacity(ConstraintFactory factory) {
        return overCapacity(factory, UnitAssignment::getNeurons, EndpointSlot::neurons, "neurons", NEURON_CAPACITY);
    }

    /**
     * An SNN core's synapse array has a fixed number of rows (axons); every group on it needs its
     * fan-in of them. Penalized by the excess.
     */
    Constraint synapseRowCapacity(ConstraintFactory factory) {
        return overCapacity(factory, UnitAssignment::getSynapseRows, EndpointSlot::synapseRows, "synapse rows",
                SYNAPSE_ROW_CAPACITY);
    }

    private static Constraint overCapacity(ConstraintFactory factory, ToIntFunction<UnitAssignment> demand,
                                           ToIntFunction<EndpointSlot> capacity, String resource, String name) {
        return factory.forEach(UnitAssignment.class)
                .filter(a -> demand.applyAsInt(a) > 0)
                .groupBy(UnitAssignment::getSlot, ConstraintCollectors.sum(demand))
                .filter((slot, used) -> used > capacity.applyAsInt(slot))
                .penalizeConfigurableLong((slot, used) -> used - capacity.applyAsInt(slot))
                .justifyWith((slot, used, score) ->
                        new EndpointOverCapacity(slot.label(), resource, used, capacity.applyAsInt(slot)))
                .indictWith((slot, used) -> List.of(slot))
                .asConstraint(name);
    }

    /**
     * ANN blocks on CIM tiles, SNN groups on SNN cores, boundary units on their interface; one
     * per misplaced unit.
     */
    Constraint resourceKind(ConstraintFactory factory) {
        return factory.forEach(UnitAssignment.class)
                .filter(UnitAssignment::isOnWrongKind)
                .penalizeConfigurable(UnitAssignment::getSize)
                .justifyWith((a, score) -> new WrongResourceKind(a.unitRange(), a.getNode().name(),
                        a.getResource(), a.getSlot().label(), a.getSlot().resource()))
                .asConstraint(RESOURCE_KIND);
    }

    // ---- medium ----

    /** Units left without an endpoint (the overconstrained pattern): one per unit. */
    Constraint unassignedUnit(ConstraintFactory factory) {
        return factory.forEachIncludingNullVars(UnitAssignment.class)
                .filter(a -> a.getSlot() == null)
                .penalizeConfigurable(UnitAssignment::getSize)
                .justifyWith((a, score) -> new UnitUnassigned(a.unitRange(), a.getNode().name(), a.getResource()))
                .asConstraint(UNASSIGNED_UNIT);
    }

    // ---- soft ----

    /**
     * Traffic × hops under the uniform-split model: for a flow A→B of T bits, the part between
     * endpoints a and b is {@code T × s_A(a)/S_A × s_B(b)/S_B}, and it crosses {@code hops(a, b)}
     * links. Hops depend only on the endpoints' zones, so shares are summed per (node, zone);
     * each flow joins the shares of its two nodes and sums {@code s_A(z) × s_B(z') × hops} (an
     * exact integer), rounded once per flow to milli-bit-hops ({@link TrafficFlow#SOFT_PER_BIT_HOP}),
     * as {@link PlacementScoreCalculator} does.
     */
    Constraint trafficHops(ConstraintFactory factory) {
        UniConstraintStream<NodeZoneShare> shares = factory.forEach(UnitAssignment.class)
                .groupBy(UnitAssignment::getNode, a -> a.getSlot().zone(),
                        ConstraintCollectors.sumLong(UnitAssignment::getSize))
                .groupBy(NodeZoneShare::new);
        return factory.forEach(TrafficFlow.class)
                .join(shares, Joiners.equal(TrafficFlow::from, NodeZoneShare::node))
                .join(shares, Joiners.equal((flow, from) -> flow.to(), NodeZoneShare::node))
                .filter((flow, from, to) -> from.zone().hopsTo(to.zone()) > 0)
                .groupBy((flow, from, to) -> flow, ConstraintCollectors.sumLong((flow, from, to) ->
                        from.share() * to.share() * from.zone().hopsTo(to.zone())))
                .penalizeConfigurableLong(TrafficFlow::softPenalty)
                .asConstraint(TRAFFIC_HOPS);
    }

    /**
     * Tiles and cores holding at least one unit: unused ones can be power-gated or left for
     * other networks. Interface endpoints are not counted (boundary units have nowhere else to go).
     */
    Constraint endpointsUsed(ConstraintFactory factory) {
        return factory.forEach(UnitAssignment.class)
                .filter(a -> !a.isBoundary())
                .groupBy(UnitAssignment::getSlot)
                .penalizeConfigurable()
                .asConstraint(ENDPOINTS_USED);
    }

    /**
     * Pipeline balance: the sum over endpoints of the squared load (the work of the units on
     * it). For a given total it is smallest when loads are even, and unlike max/mean it updates
     * incrementally.
     */
    Constraint loadImbalance(ConstraintFactory factory) {
        return factory.forEach(UnitAssignment.class)
                .filter(a -> a.getLoad() > 0)
                .groupBy(UnitAssignment::getSlot, ConstraintCollectors.sumLong(UnitAssignment::getLoad))
                .penalizeConfigurableLong((slot, load) -> load * load)
                .asConstraint(LOAD_IMBALANCE);
    }
}
