package org.memdse.mapping;

import java.util.Objects;
import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.mapping.objective.ObjectiveCalculator;
import org.memdse.mapping.objective.TrafficModel;
import org.memdse.mapping.partition.Partition;
import org.memdse.mapping.partition.PartitionOutcome;
import org.memdse.mapping.partition.Partitioner;
import org.memdse.mapping.partition.Replicator;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Everything a placer needs, computed once per (architecture, network): the topology with its
 * hop table, the partition, the traffic flows and the objective calculator. Placers answer with
 * an {@code int[]} giving each unit's endpoint index.
 */
public record MappingProblem(Architecture architecture, NetworkGraph network, NetworkTopology topology,
                             Partition partition, TrafficModel traffic, ObjectiveCalculator objectives) {
    public MappingProblem {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(objectives, "objectives");
    }

    /** A problem ready to place, or why the network cannot fit. */
    public sealed interface Preparation permits Ready, Rejected {
    }

    public record Ready(MappingProblem problem) implements Preparation {
    }

    public record Rejected(MappingOutcome.DoesNotFit doesNotFit) implements Preparation {
    }

    /** A problem without replication ({@link MapperOptions.Replication#NONE}). */
    public static Preparation prepare(Architecture architecture, NetworkGraph network) {
        return prepare(architecture, network, MapperOptions.DEFAULT);
    }

    /**
     * A problem ready to place under {@code options}: with {@link MapperOptions.Replication#BALANCE}
     * the partition holds the copies {@link Replicator} chose for the crossbars the network leaves
     * free.
     */
    public static Preparation prepare(Architecture architecture, NetworkGraph network, MapperOptions options) {
        NetworkTopology topology = NetworkTopology.of(architecture);
        PartitionOutcome outcome = Partitioner.partition(architecture, network, topology);
        if (outcome instanceof PartitionOutcome.Rejected r) {
            return new Rejected(r.doesNotFit());
        }
        Partition partition = ((PartitionOutcome.Partitioned) outcome).partition();
        if (options.replication() == MapperOptions.Replication.BALANCE) {
            long blocks = partition.units().stream().filter(CrossbarBlock.class::isInstance).count();
            partition = Replicator.replicate(partition, network, topology.totalCrossbars() - blocks).partition();
        }
        TrafficModel traffic = TrafficModel.of(network, partition);
        return new Ready(new MappingProblem(architecture, network, topology, partition, traffic,
                new ObjectiveCalculator(topology, traffic)));
    }
}
