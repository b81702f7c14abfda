package org.memdse.cost.evaluator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.DigitalKind;
import org.memdse.core.arch.DigitalUnit;
import org.memdse.core.arch.InputEncoding;
import org.memdse.core.arch.InputLoading;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.Evaluator;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.eval.PeakFigures;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.NodeKind;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.Signal;
import org.memdse.core.network.TrafficEdge;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * Counts the actions a mapped network makes each component do in one inference, and multiplies
 * them by the components' per-action costs (Timeloop's counts × Accelergy's ERT). The counting
 * rules are in the comments of each method; every count is per inference.
 */
public final class SystemEvaluator implements Evaluator {
    private final ComponentModelRegistry registry;

    public SystemEvaluator(ComponentModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Metrics evaluate(Architecture architecture, NetworkGraph network, Mapping mapping, OpConvention convention) {
        return evaluate(ArchitectureCosts.of(architecture, registry), network, mapping, convention);
    }

    /** The hot path: the architecture's components are priced once and reused across mappings. */
    public Metrics evaluate(ArchitectureCosts costs, NetworkGraph network, Mapping mapping, OpConvention convention) {
        return new Count(costs, network, mapping).metrics(convention);
    }

    /** One evaluation's running totals: energies in arrays indexed by kind and node, converted once. */
    private static final class Count {
        private static final ComponentKind[] KINDS = ComponentKind.values();
        private final ArchitectureCosts costs;
        private final NetworkGraph network;
        private final Mapping mapping;
        private final double[] energyByKind = new double[KINDS.length];
        /** Dynamic energy by node index, summed charge by charge; the node being counted, or -1. */
        private double[] layerEnergy;
        private int layer = -1;
        private double latency;
        private double slowestStage;
        private final Map<String, List<MappingUnit>> unitsByNode = new HashMap<>();
        /** Crossbar nodes whose outputs stay analog for the next crossbar layer (analog transfer). */
        private final Map<String, Boolean> analogOut = new HashMap<>();
        private final Map<String, Double> adcBitsNeeded = new HashMap<>();

        Count(ArchitectureCosts costs, NetworkGraph network, Mapping mapping) {
            this.costs = costs;
            this.network = network;
            this.mapping = mapping;
        }

        Metrics metrics(OpConvention convention) {
            for (MappingUnit u : mapping.units()) {
                unitsByNode.computeIfAbsent(u.node(), k -> new ArrayList<>()).add(u);
            }
            String defaultCim = firstCimSubsystem();
            Map<String, Double> networkTime = networkTimeByLayer();
            List<NetworkNode> nodes = network.nodes();
            layerEnergy = new double[nodes.size()];
            double[] layerTime = new double[nodes.size()];
            long macs = 0;
            for (int i = 0; i < nodes.size(); i++) {
                NetworkNode node = nodes.get(i);
                List<MappingUnit> units = unitsByNode.getOrDefault(node.name(), List.of());
                NodeStats stats = network.stats(node);
                macs += stats.macs();
                layer = i;
                double time = 0;
                if (!units.isEmpty() && units.get(0) instanceof CrossbarBlock) {
                    time = crossbarLayer(node, stats, units);
                } else if (node.kind().domain() == NodeKind.Domain.SNN) {
                    time = snnNode(node, stats, units);
                } else if (node.kind().domain() == NodeKind.Domain.BOUNDARY) {
                    boundary(node, stats);
                } else if (defaultCim != null && !isReshape(node)) {
                    time = digitalNode(node, stats, defaultCim);
                }
                time += networkTime.getOrDefault(node.name(), 0.0);
                layerTime[i] = time;
                latency += time;
                slowestStage = Math.max(slowestStage, time);
            }
            layer = -1;
            interconnect();
            PeakFigures peak = costs.peak(convention);
            double staticEnergy = peak.leakagePowerW() * latency;
            Map<String, Double> byKind = new HashMap<>();
            for (ComponentKind k : KINDS) {
                if (energyByKind[k.ordinal()] != 0) {
                    byKind.put(k.key(), energyByKind[k.ordinal()]);
                }
            }
            byKind.merge("static", staticEnergy, Double::sum);
            Map<String, Double> energyByLayer = new HashMap<>();
            Map<String, Double> latencyByLayer = new HashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                energyByLayer.merge(nodes.get(i).name(), layerEnergy[i], Double::sum);
                latencyByLayer.merge(nodes.get(i).name(), layerTime[i], Double::sum);
            }
            Breakdown kinds = new Breakdown(byKind);
            return new Metrics(peak.areaM2(), peak.areaByKind(), peak.areaBySubsystem(), kinds.total(), kinds,
                    new Breakdown(energyByLayer), latency, slowestStage, new Breakdown(latencyByLayer),
                    (double) macs * OpConvention.OPS_PER_MAC, peak.leakagePowerW(), crossbarUtilisation(),
                    coreUtilisation(), peak, new Breakdown(adcBitsNeeded));
        }

        /** Flatten and reshape only relabel data in place: no work, no buffer traffic. */
        private static boolean isReshape(NetworkNode node) {
            return node.kind() == NodeKind.FLATTEN || node.kind() == NodeKind.RESHAPE;
        }

        private void charge(PricedComponent p, Action action, double actions) {
            if (p == null || actions <= 0) {
                return;
            }
            double e = actions * p.model().energy(action);
            energyByKind[p.component().kind().ordinal()] += e;
            if (layer >= 0) {
                layerEnergy[layer] += e;
            }
        }

        private void charge(String path, Action action, double actions) {
            if (actions > 0) {
                charge(costs.component(path).orElse(null), action, actions);
            }
        }

        private String firstCimSubsystem() {
            for (TileArray a : costs.architecture().tileArrays()) {
                if (a.template() instanceof CimTileTemplate) {
                    return a.name();
                }
            }
            return null;
        }

        private ArchitectureCosts.CimSubsystem cimOf(NetworkNode node) {
            List<MappingUnit> units = unitsByNode.get(node.name());
            if (units == null || units.isEmpty() || !(units.get(0) instanceof CrossbarBlock)) {
                return null;
            }
            return costs.cim(mapping.endpointOf(units.get(0).id()).subsystem());
        }

        /**
         * Analog transfer: a crossbar layer on a tile with {@code analog_transfer} whose every
         * consumer is a crossbar layer on such a tile hands its column outputs over as held analog
         * values (the seed paper's analog ReLU neurons): no ADC, no shift-and-add, no buffer write.
         */
        private boolean transfersAnalog(NetworkNode node) {
            return analogOut.computeIfAbsent(node.name(), k -> {
                ArchitectureCosts.CimSubsystem c = cimOf(node);
                if (c == null || !c.template.analogTransfer()) {
                    return false;
                }
                List<TrafficEdge> outs = network.outputs(node);
                if (outs.isEmpty()) {
                    return false;
                }
                for (TrafficEdge e : outs) {
                    NetworkNode next = network.node(e.target()).orElse(null);
                    ArchitectureCosts.CimSubsystem n = next == null || e.feedback() ? null : cimOf(next);
                    if (n == null || !n.template.analogTransfer()) {
                        return false;
                    }
                }
                return true;
            });
        }

        /** Whether every input of a crossbar layer arrives as an analog value (no DACs, one read). */
        private boolean receivesAnalog(NetworkNode node) {
            List<TrafficEdge> ins = network.inputs(node);
            if (ins.isEmpty()) {
                return false;
            }
            for (TrafficEdge e : ins) {
                NetworkNode prev = network.node(e.source()).orElse(null);
                if (prev == null || e.feedback() || !transfersAnalog(prev)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A layer on crossbars. Every input vector is applied {@code cycles} times (bit-serial:
         * one cycle per input bit over 1-bit drivers; multi-bit DACs: activation bits / DAC bits;
         * pulse-width: one long read of up to 2^bits − 1 unit pulses; an analog input from the
         * previous layer: one read). In each cycle, each block reads its array (energy scaled by
         * the cells it uses and by the mean input: the workload's share of 1-bits bit-serially, a pulse-width
         * input lasts (2^bits − 1)/2 unit pulses on average), every used column is converted by an
         * ADC (one conversion per used column per cycle, whatever the ADC's resolution) and
         * shift-added, and every used row is driven. Row blocks' partial sums are added digitally.
         * The layer's inputs are read from the tile buffer and its outputs written back. All blocks
         * work in parallel, so the layer takes vectors × cycles × cycle time, where a cycle is the
         * slower of the array read and the shared ADC converting its columns in turn.
         */
        private double crossbarLayer(NetworkNode node, NodeStats stats, List<MappingUnit> units) {
            ArchitectureCosts.CimSubsystem c = costs.cim(mapping.endpointOf(units.get(0).id()).subsystem());
            if (c == null) {
                return 0;
            }
            Macro macro = c.macro;
            long vectors = stats.weights().map(w -> w.vmmsPerInference()).orElse(1L);
            int activationBits = network.activationBits();
            boolean analogIn = receivesAnalog(node);
            boolean analogOutput = transfersAnalog(node);
            boolean pulseWidth = !analogIn && macro.inputEncoding() == InputEncoding.PULSE_WIDTH;
            double cycles = analogIn || pulseWidth ? 1 : Math.ceil((double) activationBits / macro.dac().bits());
            double arrayCells = (double) macro.crossbars().rows() * macro.crossbars().cols();
            double cellReads = 0;
            double columnCycles = 0;
            double rowCycles = 0;
            int replicas = 1;
            int rowBlocks = 1;
            int maxRows = 1;
            for (MappingUnit u : units) {
                CrossbarBlock b = (CrossbarBlock) u;
                cellReads += (double) b.crossbarRows() * b.crossbarCols() / arrayCells;
                columnCycles += b.crossbarCols();
                rowCycles += b.crossbarRows();
                replicas = Math.max(replicas, b.replica() + 1);
                rowBlocks = Math.max(rowBlocks, b.rowBlock() + 1);
                maxRows = Math.max(maxRows, b.crossbarRows());
            }
            // Full partial-sum precision of a column: rows x largest cell level x largest input per cycle.
            int inputBitsPerCycle = analogIn ? activationBits : pulseWidth ? activationBits : macro.dac().bits();
            double maxSum = maxRows * (Math.pow(2, macro.crossbars().bitsPerCell()) - 1) * (Math.pow(2, inputBitsPerCycle) - 1);
            adcBitsNeeded.put(node.name(), Math.ceil(Math.log(maxSum + 1) / Math.log(2)));
            // Replicas share the vectors: the sums above cover every copy, each doing 1/replicas of the work.
            double reads = vectors * cycles / replicas;
            // Bit-serial: a row is driven (and its cells conduct) only when its input bit is 1, a share
            // the workload gives (NetworkGraph.inputBitDensity, 0.5 by default). Pulse-width: the mean
            // input is (2^b - 1)/2 unit pulses. Analog input: the mean of V^2 over amplitudes uniform in
            // [0, V_read] is V_read^2 / 3.
            double activity = analogIn ? 1.0 / 3 : pulseWidth
                    ? ((1L << Math.min(activationBits, 30)) - 1) / 2.0 : network.inputBitDensity();
            charge(c.crossbars, Action.READ, reads * cellReads * activity);
            // Each used array's row DFFs, switches and column multiplexers act once per read.
            charge(c.periphery, Action.READ, reads * units.size());
            if (analogOutput) {
                // Each column's per-cycle result is held and accumulated, then activated, in the analog domain.
                charge(c.sampleHold, Action.SAMPLE, reads * columnCycles + stats.outputActivations());
            } else {
                charge(c.adc, Action.CONVERT, reads * columnCycles);
                charge(c.sampleHold, Action.SAMPLE, reads * columnCycles);
                charge(c.shiftAdd, Action.COMPUTE, reads * columnCycles);
                charge(c.digital(DigitalKind.ACCUMULATOR), Action.COMPUTE, (double) stats.outputActivations() * (rowBlocks - 1));
            }
            if (!analogIn && !pulseWidth) {
                charge(c.dac, Action.DRIVE, reads * rowCycles * activity);
            }
            // Input bits moved from the tile buffer to the arrays: each activation read once, or with
            // input_loading: per-window the whole window (the weight matrix's rows) for every vector,
            // written into the tile's input buffer and read out to the PEs, as DNN+NeuroSim V1.3
            // Tile.cpp counts them (inputBuffer read and write of numBitToLoadOut = weightMatrixRow x numInVector).
            boolean perWindow = c.template.inputLoading() == InputLoading.PER_WINDOW;
            double inputBits = perWindow
                    ? vectors * (double) stats.weights().map(w -> w.rows()).orElse(0) * activationBits
                    : stats.inputActivations() * (double) activationBits;
            double inputAccessBits = analogIn ? 0 : perWindow ? 2 * inputBits : inputBits;
            if (c.buffer != null) {
                if (!analogIn) {
                    charge(c.buffer, Action.READ, Math.ceil(inputBits / c.bufferWidthBits));
                    if (perWindow) {
                        charge(c.buffer, Action.WRITE, Math.ceil(inputBits / c.bufferWidthBits));
                    }
                }
                if (!analogOutput) {
                    charge(c.buffer, Action.WRITE, Math.ceil(stats.outputActivations() * (double) activationBits / c.bufferWidthBits));
                }
            }
            double cycle = analogOutput && c.crossbars != null ? c.crossbars.model().latency(Action.READ) : c.readCycle;
            if (pulseWidth) {
                cycle *= (1L << Math.min(activationBits, 30)) - 1;
            }
            long tiles = units.stream().map(u -> mapping.endpointOf(u.id())).distinct().count();
            double outputBits = analogOutput ? 0 : stats.outputActivations() * (double) activationBits;
            double bufferTime = bufferTime(c, inputAccessBits, outputBits, tiles);
            double globalTime = globalBuffer(analogIn ? 0 : inputBits, outputBits);
            return vectors * cycles * cycle / replicas + bufferTime + globalTime;
        }

        /** Element-wise work (pooling, activation, residual add) on the tile's digital units. */
        private double digitalNode(NetworkNode node, NodeStats stats, String sub) {
            DigitalKind kind = switch (node.kind()) {
                case MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL, GLOBAL_MAX_POOL -> DigitalKind.POOLING;
                case ADD, CONCAT -> DigitalKind.ACCUMULATOR;
                default -> DigitalKind.ACTIVATION;
            };
            ArchitectureCosts.CimSubsystem c = costs.cim(sub);
            double ops = stats.digitalOps();
            PricedComponent unit = c.digital(kind);
            charge(unit, Action.COMPUTE, ops);
            if (c.buffer != null) {
                charge(c.buffer, Action.READ, Math.ceil(stats.inputActivations() * (double) network.activationBits() / c.bufferWidthBits));
                charge(c.buffer, Action.WRITE, Math.ceil(stats.outputActivations() * (double) network.activationBits() / c.bufferWidthBits));
            }
            // The element-wise work is spread over every tile's units, and so are its buffer accesses.
            long tiles = costs.architecture().tileArrays().stream().filter(a -> a.name().equals(sub))
                    .mapToLong(TileArray::count).findFirst().orElse(1);
            double bufferTime = bufferTime(c, stats.inputActivations() * (double) network.activationBits(),
                    stats.outputActivations() * (double) network.activationBits(), tiles);
            if (unit == null) {
                return bufferTime;
            }
            long count = unit.component().count();
            return (count == 0 ? 0 : ops * unit.model().latency(Action.COMPUTE) / count) + bufferTime;
        }

        /**
         * Layer-by-layer execution: a layer's inputs are read from the tile buffer before its
         * arrays can use them and its outputs written back before the next layer starts (NeuroSim
         * counts this buffer time serially: 1.0 of its 1.456 ms for VGG-8, published-figures.md
         * §3.1). The bits are spread over the buffers of the {@code tiles} the layer runs on, which
         * work in parallel; each buffer moves {@code width} bits per access of its READ latency:
         * t = (⌈read bits / (width · tiles)⌉ + ⌈written bits / (width · tiles)⌉) · t_access.
         */
        private double bufferTime(ArchitectureCosts.CimSubsystem c, double readBits, double writtenBits, long tiles) {
            if (c == null || c.buffer == null || tiles <= 0) {
                return 0;
            }
            double perAccess = c.bufferWidthBits * tiles;
            double access = c.buffer.model().latency(Action.READ);
            return (Math.ceil(readBits / perAccess) + Math.ceil(writtenBits / perAccess)) * access;
        }

        /**
         * The chip's global buffer, when it has one: a crossbar layer's inputs are read from it
         * (the same bits the tile's input loading moves: each activation once, or every window
         * with {@code per-window}, as NeuroSim's Chip.cpp counts numBitToLoadOut) and its outputs
         * written back, one line of the buffer's width per READ/WRITE action, {@code banks} lines
         * per access, serially with the layer: t = (⌈read bits / (banks · width)⌉ + ⌈written bits /
         * (banks · width)⌉) · t_access. No global buffer: no time, no energy.
         */
        private double globalBuffer(double readBits, double writtenBits) {
            PricedComponent g = costs.globalBuffer();
            if (g == null) {
                return 0;
            }
            double width = costs.globalBufferWidthBits();
            charge(g, Action.READ, Math.ceil(readBits / width));
            charge(g, Action.WRITE, Math.ceil(writtenBits / width));
            double perAccess = costs.globalBufferBitsPerAccess();
            return (Math.ceil(readBits / perAccess) + Math.ceil(writtenBits / perAccess)) * g.model().latency(Action.READ);
        }

        /**
         * Layer-by-layer execution: a layer's outputs cross the network to the next layer's tiles
         * before that layer starts (NeuroSim: 0.14 of 1.456 ms for VGG-8). The time of a layer's
         * transfers is set by its busiest link, which carries the flits of every route of the
         * layer through it one per link cycle (serialisation, 1 / clock per flit), plus the
         * pipeline fill of the longest route: hops × the router's traversal latency.
         * t = max over links (flits on the link) / f_clk + max hops · t_router. Routes that stay
         * on one endpoint (no hops) take no network time.
         */
        private Map<String, Double> networkTimeByLayer() {
            Map<String, Double> out = new HashMap<>();
            PricedComponent router = costs.component("interconnect.router").orElse(null);
            OnChipNetwork noc = costs.architecture().interconnect().onChip();
            double hopLatency = router == null ? 0 : router.model().latency(Action.TRAVERSE);
            double linkCycle = 1 / costs.architecture().technology().clockHz();
            Map<Integer, TrafficEdge> edges = new HashMap<>();
            for (TrafficEdge e : network.edges()) {
                edges.put(e.id(), e);
            }
            Map<String, Map<Integer, Double>> linkFlits = new HashMap<>();
            Map<String, Integer> maxHops = new HashMap<>();
            for (Route r : mapping.routes()) {
                TrafficEdge e = edges.get(r.edge());
                if (e == null || e.signal() == Signal.SPIKES || r.hops() == 0) {
                    continue;
                }
                double flits = Math.ceil(r.bitsPerInference() / noc.flitBits());
                Map<Integer, Double> perLink = linkFlits.computeIfAbsent(e.source(), k -> new HashMap<>());
                for (int link : r.links()) {
                    perLink.merge(link, flits, Double::sum);
                }
                maxHops.merge(e.source(), r.hops(), Math::max);
            }
            for (Map.Entry<String, Map<Integer, Double>> l : linkFlits.entrySet()) {
                double busiest = l.getValue().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
                out.put(l.getKey(), busiest * linkCycle + maxHops.get(l.getKey()) * hopLatency);
            }
            return out;
        }

        /**
         * SNN work: a population updates every neuron each time step and emits its spikes; a
         * projection's synaptic events are presynaptic spikes × fan-out. The node takes its time
         * steps × the core's tick.
         */
        private double snnNode(NetworkNode node, NodeStats stats, List<MappingUnit> units) {
            String sub = units.isEmpty() ? firstSnnSubsystem() : mapping.endpointOf(units.get(0).id()).subsystem();
            if (sub == null) {
                return 0;
            }
            if (node.kind() == NodeKind.POPULATION) {
                charge(sub + ".neurons", Action.UPDATE, (double) stats.outputActivations() * stats.timeSteps());
                charge(sub + ".neurons", Action.SPIKE, stats.spikesPerInference());
                double tick = costs.architecture().tileArrays().stream().filter(a -> a.name().equals(sub))
                        .map(a -> a.template()).filter(org.memdse.core.arch.SnnCoreTemplate.class::isInstance)
                        .map(org.memdse.core.arch.SnnCoreTemplate.class::cast)
                        .mapToDouble(org.memdse.core.arch.SnnCoreTemplate::timeStepS).findFirst().orElse(0);
                return stats.timeSteps() * tick;
            }
            charge(sub + ".synapses", Action.SYNAPTIC_EVENT, stats.synapticOpsPerInference());
            return 0;
        }

        private String firstSnnSubsystem() {
            for (TileArray a : costs.architecture().tileArrays()) {
                if (a.template() instanceof org.memdse.core.arch.SnnCoreTemplate) {
                    return a.name();
                }
            }
            return null;
        }

        /** An encoder encodes each input element; an integration node converts each element it passes on. */
        private void boundary(NetworkNode node, NodeStats stats) {
            for (Subsystem s : costs.architecture().subsystems()) {
                if (node.kind() == NodeKind.ENCODER && s instanceof org.memdse.core.arch.Encoder) {
                    charge(s.name(), Action.ENCODE, (double) stats.outputActivations() * stats.timeSteps());
                } else if (node.kind() == NodeKind.INTEGRATION && s instanceof org.memdse.core.arch.IntegrationInterface) {
                    charge(s.name(), Action.CONVERT, (double) stats.outputActivations());
                }
            }
        }

        /**
         * Every route's bits travel as flits: each flit traverses hops + 1 routers and crosses
         * hops links; spikes travel as one packet each through the spike routers.
         */
        private void interconnect() {
            OnChipNetwork noc = costs.architecture().interconnect().onChip();
            Map<Integer, TrafficEdge> edges = new HashMap<>();
            for (TrafficEdge e : network.edges()) {
                edges.put(e.id(), e);
            }
            for (Route r : mapping.routes()) {
                TrafficEdge e = edges.get(r.edge());
                if (e != null && e.signal() == Signal.SPIKES && costs.component("interconnect.spikes").isPresent()) {
                    double packets = r.bitsPerInference() / Math.max(1, e.bitsPerElement());
                    charge("interconnect.spikes", Action.TRAVERSE, packets * (r.hops() + 1));
                    continue;
                }
                double flits = Math.ceil(r.bitsPerInference() / noc.flitBits());
                charge("interconnect.router", Action.TRAVERSE, flits * (r.hops() + 1));
                charge("interconnect.link", Action.TRANSFER, flits * r.hops());
            }
        }

        private double crossbarUtilisation() {
            long used = mapping.units().stream().filter(CrossbarBlock.class::isInstance).count();
            long total = costs.components().stream().filter(p -> p.component().kind() == ComponentKind.CROSSBAR)
                    .mapToLong(p -> p.component().count()).sum();
            return total == 0 ? 0 : (double) used / total;
        }

        private double coreUtilisation() {
            long used = mapping.units().stream().filter(CoreGroup.class::isInstance)
                    .map(u -> mapping.endpointOf(u.id()).index()).distinct().count();
            long total = costs.architecture().summary().snnCores();
            return total == 0 ? 0 : (double) used / total;
        }
    }
}
