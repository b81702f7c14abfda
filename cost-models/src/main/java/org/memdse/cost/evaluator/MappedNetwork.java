package org.memdse.cost.evaluator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.DigitalKind;
import org.memdse.core.arch.InputEncoding;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.core.eval.IdleHardware;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.eval.PeakFigures;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NodeKind;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.RewrittenOperand;
import org.memdse.core.network.TrafficEdge;

/**
 * A mapped network as the evaluation passes read it, built once per evaluation: for every node
 * (by its index in network order) what runs it and the counts the mapping fixes (vectors, input
 * cycles, cells, columns and rows used, replicas, tiles), the analog-transfer decisions, the
 * routes grouped by the layer that sends them, and the utilisation. It holds no cost: the passes
 * price what it counts. Immutable.
 */
public final class MappedNetwork {
    private final ArchitectureCosts costs;
    private final NetworkGraph network;
    private final Mapping mapping;
    private final OpConvention convention;
    private final List<NetworkNode> nodes;
    private final MappingLayout layout;
    private final NodeWork[] work;
    /** Per tile array, the tiles or cores that are powered (all of them without power gating). */
    private final Map<String, Long> powered = new HashMap<>();
    private final IdleHardware idle;
    private final double crossbarUtilisation;
    private final double coreUtilisation;

    /** What runs a node, with the counts its passes need. */
    public sealed interface NodeWork permits CrossbarLayer, DigitalLayer, SnnLayer, Boundary, ReservoirLayer,
            NoWork {
    }

    /**
     * A layer on crossbars. Every input vector is applied {@code cycles} times (bit-serial: one
     * cycle per input bit over 1-bit drivers; multi-bit DACs: activation bits / DAC bits;
     * pulse-width: one long read of {@code pulses} unit pulses; an analog input from the previous
     * layer: one read). Replicas share the vectors, so each block reads {@code reads} = vectors ×
     * cycles / replicas times.
     *
     * @param cim          the CIM subsystem the layer's blocks sit on (that of its first block)
     * @param blocks       crossbar blocks (arrays used) over all replicas
     * @param vectors      input vectors per inference
     * @param cycles       read cycles per vector
     * @param reads        read cycles of each block per inference
     * @param pulses       unit pulses per read: 2^bits − 1 with pulse-width inputs, else 1
     * @param analogIn     every input arrives as a held analog value (no DACs, one read)
     * @param analogOut    the outputs stay analog for the next crossbar layer (no ADC, no buffer write)
     * @param pulseWidth   inputs are pulse-width encoded (and not analog)
     * @param activity     mean drive per used row and cycle: the share of 1-bits of this layer's inputs
     *                     bit-serially ({@code NetworkGraph.inputBitDensity(node)}), (2^b − 1)/2
     *                     unit pulses with pulse-width inputs, 1/3 (mean of V² over uniform amplitudes)
     *                     with analog inputs
     * @param cellReads    arrays' worth of cells the blocks use (rows × cols used / rows × cols of an array)
     * @param columnCycles columns used, summed over the blocks
     * @param rowCycles    rows used, summed over the blocks
     * @param replicas     copies of the layer
     * @param rowBlocks    blocks a column of the weight matrix is split over
     * @param maxRows      most rows a block uses
     * @param tiles        distinct tiles the blocks sit on
     * @param tileShares   per tile the blocks sit on, its share of the layer's inputs and outputs
     * @param matrixRows   rows of the matrix the blocks hold (a group's, for grouped layers)
     */
    public record CrossbarLayer(ArchitectureCosts.CimSubsystem cim, int blocks, long vectors, double cycles,
                                double reads, double pulses, boolean analogIn, boolean analogOut, boolean pulseWidth,
                                double activity, double cellReads, double columnCycles, double rowCycles, int replicas,
                                int rowBlocks, int maxRows, long tiles, List<TileShare> tileShares, int matrixRows)
            implements NodeWork {
        public CrossbarLayer {
            tileShares = List.copyOf(tileShares);
        }
    }

    /**
     * The part of a crossbar layer's data one tile moves through its own buffers. A tile needs the
     * inputs of every matrix row its blocks hold, whatever columns they hold: tiles holding the
     * same rows and different columns each load those inputs (DNN+NeuroSim V1.3/V1.4 Tile.cpp:
     * each tile's input buffer loads numBitToLoadOut = its own weightMatrixRow x numInVector bits,
     * and Chip.cpp takes the slowest tile of a layer). Its outputs are those of the columns
     * (weights) it holds. Replicas split the vectors, so a replica's tile carries 1/replicas.
     *
     * @param inputs  share of the layer's input bits this tile loads, 0..1
     * @param outputs share of the layer's output bits this tile writes, 0..1
     */
    public record TileShare(double inputs, double outputs) {
    }

    /**
     * Element-wise work (pooling, activation, residual add) on the first CIM subsystem's digital
     * units, spread over all its powered tiles.
     *
     * @param cim      the subsystem
     * @param kind     the digital unit kind that does it
     * @param tiles    the subsystem's powered tiles, which share the work
     * @param allTiles all the subsystem's tiles
     */
    public record DigitalLayer(ArchitectureCosts.CimSubsystem cim, DigitalKind kind, long tiles, long allTiles)
            implements NodeWork {
    }

    /**
     * An SNN population or projection on a core subsystem.
     *
     * @param subsystem  the core subsystem
     * @param neurons    its priced neurons, or null
     * @param synapses   its priced synapse arrays, or null
     * @param tickS      the core's time step, s (0 if it is not an SNN core template)
     * @param population a population (neurons update and spike) rather than a projection (synaptic events)
     */
    public record SnnLayer(String subsystem, PricedComponent neurons, PricedComponent synapses, double tickS,
                           boolean population) implements NodeWork {
    }

    /** An encoder or integration node: handled by the chip's interface subsystems. */
    public record Boundary() implements NodeWork {
    }

    /**
     * A reservoir layer on the first reservoir array.
     *
     * @param array   the array (its pulses and its mask generator)
     * @param drivers its pulse drivers, or null
     * @param adcs    its sampling ADCs, or null
     * @param spec    the array as described (devices, ADC channels)
     */
    public record ReservoirLayer(PricedComponent array, PricedComponent drivers, PricedComponent adcs,
                                 org.memdse.core.arch.ReservoirArray spec) implements NodeWork {
    }

    /** Nothing runs it: inputs, flatten and reshape (a relabelling in place), or no subsystem that could. */
    public record NoWork() implements NodeWork {
    }

    /**
     * A route with the network edge it carries.
     *
     * @param route  the route
     * @param edge   its edge, or null when the mapping names an edge the network lacks
     * @param source index of the edge's source node, or -1
     */
    public record RoutedTraffic(Route route, TrafficEdge edge, int source) {
    }

    private static final NoWork NO_WORK = new NoWork();
    private static final Boundary BOUNDARY = new Boundary();

    private MappedNetwork(ArchitectureCosts costs, MappingLayout layout, OpConvention convention) {
        this.costs = costs;
        this.layout = layout;
        this.network = layout.network();
        this.mapping = layout.mapping();
        this.convention = convention;
        this.nodes = layout.nodes();
        int n = nodes.size();
        ArchitectureCosts.CimSubsystem[] cimOf = new ArchitectureCosts.CimSubsystem[n];
        for (int i = 0; i < n; i++) {
            if (layout.geometry(i) != null) {
                cimOf[i] = costs.cim(layout.subsystemOf(i));
            }
        }
        Map<String, Long> used = layout.usedTiles();
        boolean gated = costs.architecture().powerGating().enabled();
        long tiles = 0;
        long idleTiles = 0;
        long cores = 0;
        long idleCores = 0;
        for (TileArray a : costs.architecture().tileArrays()) {
            long count = a.count() * (long) costs.chips();   // every chip's tiles or cores
            long u = Math.min(count, used.getOrDefault(a.name(), 0L));
            powered.put(a.name(), gated ? u : count);
            if (a.template() instanceof CimTileTemplate) {
                tiles += count;
                idleTiles += count - u;
            } else {
                cores += count;
                idleCores += count - u;
            }
        }
        this.idle = new IdleHardware(tiles, idleTiles, cores, idleCores, gated);
        boolean[] analogOut = new boolean[n];
        for (int i = 0; i < n; i++) {
            analogOut[i] = transfersAnalog(i, cimOf, layout);
        }
        String defaultCim = firstSubsystem(CimTileTemplate.class);
        String defaultSnn = firstSubsystem(SnnCoreTemplate.class);
        this.work = new NodeWork[n];
        for (int i = 0; i < n; i++) {
            NetworkNode node = nodes.get(i);
            MappingLayout.BlockGeometry g = layout.geometry(i);
            if (g != null) {
                work[i] = cimOf[i] == null ? NO_WORK
                        : crossbarLayer(cimOf[i], node, layout.stats(i), g, receivesAnalog(i, layout, analogOut),
                                analogOut[i]);
            } else if (node.kind().domain() == NodeKind.Domain.SNN) {
                String sub = layout.units(i).isEmpty() ? defaultSnn : layout.subsystemOf(i);
                work[i] = sub == null ? NO_WORK : snnLayer(sub, node.kind() == NodeKind.POPULATION);
            } else if (node.kind() == NodeKind.RESERVOIR) {
                work[i] = reservoirLayer();
            } else if (node.kind().domain() == NodeKind.Domain.BOUNDARY) {
                work[i] = BOUNDARY;
            } else if (defaultCim != null && node.kind() != NodeKind.FLATTEN && node.kind() != NodeKind.RESHAPE
                    && node.kind() != NodeKind.SELECT) {
                long all = tilesOf(defaultCim);
                // Under power gating element-wise work runs on the powered tiles; one stays on for it if none is.
                long on = Math.max(Math.min(1, all), powered.getOrDefault(defaultCim, all));
                powered.put(defaultCim, on);
                work[i] = new DigitalLayer(costs.cim(defaultCim), digitalKind(node.kind()), on, all);
            } else {
                work[i] = NO_WORK;
            }
        }
        this.crossbarUtilisation = countCrossbarUtilisation();
        this.coreUtilisation = countCoreUtilisation();
    }

    /** The first reservoir array's priced parts; no work on a system without one (the mapping says why). */
    private NodeWork reservoirLayer() {
        for (org.memdse.core.arch.Subsystem s : costs.architecture().subsystems()) {
            if (s instanceof org.memdse.core.arch.ReservoirArray r) {
                PricedComponent array = costs.component(r.name()).orElse(null);
                return array == null ? NO_WORK : new ReservoirLayer(array, costs.component(r.name() + ".dac").orElse(null),
                        costs.component(r.name() + ".adc").orElse(null), r);
            }
        }
        return NO_WORK;
    }

    /** The view of {@code mapping} of {@code network} on the system {@code costs} prices. */
    public static MappedNetwork of(ArchitectureCosts costs, NetworkGraph network, Mapping mapping,
                                   OpConvention convention) {
        return of(costs, MappingLayout.of(network, mapping), convention);
    }

    /**
     * The view of a mapping whose architecture-independent part, {@code layout}, is already built
     * (a sweep builds it once per mapping and prices it on every point that reuses the mapping).
     */
    public static MappedNetwork of(ArchitectureCosts costs, MappingLayout layout, OpConvention convention) {
        return new MappedNetwork(costs, layout, convention);
    }

    private CrossbarLayer crossbarLayer(ArchitectureCosts.CimSubsystem c, NetworkNode node, NodeStats stats,
                                        MappingLayout.BlockGeometry g, boolean analogIn, boolean analogOut) {
        Macro macro = c.macro;
        java.util.Optional<org.memdse.core.network.WeightMatrix> matrix = RewrittenOperand.crossbarMatrix(network, node);
        long vectors = matrix.map(w -> w.vmmsPerInference()).orElse(1L);
        int activationBits = network.activationBits();
        boolean pulseWidth = !analogIn && macro.inputEncoding() == InputEncoding.PULSE_WIDTH;
        double cycles = analogIn || pulseWidth ? 1 : Math.ceil((double) activationBits / macro.dac().bits());
        double arrayCells = (double) macro.crossbars().rows() * macro.crossbars().cols();
        double reads = vectors * cycles / g.replicas();
        long pulseCount = (1L << Math.min(activationBits, 30)) - 1;
        // Bit-serial: the layer's own input-bit density (NetworkGraph.inputActivities: given, or the
        // default for the activation that produced its input).
        double activity = analogIn ? 1.0 / 3 : pulseWidth ? pulseCount / 2.0 : network.inputBitDensity(node);
        return new CrossbarLayer(c, g.blocks(), vectors, cycles, reads, pulseWidth ? pulseCount : 1, analogIn,
                analogOut, pulseWidth, activity, g.cellsUsed() / arrayCells, g.columnCycles(), g.rowCycles(),
                g.replicas(), g.rowBlocks(), g.maxRows(), g.tiles(), g.tileShares(),
                matrix.map(org.memdse.core.network.WeightMatrix::rows).orElse(0));
    }

    /**
     * Analog transfer: a crossbar layer on a tile with {@code analog_transfer} whose every
     * consumer is a crossbar layer on such a tile hands its column outputs over as held analog
     * values (the seed paper's analog ReLU neurons): no ADC, no shift-and-add, no buffer write.
     */
    private static boolean transfersAnalog(int i, ArchitectureCosts.CimSubsystem[] cimOf, MappingLayout layout) {
        if (cimOf[i] == null || !cimOf[i].template.analogTransfer() || layout.outs(i).isEmpty()) {
            return false;
        }
        for (TrafficEdge e : layout.outs(i)) {
            Integer next = layout.indexOf(e.target());
            ArchitectureCosts.CimSubsystem n = next == null || e.feedback() ? null : cimOf[next];
            if (n == null || !n.template.analogTransfer()) {
                return false;
            }
        }
        return true;
    }

    /** Whether every input of a crossbar layer arrives as an analog value (no DACs, one read). */
    private static boolean receivesAnalog(int i, MappingLayout layout, boolean[] analogOut) {
        if (layout.ins(i).isEmpty()) {
            return false;
        }
        for (TrafficEdge e : layout.ins(i)) {
            Integer prev = layout.indexOf(e.source());
            if (prev == null || e.feedback() || !analogOut[prev]) {
                return false;
            }
        }
        return true;
    }

    private SnnLayer snnLayer(String sub, boolean population) {
        double tick = costs.architecture().tileArrays().stream().filter(a -> a.name().equals(sub))
                .map(TileArray::template).filter(SnnCoreTemplate.class::isInstance).map(SnnCoreTemplate.class::cast)
                .mapToDouble(SnnCoreTemplate::timeStepS).findFirst().orElse(0);
        return new SnnLayer(sub, costs.component(sub + ".neurons").orElse(null),
                costs.component(sub + ".synapses").orElse(null), tick, population);
    }

    private static DigitalKind digitalKind(NodeKind kind) {
        return switch (kind) {
            case MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL, GLOBAL_MAX_POOL -> DigitalKind.POOLING;
            case ADD, CONCAT, EMBEDDING -> DigitalKind.ACCUMULATOR;
            case MATMUL -> DigitalKind.MAC;
            default -> DigitalKind.ACTIVATION;
        };
    }

    private long tilesOf(String subsystem) {
        return costs.architecture().tileArrays().stream().filter(a -> a.name().equals(subsystem))
                .mapToLong(TileArray::count).findFirst().orElse(1) * costs.chips();
    }

    private String firstSubsystem(Class<?> template) {
        for (TileArray a : costs.architecture().tileArrays()) {
            if (template.isInstance(a.template())) {
                return a.name();
            }
        }
        return null;
    }

    private double countCrossbarUtilisation() {
        long used = layout.crossbarBlocks();
        long total = costs.components().stream().filter(p -> p.component().kind() == ComponentKind.CROSSBAR)
                .mapToLong(p -> p.component().count()).sum();
        return total == 0 ? 0 : (double) used / total;
    }

    private double countCoreUtilisation() {
        long used = layout.coresUsed();
        long total = costs.architecture().summary().snnCores();
        return total == 0 ? 0 : (double) used / total;
    }

    public ArchitectureCosts costs() {
        return costs;
    }

    public NetworkGraph network() {
        return network;
    }

    public Mapping mapping() {
        return mapping;
    }

    public OpConvention convention() {
        return convention;
    }

    /** The architecture's peak figures under this evaluation's op convention (computed once per architecture). */
    public PeakFigures peak() {
        return costs.peak(convention);
    }

    /** Nodes in network order; a node's index is its position here. */
    public int size() {
        return nodes.size();
    }

    public NetworkNode node(int i) {
        return nodes.get(i);
    }

    public NodeStats stats(int i) {
        return layout.stats(i);
    }

    /** The matrix node {@code i}'s crossbars hold: its weights, or a rewritten product's B operand. */
    public java.util.Optional<org.memdse.core.network.WeightMatrix> crossbarMatrix(int i) {
        return RewrittenOperand.crossbarMatrix(network, nodes.get(i));
    }

    public NodeWork work(int i) {
        return work[i];
    }

    /** Every route, in mapping order. */
    public List<RoutedTraffic> routes() {
        return layout.routes();
    }

    /** The routes that carry node {@code i}'s outputs, in mapping order. */
    public List<RoutedTraffic> routesFrom(int i) {
        return layout.routesBySource().get(i);
    }

    /**
     * The tiles or cores of tile array {@code subsystem} that are powered: all of them, or under
     * power gating those holding work (and one tile of the first CIM subsystem for element-wise
     * work if none does).
     */
    public long poweredTiles(String subsystem) {
        return powered.getOrDefault(subsystem, 0L);
    }

    /** The tiles and cores the mapping leaves without work. */
    public IdleHardware idle() {
        return idle;
    }

    /** Multiply-accumulates per inference. */
    public long macs() {
        return layout.macs();
    }

    /** Crossbars holding weights over all crossbars. */
    public double crossbarUtilisation() {
        return crossbarUtilisation;
    }

    /** SNN cores holding neurons over all cores. */
    public double coreUtilisation() {
        return coreUtilisation;
    }
}
