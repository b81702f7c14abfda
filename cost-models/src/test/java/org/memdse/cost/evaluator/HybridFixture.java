package org.memdse.cost.evaluator;

import java.util.List;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.LinkLoad;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.Placement;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.TrafficEdge;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SpecSource;

/**
 * The tiny chip with an SNN core (8 neurons, an 8x8 synapse array, 1 us tick), an encoder and an
 * integration interface, all with published figures, running sensor (4 inputs, rate, 10 steps,
 * rate 0.5) → syn (dense, 8 neurons) → pop (LIF, rate 0.25) → integrate (to 2-bit values) → fc
 * (8 → 2 on one CIM tile). The sensor's spikes reach the core over one hop; the integrated values
 * reach the tile over two hops.
 *
 * @param view   the mapped network
 * @param ledger the ledger after the passes the test ran
 */
record HybridFixture(MappedNetwork view, EvaluationLedger ledger) {
    static final String ARCHITECTURE = TinyChip.yaml("tiny-hybrid", "", "0 W", PassFixtures.ACTIVATION_UNIT)
            .replace("subsystems:\n  cim: {template: t, count: 2}\n", """
                      core:
                        kind: snn-core
                        neurons: 8
                        neuron: {model: lif, energy: 0.5 pJ, latency: 1 ns, area: 1 um^2, leakage_power: 0 W}
                        synapses: {rows: 8, cols: 8, device: d, energy: 0.1 pJ, latency: 1 ns, area: 1 um^2, leakage_power: 0 W}
                        time_step: 1 us
                    subsystems:
                      enc: {kind: encoder, channels: 4, scheme: rate, energy: 0.3 pJ, latency: 1 ns, area: 1 um^2, leakage_power: 0 W}
                      snn: {template: core, count: 1}
                      cim: {template: t, count: 2}
                      integ: {kind: integration, direction: spike-to-voltage, channels: 8, energy: 0.7 pJ, latency: 1 ns, area: 1 um^2, leakage_power: 0 W}
                    """)
            .replace("    columns: 2\n    rows: 1\n", "    columns: 3\n    rows: 2\n")
            + "  spikes: {routing: address-event, packet: 32 bit, energy: 2 pJ, latency: 1 ns, area: 0 um^2, leakage_power: 0 W}\n";
    static final String NETWORK = """
            name: tiny-hybrid
            weight_bits: 2
            activation_bits: 2
            layers:
              - {name: sensor, kind: encoder, shape: [4], encoding: rate, time_steps: 10, firing_rate: 0.5}
              - {name: syn, kind: projection, connectivity: dense, neurons: 8}
              - {name: pop, kind: population, model: lif, firing_rate: 0.25}
              - {name: integrate, kind: integration, direction: spike-to-voltage, activation_bits: 2}
              - {name: fc, kind: linear, out_features: 2, bias: false}
            """;

    static Architecture architecture() {
        return ArchitectureReader.read(SpecSource.ofText("tiny-hybrid.yaml", ARCHITECTURE));
    }

    static HybridFixture evaluate(EvaluationPass... passes) {
        return evaluate(ARCHITECTURE, List.of(0), List.of(), passes);
    }

    /**
     * The fixture on the system {@code yaml} describes, the sensor's spikes crossing {@code sensorLinks}
     * (router links, whose routers {@code loads} give).
     */
    static HybridFixture evaluate(String yaml, List<Integer> sensorLinks, List<LinkLoad> loads, EvaluationPass... passes) {
        Architecture a = ArchitectureReader.read(SpecSource.ofText("tiny-hybrid.yaml", yaml));
        NetworkGraph g = NetworkReader.read(SpecSource.ofText("tiny-hybrid-net.yaml", NETWORK));
        TrafficEdge sensorToSyn = edge(g, "sensor", "syn");
        TrafficEdge integrateToFc = edge(g, "integrate", "fc");
        List<Endpoint> endpoints = List.of(new Endpoint(0, "enc", 0, ResourceKind.ENCODER, 0),
                new Endpoint(1, "snn", 0, ResourceKind.SNN_CORE, 1), new Endpoint(2, "cim", 0, ResourceKind.CIM_TILE, 2),
                new Endpoint(3, "integ", 0, ResourceKind.INTEGRATION, 4));
        Mapping m = new Mapping(a.name(), g.name(),
                List.of(new CoreGroup(0, "pop", 0, 8, 4, 32), new CrossbarBlock(1, "fc", 0, 0, 0, 0, 8, 0, 2, 0, 1, 1)),
                endpoints, List.of(new Placement(0, 1), new Placement(1, 2)),
                List.of(new Route(sensorToSyn.id(), 0, 1, sensorToSyn.bitsPerInference(), sensorLinks),
                        new Route(integrateToFc.id(), 3, 2, integrateToFc.bitsPerInference(), List.of(1, 2))),
                loads, PassFixtures.report());
        MappedNetwork view = MappedNetwork.of(ArchitectureCosts.of(a, PassFixtures.REGISTRY), g, m, OpConvention.INT8);
        return new HybridFixture(view, PassFixtures.run(view, passes));
    }

    private static TrafficEdge edge(NetworkGraph g, String from, String to) {
        return g.edges().stream().filter(e -> e.source().equals(from) && e.target().equals(to)).findFirst().orElseThrow();
    }

    int index(String node) {
        for (int i = 0; i < view.size(); i++) {
            if (view.node(i).name().equals(node)) {
                return i;
            }
        }
        throw new IllegalArgumentException(node);
    }

    /** Spikes the population emits per inference. */
    double spikes() {
        return view.stats(index("pop")).spikesPerInference();
    }

    /** Their energy at the neuron model's spike energy. */
    double spikeEnergy() {
        return spikes() * view.costs().component("snn.neurons").orElseThrow().model().energy(Action.SPIKE);
    }
}
