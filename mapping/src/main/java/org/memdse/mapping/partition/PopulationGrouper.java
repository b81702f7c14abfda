package org.memdse.mapping.partition;

import java.util.ArrayList;
import java.util.List;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.TrafficEdge;

/**
 * Cuts an SNN population into core-sized groups: consecutive neurons, at most
 * {@link CoreGeometry#neurons()} per group (the last one takes the rest, so a small remainder
 * can share a core with another population's group).
 *
 * <p>Fan-in: a neuron needs one synapse row per row of each incoming projection's weight matrix
 * (all presynaptic neurons for a dense or sparse projection; the kernel window for a
 * convolutional one, whose shared kernel the core applies position by position, as the network
 * model's {@link org.memdse.core.network.WeightMatrix} describes it). Every group of a population
 * needs that full fan-in, because its neurons see the same presynaptic axons. Synapses: each
 * group stores its share (by neurons) of the incoming projections' synapses.
 */
public final class PopulationGrouper {
    private final CoreGeometry geometry;

    public PopulationGrouper(CoreGeometry geometry) {
        this.geometry = geometry;
    }

    public CoreGeometry geometry() {
        return geometry;
    }

    /** Synapse rows one neuron of the population needs. */
    public static int fanIn(NetworkGraph network, Population population) {
        long rows = 0;
        for (TrafficEdge e : network.inputs(population)) {
            var source = network.node(e.source()).orElseThrow();
            if (source instanceof Projection) {
                rows += network.stats(source).weights().map(w -> (long) w.rows()).orElse(0L);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, rows);
    }

    private static long synapses(NetworkGraph network, Population population) {
        long n = 0;
        for (TrafficEdge e : network.inputs(population)) {
            var source = network.node(e.source()).orElseThrow();
            if (source instanceof Projection) {
                n += network.stats(source).synapses();
            }
        }
        return n;
    }

    /** Neurons of a population. */
    public static int neurons(NetworkGraph network, Population population) {
        NodeStats s = network.stats(population);
        return (int) s.outputActivations();
    }

    /** The groups, ids from {@code firstId}; the caller has checked the fan-in fits. */
    public List<CoreGroup> group(NetworkGraph network, Population population, int firstId) {
        int total = neurons(network, population);
        int fanIn = fanIn(network, population);
        long synapses = synapses(network, population);
        List<CoreGroup> groups = new ArrayList<>();
        for (int first = 0; first < total; first += geometry.neurons()) {
            int n = Math.min(geometry.neurons(), total - first);
            long share = total == 0 ? 0 : (synapses * n + total - 1) / total;
            groups.add(new CoreGroup(firstId + groups.size(), population.name(), first, n, fanIn, share));
        }
        return List.copyOf(groups);
    }
}
