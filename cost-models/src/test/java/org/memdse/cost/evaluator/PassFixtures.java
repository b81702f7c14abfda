package org.memdse.cost.evaluator;

import java.util.ArrayList;
import java.util.List;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingObjectives;
import org.memdse.core.mapping.MappingReport;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.Placement;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.Activation;
import org.memdse.core.network.ActivationFunction;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.Linear;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Shape;
import org.memdse.core.network.TrafficEdge;
import org.memdse.core.spec.SpecSource;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * Mapped networks on {@link TinyChip} for the passes' hand calculations: in(4) → fc (4 → 2,
 * 2-bit weights and activations, one 4x2 block) [→ relu], the input arriving at tile 0 and fc
 * sitting on tile 1 (one hop for the input's 8 bits).
 */
final class PassFixtures {
    static final ComponentModelRegistry REGISTRY = ComponentModelRegistry.load();
    static final String ACTIVATION_UNIT =
            "{kind: activation, count: 1, energy: 0.2 pJ, latency: 1 ns, area: 5 um^2, leakage_power: 0 W}";
    /** Node indices of the fc network. */
    static final int IN = 0;
    static final int FC = 1;
    static final int RELU = 2;

    private PassFixtures() {
    }

    /** The tiny chip; {@code extraSubsystem} is a line added under subsystems:, or "". */
    static Architecture tiny(String tileKeys, String bufferLeakage, String extraSubsystem) {
        String yaml = TinyChip.yaml("tiny", tileKeys, bufferLeakage, ACTIVATION_UNIT)
                .replace("  cim: {template: t, count: 2}\n", "  cim: {template: t, count: 2}\n" + extraSubsystem);
        return ArchitectureReader.read(SpecSource.ofText("tiny.yaml", yaml));
    }

    static Architecture tiny() {
        return tiny("", "0 W", "");
    }

    static NetworkGraph fcNetwork(boolean relu) {
        NetworkBuilder b = NetworkGraph.builder("fc").precision(2, 2)
                .add(new InputNode("in", Shape.of(4)))
                .add(new Linear("fc", 4, 2, false, false, ActivationFunction.IDENTITY), "in");
        if (relu) {
            b.add(new Activation("relu", ActivationFunction.RELU), "fc");
        }
        return b.build();
    }

    /** fc on tile 1 ({@code replicas} copies, copy k on tile k mod 2), the input routed from tile 0. */
    static MappedNetwork fc(Architecture a, boolean relu, int replicas) {
        NetworkGraph network = fcNetwork(relu);
        TrafficEdge edge = network.edges().get(0);
        List<Endpoint> endpoints = List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0),
                new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1));
        List<MappingUnit> blocks = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            blocks.add(new CrossbarBlock(r, "fc", r, 0, 0, 0, 4, 0, 2, 0, 1, 1));
            placements.add(new Placement(r, (r + 1) % 2));
        }
        Mapping mapping = new Mapping(a.name(), "fc", blocks, endpoints, placements,
                List.of(new Route(edge.id(), 0, 1, edge.bitsPerInference(), List.of(0))), List.of(), report());
        return MappedNetwork.of(ArchitectureCosts.of(a, REGISTRY), network, mapping, OpConvention.INT8);
    }

    /**
     * in(8) → fc1 (8 → 2, split over two 4-row blocks on tile 0) → fc2 (2 → 2 on tile 1), 2-bit
     * data, no routes.
     */
    static MappedNetwork twoLayers(Architecture a) {
        NetworkGraph g = NetworkGraph.builder("mlp").precision(2, 2)
                .add(new InputNode("in", Shape.of(8)))
                .add(new Linear("fc1", 8, 2, false, false, ActivationFunction.IDENTITY), "in")
                .add(new Linear("fc2", 2, 2, false, false, ActivationFunction.IDENTITY), "fc1")
                .build();
        List<Endpoint> endpoints = List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0),
                new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1));
        List<MappingUnit> blocks = List.of(new CrossbarBlock(0, "fc1", 0, 0, 0, 0, 4, 0, 2, 0, 1, 1),
                new CrossbarBlock(1, "fc1", 0, 1, 0, 4, 4, 0, 2, 0, 1, 1),
                new CrossbarBlock(2, "fc2", 0, 0, 0, 0, 2, 0, 2, 0, 1, 1));
        Mapping m = new Mapping(a.name(), "mlp", blocks, endpoints,
                List.of(new Placement(0, 0), new Placement(1, 0), new Placement(2, 1)), List.of(), List.of(), report());
        return MappedNetwork.of(ArchitectureCosts.of(a, REGISTRY), g, m, OpConvention.INT8);
    }

    /**
     * in(32) → fc (32 → 4, 2-bit data) in 4-row blocks over tiles 0 and 1: split by rows (tile 0
     * holds rows 0-15, tile 1 rows 16-31, all columns) or by columns (each tile all rows, two of
     * the four columns). No routes.
     */
    static MappedNetwork wideFc(Architecture a, boolean splitByRows) {
        NetworkGraph g = NetworkGraph.builder("wide").precision(2, 2)
                .add(new InputNode("in", Shape.of(32)))
                .add(new Linear("fc", 32, 4, false, false, ActivationFunction.IDENTITY), "in")
                .build();
        List<Endpoint> endpoints = List.of(new Endpoint(0, "cim", 0, ResourceKind.CIM_TILE, 0),
                new Endpoint(1, "cim", 1, ResourceKind.CIM_TILE, 1));
        List<MappingUnit> blocks = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        for (int rb = 0; rb < 8; rb++) {
            if (splitByRows) {
                blocks.add(new CrossbarBlock(rb, "fc", 0, rb, 0, 4 * rb, 4, 0, 4, 0, 1, 1));
                placements.add(new Placement(rb, rb < 4 ? 0 : 1));
            } else {
                for (int cb = 0; cb < 2; cb++) {
                    int id = 2 * rb + cb;
                    blocks.add(new CrossbarBlock(id, "fc", 0, rb, cb, 4 * rb, 4, 2 * cb, 2, 0, 1, 1));
                    placements.add(new Placement(id, cb));
                }
            }
        }
        Mapping m = new Mapping(a.name(), "wide", blocks, endpoints, placements, List.of(), List.of(), report());
        return MappedNetwork.of(ArchitectureCosts.of(a, REGISTRY), g, m, OpConvention.INT8);
    }

    static MappingReport report() {
        MappingObjectives none = new MappingObjectives(1, 1, 0, 8, 1);
        return new MappingReport("hand", none, none, none, 0, true);
    }

    /** A fresh ledger after running {@code passes} in order. */
    static EvaluationLedger run(MappedNetwork view, EvaluationPass... passes) {
        EvaluationLedger ledger = new EvaluationLedger(view.size());
        for (EvaluationPass p : passes) {
            p.run(view, ledger);
        }
        return ledger;
    }
}
