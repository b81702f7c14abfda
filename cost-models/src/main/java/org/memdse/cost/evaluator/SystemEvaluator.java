package org.memdse.cost.evaluator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Buffer;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.DigitalKind;
import org.memdse.core.arch.DigitalUnit;
import org.memdse.core.arch.InputEncoding;
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

    /** One evaluation's running totals. */
    private static final class Count {
        private final ArchitectureCosts costs;
        private final NetworkGraph network;
        private final Mapping mapping;
        private Breakdown energyByKindBreakdown = Breakdown.EMPTY;
        private Breakdown energyByLayer = Breakdown.EMPTY;
        private Breakdown latencyByLayer = Breakdown.EMPTY;
        private double latency;
        private double slowestStage;

        Count(ArchitectureCosts costs, NetworkGraph network, Mapping mapping) {
            this.costs = costs;
            this.network = network;
            this.mapping = mapping;
        }

        Metrics metrics(OpConvention convention) {
            Map<String, List<MappingUnit>> unitsByNode = new HashMap<>();
            for (MappingUnit u : mapping.units()) {
                unitsByNode.computeIfAbsent(u.node(), k -> new java.util.ArrayList<>()).add(u);
            }
            String defaultCim = firstCimSubsystem();
            for (NetworkNode node : network.nodes()) {
                List<MappingUnit> units = unitsByNode.getOrDefault(node.name(), List.of());
                NodeStats stats = network.stats(node);
                double before = dynamicEnergy();
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
                energyByLayer = energyByLayer.plus(node.name(), dynamicEnergy() - before);
                latencyByLayer = latencyByLayer.plus(node.name(), time);
                latency += time;
                slowestStage = Math.max(slowestStage, time);
            }
            interconnect();
            PeakFigures peak = costs.peak(convention);
            double staticEnergy = peak.leakagePowerW() * latency;
            Breakdown byKind = energyByKindBreakdown.plus("static", staticEnergy);
            long ops = 0;
            for (NetworkNode node : network.nodes()) {
                ops += network.stats(node).macs() * OpConvention.OPS_PER_MAC;
            }
            return new Metrics(peak.areaM2(), peak.areaByKind(), peak.areaBySubsystem(), byKind.total(), byKind,
                    energyByLayer, latency, slowestStage, latencyByLayer, ops, peak.leakagePowerW(),
                    crossbarUtilisation(), coreUtilisation(), peak);
        }

        /** Flatten and reshape only relabel data in place: no work, no buffer traffic. */
        private static boolean isReshape(NetworkNode node) {
            return node.kind() == NodeKind.FLATTEN || node.kind() == NodeKind.RESHAPE;
        }

        private double dynamicEnergy() {
            return energyByKindBreakdown.total();
        }

        private void charge(String path, Action action, double actions) {
            if (actions <= 0) {
                return;
            }
            costs.component(path).ifPresent(p -> energyByKindBreakdown = energyByKindBreakdown.plus(
                    p.component().kind().key(), actions * p.model().energy(action)));
        }

        private String firstCimSubsystem() {
            for (TileArray a : costs.architecture().tileArrays()) {
                if (a.template() instanceof CimTileTemplate) {
                    return a.name();
                }
            }
            return null;
        }

        /**
         * A layer on crossbars. Every input vector is applied {@code cycles} times (bit-serial:
         * one cycle per input bit over 1-bit drivers; multi-bit DACs: activation bits / DAC bits;
         * pulse-width: one long read). In each cycle, each block reads its array (energy scaled by
         * the cells it uses), every used column is sampled, converted by an ADC and shift-added,
         * and every used row is driven. Row blocks' partial sums are added digitally. The
         * layer's inputs are read from the tile buffer and its outputs written back. All blocks
         * work in parallel, so the layer takes vectors × cycles × cycle time, where a cycle is
         * the slower of the array read and the shared ADC converting its columns in turn.
         */
        private double crossbarLayer(NetworkNode node, NodeStats stats, List<MappingUnit> units) {
            String sub = mapping.endpointOf(units.get(0).id()).subsystem();
            Macro macro = macroOf(sub);
            if (macro == null) {
                return 0;
            }
            long vectors = stats.weights().map(w -> w.vmmsPerInference()).orElse(1L);
            int activationBits = network.activationBits();
            boolean pulseWidth = macro.inputEncoding() == InputEncoding.PULSE_WIDTH;
            double cycles = pulseWidth ? 1 : Math.ceil((double) activationBits / macro.dac().bits());
            double arrayCells = (double) macro.crossbars().rows() * macro.crossbars().cols();
            double cellReads = 0;
            double columnCycles = 0;
            double rowCycles = 0;
            int replicas = 1;
            int rowBlocks = 1;
            for (MappingUnit u : units) {
                CrossbarBlock b = (CrossbarBlock) u;
                cellReads += (double) b.crossbarRows() * b.crossbarCols() / arrayCells;
                columnCycles += b.crossbarCols();
                rowCycles += b.crossbarRows();
                replicas = Math.max(replicas, b.replica() + 1);
                rowBlocks = Math.max(rowBlocks, b.rowBlock() + 1);
            }
            // Replicas share the vectors: the sums above cover every copy, each doing 1/replicas of the work.
            double reads = vectors * cycles;
            // Bit-serial: a row is driven (and its cells conduct) only when its input bit is 1.
            double activity = pulseWidth ? 1 : ArchitectureCosts.INPUT_BIT_ACTIVITY;
            charge(sub + ".macro.crossbars", Action.READ, reads * cellReads * activity / replicas);
            charge(sub + ".macro.adc", Action.CONVERT, reads * columnCycles / replicas);
            charge(sub + ".macro.dac", Action.DRIVE, pulseWidth ? 0 : reads * rowCycles * activity / replicas);
            charge(sub + ".macro.sample_hold", Action.SAMPLE, reads * columnCycles / replicas);
            charge(sub + ".macro.shift_add", Action.COMPUTE, reads * columnCycles / replicas);
            long outputs = stats.outputActivations();
            digital(sub, DigitalKind.ACCUMULATOR, (double) outputs * (rowBlocks - 1));
            buffers(sub, stats, activationBits);
            double cycle = costs.readCycle(sub, macro);
            if (pulseWidth) {
                cycle *= (1L << Math.min(activationBits, 30)) - 1;
            }
            return vectors * cycles * cycle / replicas;
        }

        /** Element-wise work (pooling, activation, residual add) on the tile's digital units. */
        private double digitalNode(NetworkNode node, NodeStats stats, String sub) {
            DigitalKind kind = switch (node.kind()) {
                case MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL, GLOBAL_MAX_POOL -> DigitalKind.POOLING;
                case ADD, CONCAT -> DigitalKind.ACCUMULATOR;
                default -> DigitalKind.ACTIVATION;
            };
            double ops = stats.digitalOps();
            digital(sub, kind, ops);
            buffers(sub, stats, network.activationBits());
            String path = digitalPath(sub, kind);
            double each = path == null ? 0 : costs.component(path).map(p -> p.model().latency(Action.COMPUTE)).orElse(0.0);
            long units = path == null ? 1 : costs.component(path).map(p -> p.component().count()).orElse(1L);
            return units == 0 ? 0 : ops * each / units;
        }

        private void digital(String sub, DigitalKind kind, double ops) {
            String path = digitalPath(sub, kind);
            if (path != null) {
                charge(path, Action.COMPUTE, ops);
            }
        }

        /** The tile's unit of that kind; accumulation falls back to shift-and-add, anything to activation. */
        private String digitalPath(String sub, DigitalKind kind) {
            CimTileTemplate t = cimTemplate(sub);
            if (t == null) {
                return null;
            }
            for (DigitalKind k : List.of(kind, DigitalKind.SHIFT_ADD, DigitalKind.ACTIVATION)) {
                for (DigitalUnit d : t.digital()) {
                    if (d.kind() == k) {
                        return sub + ".digital." + k.key();
                    }
                }
            }
            return null;
        }

        /** Inputs read from, outputs written to the first tile-level buffer (else the first macro buffer). */
        private void buffers(String sub, NodeStats stats, int activationBits) {
            CimTileTemplate t = cimTemplate(sub);
            if (t == null) {
                return;
            }
            Buffer b = !t.buffers().isEmpty() ? t.buffers().get(0) : t.macro().buffers().isEmpty() ? null : t.macro().buffers().get(0);
            if (b == null) {
                return;
            }
            String path = !t.buffers().isEmpty() ? sub + ".buffers." + b.name() : sub + ".macro.buffers." + b.name();
            charge(path, Action.READ, Math.ceil(stats.inputActivations() * (double) activationBits / b.widthBits()));
            charge(path, Action.WRITE, Math.ceil(stats.outputActivations() * (double) activationBits / b.widthBits()));
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

        private CimTileTemplate cimTemplate(String sub) {
            for (TileArray a : costs.architecture().tileArrays()) {
                if (a.name().equals(sub) && a.template() instanceof CimTileTemplate t) {
                    return t;
                }
            }
            return null;
        }

        private Macro macroOf(String sub) {
            CimTileTemplate t = cimTemplate(sub);
            return t == null ? null : t.macro();
        }
    }
}
