package org.memdse.mapping.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Topology;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.mapping.SequentialMapper;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * The analytic contention model (per hop: link cycle, router pipeline and the M/D/1 wait of the
 * link's utilisation) against the discrete-event simulator, on a mesh and an H-tree, for uniform
 * random, transpose and mapped traffic. Issue 15: mean latency within 15 % below 70 % utilisation,
 * saturation throughput within 10 %.
 */
class NetworkSimulatorTest {
    private static final int HOP_CYCLES = 3;
    private static final int PACKETS = 20_000;
    /**
     * Packets of a saturation run: its throughput is packets over the time to deliver them all, and the
     * busiest link's first packet arrives and last packet leaves a path's latency off the run's ends.
     */
    private static final int SATURATION_PACKETS = 50_000;
    private static final Catalog CATALOG = Catalog.bundled();

    static Architecture bundled(String id) {
        return ArchitectureReader.read(CATALOG.source(CATALOG.architecture(id).orElseThrow()));
    }

    static NetworkGraph network(String id) {
        return NetworkReader.read(CATALOG.source(CATALOG.network(id).orElseThrow()));
    }

    /** The fig4-hybrid system cut down to {@code cores} SNN cores on a {@code topology}, one core a router. */
    static Architecture cores(int cores, Topology topology, int columns) {
        Architecture base = bundled("fig4-hybrid");
        TileArray snn = base.tileArrays().stream().filter(a -> a.template() instanceof SnnCoreTemplate).findFirst()
                .orElseThrow();
        OnChipNetwork noc = new OnChipNetwork(topology, 1,
                topology == Topology.HTREE ? OptionalInt.empty() : OptionalInt.of(columns),
                topology == Topology.HTREE ? OptionalInt.empty() : OptionalInt.of(cores / columns), 32,
                OptionalDouble.empty(), PublishedFigures.NONE, PublishedFigures.NONE);
        return new Architecture("cores-" + cores, "", base.technology(), base.devices(), base.templates(),
                List.of(new TileArray(snn.name(), snn.template(), cores)), new Interconnect(noc,
                base.interconnect().spikes(), base.interconnect().chipToChip()));
    }

    static List<NetworkSimulator.Flow> uniform(int n, double rate) {
        List<NetworkSimulator.Flow> flows = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b) {
                    flows.add(new NetworkSimulator.Flow(a, b, rate / (n - 1)));
                }
            }
        }
        return flows;
    }

    static List<NetworkSimulator.Flow> transpose(int n, double rate) {
        int side = (int) Math.floor(Math.sqrt(n));
        List<NetworkSimulator.Flow> flows = new ArrayList<>();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (x != y) {
                    flows.add(new NetworkSimulator.Flow(y * side + x, x * side + y, rate));
                }
            }
        }
        return flows;
    }

    static List<NetworkSimulator.Flow> mapped(String architecture, String networkId, double rate) {
        Architecture a = bundled(architecture);
        MappingOutcome o = new SequentialMapper().map(a, network(networkId), MapperOptions.DEFAULT);
        var m = ((MappingOutcome.Mapped) o).mapping();
        double total = m.routes().stream().filter(r -> r.hops() > 0).mapToDouble(r -> r.bitsPerInference()).sum();
        List<NetworkSimulator.Flow> flows = new ArrayList<>();
        for (var r : m.routes()) {
            if (r.hops() > 0) {
                flows.add(new NetworkSimulator.Flow(r.fromEndpoint(), r.toEndpoint(), rate * r.bitsPerInference() / total));
            }
        }
        return flows;
    }

    /** The flows scaled so that their busiest link runs at {@code utilisation}. */
    static List<NetworkSimulator.Flow> atUtilisation(NetworkSimulator sim, List<NetworkSimulator.Flow> flows, double utilisation) {
        double scale = sim.analyticSaturationScale(flows) * utilisation;
        return flows.stream().map(f -> new NetworkSimulator.Flow(f.from(), f.to(), f.rate() * scale)).toList();
    }

    record Case(String name, NetworkSimulator sim, List<NetworkSimulator.Flow> flows) {
    }

    static List<Case> cases() {
        NetworkSimulator mesh = new NetworkSimulator(NetworkTopology.of(cores(64, Topology.MESH, 8)), HOP_CYCLES);
        NetworkSimulator tree = new NetworkSimulator(NetworkTopology.of(cores(64, Topology.HTREE, 8)), HOP_CYCLES);
        NetworkSimulator isaac = new NetworkSimulator(NetworkTopology.of(bundled("isaac-ce")), HOP_CYCLES);
        NetworkSimulator vgg8 = new NetworkSimulator(NetworkTopology.of(bundled("neurosim-vgg8")), HOP_CYCLES);
        return List.of(new Case("mesh 8x8, uniform", mesh, uniform(64, 1)),
                new Case("mesh 8x8, transpose", mesh, transpose(64, 1)),
                new Case("H-tree 64, uniform", tree, uniform(64, 1)),
                new Case("H-tree 64, transpose", tree, transpose(64, 1)),
                new Case("isaac-ce mesh, resnet18 mapped", isaac, mapped("isaac-ce", "resnet18", 1)),
                new Case("isaac-ce mesh, vgg8 mapped", isaac, mapped("isaac-ce", "vgg8-cifar10", 1)),
                new Case("neurosim-vgg8 H-tree, vgg8 mapped", vgg8, mapped("neurosim-vgg8", "vgg8-cifar10", 1)),
                new Case("neurosim-vgg8 H-tree, mobilenetv2 mapped", vgg8, mapped("neurosim-vgg8", "mobilenetv2", 1)));
    }

    @Test
    void theAnalyticModelAgreesWithTheSimulatorBelowSeventyPerCentAndAtSaturation() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-38s %5s %10s %10s %7s%n", "case",
                "rho", "analytic", "simulated", "error"));
        double worst = 0;
        double worstSaturation = 0;
        double worstUtilisation = 0;
        for (Case c : cases()) {
            assertThat(c.flows()).as(c.name()).isNotEmpty();
            for (double u : new double[] {0.3, 0.5, 0.7}) {
                List<NetworkSimulator.Flow> flows = atUtilisation(c.sim(), c.flows(), u);
                double analytic = c.sim().analyticMeanLatency(flows);
                NetworkSimulator.Result run = c.sim().run(flows, PACKETS, 1);
                double simulated = run.meanLatency();
                double error = simulated / analytic - 1;
                double utilisationError = run.maxUtilisation() / u - 1;
                table.append(String.format(Locale.ROOT, "%-38s %5.2f %10.3f %10.3f %+6.1f%%   max link %.3f %+6.1f%%%n",
                        c.name(), u, analytic, simulated, 100 * error, run.maxUtilisation(), 100 * utilisationError));
                worst = Math.max(worst, Math.abs(error));
                worstUtilisation = Math.max(worstUtilisation, Math.abs(utilisationError));
            }
            // Saturation throughput: offered just above the analytic saturation, the delivered packets per cycle.
            List<NetworkSimulator.Flow> saturated = atUtilisation(c.sim(), c.flows(), 1);
            double analytic = saturated.stream().mapToDouble(NetworkSimulator.Flow::rate).sum();
            double simulated = c.sim().saturationThroughput(c.flows(), SATURATION_PACKETS, 1);
            double error = simulated / analytic - 1;
            table.append(String.format(Locale.ROOT, "%-38s %5s %10.4f %10.4f %+6.1f%%%n", c.name(), "sat", analytic,
                    simulated, 100 * error));
            worstSaturation = Math.max(worstSaturation, Math.abs(error));
        }
        System.out.println(table);
        assertThat(worst).as("mean latency below 70 %% utilisation%s", table).isLessThan(0.15);
        assertThat(worstUtilisation).as("busiest link's utilisation%s", table).isLessThan(0.10);
        assertThat(worstSaturation).as("saturation throughput%s", table).isLessThan(0.10);
    }

    @Test
    void aSeedGivesTheSameRunAndAnotherSeedAnother() {
        NetworkSimulator mesh = new NetworkSimulator(NetworkTopology.of(cores(64, Topology.MESH, 8)), HOP_CYCLES);
        List<NetworkSimulator.Flow> flows = atUtilisation(mesh, uniform(64, 1), 0.5);
        NetworkSimulator.Result a = mesh.run(flows, 2000, 7);
        assertThat(mesh.run(flows, 2000, 7).latencies()).containsExactly(a.latencies());
        assertThat(mesh.run(flows, 2000, 8).meanLatency()).isNotEqualTo(a.meanLatency());
        assertThat(a.quantile(0.99)).isGreaterThanOrEqualTo(a.quantile(0.5));
        assertThat(a.maxUtilisation()).isBetween(0.4, 0.8);
    }

    @Test
    void narrowerLinksRaiseTheSimulatedLatencyOnceTheUtilisationNearsOne() {
        // Halving a link's width doubles the flits, i.e. the utilisation: from 0.45 to 0.9.
        NetworkSimulator mesh = new NetworkSimulator(NetworkTopology.of(cores(64, Topology.MESH, 8)), HOP_CYCLES);
        double wide = mesh.run(atUtilisation(mesh, uniform(64, 1), 0.45), PACKETS, 3).meanLatency();
        double narrow = mesh.run(atUtilisation(mesh, uniform(64, 1), 0.9), PACKETS, 3).meanLatency();
        double wider = mesh.run(atUtilisation(mesh, uniform(64, 1), 0.225), PACKETS, 3).meanLatency();
        assertThat(narrow - wide).isGreaterThan(wide - wider);
    }
}
