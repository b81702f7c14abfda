package org.memdse.mapping.partition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.BoundaryUnit;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.Integration;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NodeKind;
import org.memdse.core.network.Population;
import org.memdse.core.network.Reservoir;
import org.memdse.core.arch.ReservoirArray;
import org.memdse.core.network.RewrittenOperand;
import org.memdse.core.network.WeightMatrix;
import org.memdse.mapping.topology.Capacity;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Cuts a network into the units a placer places, or says why it cannot fit the system whatever
 * the placement.
 *
 * <ul>
 *   <li>ANN nodes with a weight matrix (conv, linear, LSTM/GRU) → {@link CrossbarBlock}s
 *       ({@link WeightPartitioner}, to the first CIM array's crossbars:
 *       {@link NetworkTopology#referenceCrossbar}); so are products of two computed tensors (matmul)
 *       when the architecture rewrites crossbars per input ({@code activation_products}), their B
 *       operand's matrices cut as a grouped layer's groups ({@link RewrittenOperand}).</li>
 *   <li>SNN populations → {@link CoreGroup}s: the neuron-level graph of all populations
 *       ({@link NeuronGraph}) cut by {@link ConnectivityPartitioner} into core-sized parts (neurons,
 *       and synapse rows counting each presynaptic axon once per core), one unit and one node per
 *       part, so that placers place parts and the traffic model follows the connections
 *       ({@link SnnParts}). Projections get no unit: their synapses are stored with the neurons
 *       they feed.</li>
 *   <li>Encoders, integration nodes and reservoirs → a {@link BoundaryUnit} on their interface
 *       block (a reservoir on the first reservoir array, if it has devices enough). The
 *       input of an ANN gets one on the encoder if the system has one; otherwise its data comes
 *       from off chip (ISAAC-style accelerators) and it gets no unit, so its traffic is not on the
 *       on-chip network.</li>
 *   <li>Everything else (activations, pooling, add, flatten …) has no unit: it runs on the
 *       digital units where its data already is (see {@link org.memdse.mapping.objective.TrafficModel}).</li>
 * </ul>
 */
public final class Partitioner {
    private Partitioner() {
    }

    public static PartitionOutcome partition(Architecture architecture, NetworkGraph network, NetworkTopology topology) {
        Optional<CrossbarGeometry> crossbar = NetworkTopology.referenceCrossbar(architecture);
        Optional<CoreGeometry> core = NetworkTopology.referenceCore(architecture);
        boolean hasEncoder = !topology.endpointsOf(ResourceKind.ENCODER).isEmpty();
        boolean hasIntegration = !topology.endpointsOf(ResourceKind.INTEGRATION).isEmpty();
        boolean rewrites = architecture.activationProducts().rewritten();

        List<String> problems = new ArrayList<>();
        Map<String, Long> needed = new LinkedHashMap<>();
        Map<String, Long> available = new LinkedHashMap<>();
        List<MappingUnit> units = new ArrayList<>();
        List<NodeUnits> nodes = new ArrayList<>();
        List<Integer> unitNode = new ArrayList<>();
        long crossbarsNeeded = 0;
        long neuronsNeeded = 0;
        long groupsNeeded = 0;
        int maxFanIn = 0;
        SnnParts snn = null;
        boolean snnRejected = false;
        int partsNeeded = 0;
        boolean slicedFallback = false;

        for (NetworkNode node : network.nodes()) {
            List<? extends MappingUnit> made = List.of();
            Optional<WeightMatrix> weights = network.stats(node).weights();
            int groups = node instanceof Conv2d c ? c.geometry().groups() : 1;
            Optional<RewrittenOperand> operand = rewrites ? RewrittenOperand.of(network, node) : Optional.empty();
            if (operand.isPresent()) {
                // A product of two computed tensors on crossbars rewritten per input: B's matrices
                // (the heads) are cut as a grouped layer's groups.
                weights = Optional.of(operand.get().matrix());
                groups = operand.get().groups();
            }
            if (node.kind().domain() == NodeKind.Domain.ANN && weights.isPresent()) {
                WeightMatrix m = weights.get();
                if (crossbar.isEmpty()) {
                    crossbarsNeeded += 1;
                    continue;
                }
                WeightPartitioner wp = new WeightPartitioner(crossbar.get());
                if (wp.weightsPerColumnBlock(m.weightBits()) < 1) {
                    problems.add(node.name() + ": one " + m.weightBits() + "-bit weight takes "
                            + crossbar.get().columnsPerWeight(m.weightBits()) + " crossbar columns, a crossbar has "
                            + crossbar.get().usableCols());
                    continue;
                }
                long count = wp.count(m, groups);
                crossbarsNeeded += count;
                if (crossbarsNeeded > 50_000_000L) {
                    // Not worth materialising: the total already says it cannot fit any real chip.
                    continue;
                }
                made = wp.partition(node.name(), m, groups, units.size());
            } else if (node instanceof Population p) {
                neuronsNeeded += PopulationGrouper.neurons(network, p);
                if (core.isEmpty()) {
                    groupsNeeded++;
                    continue;
                }
                if (snn != null || snnRejected) {
                    continue; // the first population brought every population's parts
                }
                long allNeurons = 0;
                for (NetworkNode other : network.nodes()) {
                    if (other instanceof Population q) {
                        allNeurons += PopulationGrouper.neurons(network, q);
                    }
                }
                long neuronsThere = 0;
                for (int e : topology.endpointsOf(ResourceKind.SNN_CORE)) {
                    neuronsThere += topology.capacity(e).neurons();
                }
                if (allNeurons > neuronsThere) {
                    // Too many neurons whatever the cut (said below): not worth partitioning.
                    groupsNeeded++;
                    snnRejected = true;
                    continue;
                }
                NeuronGraph g = SnnParts.graph(network);
                int worst = -1;
                for (int v = 0; v < g.neurons(); v++) {
                    int in = g.inEnd(v) - g.inStart(v);
                    if (in > maxFanIn) {
                        maxFanIn = in;
                        worst = v;
                    }
                }
                if (maxFanIn > core.get().synapseRows()) {
                    String pop = g.populations().get(g.populationOf(worst));
                    problems.add(pop + ": each neuron needs up to " + maxFanIn + " synapse rows (fan-in), a core has "
                            + core.get().synapseRows());
                    snnRejected = true;
                    continue;
                }
                int cores = topology.endpointsOf(ResourceKind.SNN_CORE).size();
                ConnectivityPartitioner.Result cut = SnnParts.cut(g, core.get(), Math.max(1, cores));
                List<CoreGroup> parts;
                if (cut.parts() <= cores) {
                    parts = SnnParts.units(g, cut.part(), cut.parts(), units.size());
                } else {
                    // The neuron-level cut needs more cores than there are: core-sized slices of
                    // each population with shared convolution kernels (fewer rows), if they fit.
                    int[] fanIn = new int[g.populations().size()];
                    boolean fits = true;
                    for (int i = 0; i < fanIn.length; i++) {
                        fanIn[i] = PopulationGrouper.fanIn(network, (Population) network.node(g.populations().get(i))
                                .orElseThrow());
                        fits &= fanIn[i] <= core.get().synapseRows();
                    }
                    int[][] rows = new int[1][];
                    ConnectivityPartitioner.Result sliced = fits ? SnnParts.slices(g, core.get(), fanIn, rows) : null;
                    if (sliced != null && sliced.parts() <= cores) {
                        cut = sliced;
                        parts = SnnParts.units(g, cut.part(), cut.parts(), rows[0], units.size());
                        slicedFallback = true;
                    } else {
                        parts = SnnParts.units(g, cut.part(), cut.parts(), units.size());
                    }
                }
                groupsNeeded += parts.size();
                partsNeeded = parts.size();
                snn = new SnnParts(g, cut.part(), cut.parts(), nodes.size(), architecture.interconnect().spikeRouting(),
                        slicedFallback);
                for (CoreGroup part : parts) {
                    int index = nodes.size();
                    nodes.add(new NodeUnits(index, part.node(), ResourceKind.SNN_CORE, units.size(), 1));
                    units.add(part);
                    unitNode.add(index);
                }
                continue;
            } else if (node instanceof Encoder) {
                if (!hasEncoder) {
                    problems.add(node.name() + ": the network encodes sensor data, the system has no encoder");
                    needed.put("encoder", 1L);
                    available.put("encoder", 0L);
                    continue;
                }
                made = List.of(new BoundaryUnit(units.size(), node.name(), ResourceKind.ENCODER));
            } else if (node instanceof InputNode && hasEncoder) {
                made = List.of(new BoundaryUnit(units.size(), node.name(), ResourceKind.ENCODER));
            } else if (node instanceof Reservoir r) {
                Optional<ReservoirArray> array = architecture.subsystems().stream()
                        .filter(ReservoirArray.class::isInstance).map(ReservoirArray.class::cast).findFirst();
                if (array.isEmpty()) {
                    problems.add(node.name() + ": the network has a memristive reservoir, " + architecture.name()
                            + " has no reservoir array to run it (add a subsystem of kind: reservoir, as fig4-hybrid's "
                            + "analog front end has)");
                    needed.put("reservoir_devices", r.devices());
                    available.put("reservoir_devices", 0L);
                    continue;
                }
                // Each device holds one reservoir's fading state across the time steps: devices cannot
                // be shared between physical nodes without losing it, so too few devices do not fit.
                long devices = array.get().devices();
                if (r.devices() > devices) {
                    problems.add(node.name() + ": needs " + r.devices() + " dynamic memristors (" + r.nodes()
                            + " nodes x " + r.parallel() + " parallel reservoirs), the reservoir array '"
                            + array.get().name() + "' has " + devices);
                    needed.put("reservoir_devices", r.devices());
                    available.put("reservoir_devices", devices);
                    continue;
                }
                made = List.of(new BoundaryUnit(units.size(), node.name(), ResourceKind.RESERVOIR));
            } else if (node instanceof Integration) {
                if (!hasIntegration) {
                    problems.add(node.name() + ": the network integrates spikes and voltages, the system has no "
                            + "integration interface");
                    needed.put("integration", 1L);
                    available.put("integration", 0L);
                    continue;
                }
                made = List.of(new BoundaryUnit(units.size(), node.name(), ResourceKind.INTEGRATION));
            }
            if (!made.isEmpty()) {
                int index = nodes.size();
                nodes.add(new NodeUnits(index, node.name(), made.get(0).resource(), units.size(), made.size()));
                for (MappingUnit u : made) {
                    units.add(u);
                    unitNode.add(index);
                }
            }
        }

        long crossbarsThere = topology.totalCrossbars();
        List<Integer> coreEndpoints = topology.endpointsOf(ResourceKind.SNN_CORE);
        long coresThere = coreEndpoints.size();
        if (crossbarsNeeded > 0) {
            needed.put("crossbars", crossbarsNeeded);
            available.put("crossbars", crossbarsThere);
            if (crossbarsNeeded > crossbarsThere) {
                int tiles = topology.endpointsOf(ResourceKind.CIM_TILE).size();
                problems.add(network.name() + " needs " + crossbarsNeeded + " crossbars"
                        + crossbar.map(g -> " of " + g.rows() + "x" + g.cols()).orElse("")
                        + ", " + architecture.name() + " has " + crossbarsThere + " (" + tiles + " CIM tiles)"
                        + (crossbarsThere == 0 ? "" : "; it needs at least "
                        + chipsNeeded(ceilDiv(crossbarsNeeded, crossbarsThere / Math.max(1, tiles)), tiles,
                                architecture.chips())));
            }
        }
        if (groupsNeeded > 0) {
            long perCore = core.map(CoreGeometry::neurons).orElse(1);
            long coresNeeded = core.isEmpty() ? groupsNeeded : ceilDiv(neuronsNeeded, perCore);
            long neuronsThere = 0;
            for (int e : coreEndpoints) {
                Capacity c = topology.capacity(e);
                neuronsThere += c.neurons();
            }
            needed.put("snn_cores", coresNeeded);
            available.put("snn_cores", coresThere);
            needed.put("neurons", neuronsNeeded);
            available.put("neurons", neuronsThere);
            if (neuronsNeeded > neuronsThere) {
                problems.add(network.name() + " needs " + neuronsNeeded + " neurons (at least " + coresNeeded
                        + " cores), " + architecture.name() + " has " + neuronsThere + " on " + coresThere + " cores");
            } else if (partsNeeded > coresThere) {
                problems.add(network.name() + "'s neurons cut into parts that each fit a core (" + core.get().neurons()
                        + " neurons, " + core.get().synapseRows() + " synapse rows) take " + partsNeeded + " cores, "
                        + architecture.name() + " has " + coresThere);
                needed.put("snn_cores", (long) partsNeeded);
            }
        }
        if (maxFanIn > 0 && core.isPresent()) {
            needed.put("synapse_rows", (long) maxFanIn);
            available.put("synapse_rows", (long) core.get().synapseRows());
        }
        if (!problems.isEmpty()) {
            return new PartitionOutcome.Rejected(new MappingOutcome.DoesNotFit(String.join("; ", problems), needed,
                    available));
        }
        return new PartitionOutcome.Partitioned(new Partition(units, nodes, crossbar, core, unitNode,
                java.util.Optional.ofNullable(snn)));
    }

    /**
     * "N such tiles, C chips of T": how many copies of the chip the tiles need, and how to get
     * them (a board: section, or a larger board).
     */
    private static String chipsNeeded(long tilesNeeded, int tiles, int chips) {
        long perChip = Math.max(1, tiles / Math.max(1, chips));
        long needed = ceilDiv(tilesNeeded, perChip);
        return tilesNeeded + " such tiles, " + needed + " chips of " + perChip + " tiles ("
                + (chips > 1 ? "the board has " + chips : "a board: section with chips: " + needed
                        + " maps it across them, as isaac-ce-2chip and neurosim-vgg8-2chip do") + ")";
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
