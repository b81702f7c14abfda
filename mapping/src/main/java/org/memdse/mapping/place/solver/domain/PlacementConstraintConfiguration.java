package org.memdse.mapping.place.solver.domain;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The weight of every constraint, so callers can trade traffic against tiles used and balance
 * without touching the constraint provider. Hard and medium weights are fixed at one per unit of
 * excess; the soft ones come from {@code PlacementWeights}.
 */
@ConstraintConfiguration(constraintPackage = PlacementConstraintConfiguration.PACKAGE)
public class PlacementConstraintConfiguration {
    public static final String PACKAGE = "org.memdse.mapping.place.solver";

    public static final String CROSSBAR_CAPACITY = "crossbar capacity";
    public static final String NEURON_CAPACITY = "neuron capacity";
    public static final String SYNAPSE_ROW_CAPACITY = "synapse row capacity";
    public static final String RESOURCE_KIND = "resource kind";
    public static final String UNASSIGNED_UNIT = "unassigned unit";
    public static final String TRAFFIC_HOPS = "traffic hops";
    public static final String ENDPOINTS_USED = "endpoints used";
    public static final String LOAD_IMBALANCE = "load imbalance";

    @ConstraintWeight(CROSSBAR_CAPACITY)
    private HardMediumSoftLongScore crossbarCapacity = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(NEURON_CAPACITY)
    private HardMediumSoftLongScore neuronCapacity = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(SYNAPSE_ROW_CAPACITY)
    private HardMediumSoftLongScore synapseRowCapacity = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(RESOURCE_KIND)
    private HardMediumSoftLongScore resourceKind = HardMediumSoftLongScore.ONE_HARD;
    @ConstraintWeight(UNASSIGNED_UNIT)
    private HardMediumSoftLongScore unassignedUnit = HardMediumSoftLongScore.ONE_MEDIUM;
    @ConstraintWeight(TRAFFIC_HOPS)
    private HardMediumSoftLongScore trafficHops = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(ENDPOINTS_USED)
    private HardMediumSoftLongScore endpointsUsed = HardMediumSoftLongScore.ONE_SOFT;
    @ConstraintWeight(LOAD_IMBALANCE)
    private HardMediumSoftLongScore loadImbalance = HardMediumSoftLongScore.ONE_SOFT;

    public PlacementConstraintConfiguration() {
    }

    /**
     * @param trafficHops   soft units per milli-bit-hop of traffic
     * @param endpointsUsed soft units per tile or core used
     * @param loadImbalance soft units per unit of squared endpoint load
     */
    public PlacementConstraintConfiguration(long trafficHops, long endpointsUsed, long loadImbalance) {
        this.trafficHops = HardMediumSoftLongScore.ofSoft(trafficHops);
        this.endpointsUsed = HardMediumSoftLongScore.ofSoft(endpointsUsed);
        this.loadImbalance = HardMediumSoftLongScore.ofSoft(loadImbalance);
    }

    public HardMediumSoftLongScore getCrossbarCapacity() {
        return crossbarCapacity;
    }

    public HardMediumSoftLongScore getNeuronCapacity() {
        return neuronCapacity;
    }

    public HardMediumSoftLongScore getSynapseRowCapacity() {
        return synapseRowCapacity;
    }

    public HardMediumSoftLongScore getResourceKind() {
        return resourceKind;
    }

    public HardMediumSoftLongScore getUnassignedUnit() {
        return unassignedUnit;
    }

    public HardMediumSoftLongScore getTrafficHops() {
        return trafficHops;
    }

    public HardMediumSoftLongScore getEndpointsUsed() {
        return endpointsUsed;
    }

    public HardMediumSoftLongScore getLoadImbalance() {
        return loadImbalance;
    }
}
