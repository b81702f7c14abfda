package org.memdse.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.eval.Action;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.Route;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.ArchitectureCosts;
import org.memdse.cost.evaluator.PricedComponent;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.sim.NetworkSimulator;
import org.memdse.mapping.topology.BoardLink;
import org.memdse.mapping.topology.Link;
import org.memdse.mapping.topology.NetworkTopology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memdse simulate --arch A --network N}: a discrete-event run of the on-chip network with
 * packets from the mapped traffic (or a synthetic pattern), beside the analytic contention model.
 */
@Command(name = "simulate",
        header = "Simulate the on-chip network packet by packet and compare it with the analytic contention model.",
        mixinStandardHelpOptions = true,
        description = "Map the network, then inject packets onto the same topology and routing: each route of the "
            + "mapping is a flow sending its share of the packets (by its flits per inference), in a seeded random "
            + "order at exponentially distributed intervals, scaled so that the busiest link runs at --load. Every "
            + "link moves one flit per link cycle, packets wait first come first served at a busy link, and each hop "
            + "adds the router's traversal time. Prints the packet latency distribution, per-link utilisation and "
            + "the saturation throughput, each beside the analytic model (M/D/1 wait per hop, the evaluator's "
            + "contention pass). One-flit packets, unbounded buffers, no virtual channels. On a board (board: in the "
            + "architecture) packets between chips cross the board links as the mapping routes them (to the gateway, "
            + "over the board, from the other gateway): a board link moves a flit at its lanes x width x frequency "
            + "and adds its kind's crossing latency.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:simulated",
            "1:the network does not fit the system",
            "2:bad input (a file, option or argument; the message says what and where)"})
final class SimulateCommand implements Callable<Integer> {
    /** Traffic patterns; lower case because they are typed as they are listed. */
    enum Traffic { mapped, uniform, transpose }

    /** Output formats. */
    enum Format { table, json }

    /** Most packets a run may take (a run keeps every packet's latency: 10 M doubles are 80 MB). */
    static final int MAX_PACKETS = 10_000_000;

    /** Links listed in the table, busiest first. */
    static final int LINKS_SHOWN = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadMixin workload;

    @Mixin
    MapperMixin mapping;

    @Option(names = "--traffic", paramLabel = "PATTERN", defaultValue = "mapped",
            description = "mapped (the mapping's routes), uniform (every endpoint to every other, equally) or "
                + "transpose (endpoint (x, y) of the largest square to (y, x)) (default: ${DEFAULT-VALUE}).")
    Traffic traffic;

    @Option(names = "--load", paramLabel = "RHO", defaultValue = "0.5",
            description = "Utilisation of the busiest link the flows are scaled to, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double load;

    @Option(names = "--packets", paramLabel = "N", defaultValue = "10000",
            description = "Packets to inject (default: ${DEFAULT-VALUE}; at most 10,000,000).")
    int packets;

    @Option(names = "--sim-seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the packet order and injection times; the same seed gives the same run (default: ${DEFAULT-VALUE}).")
    long simSeed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        if (!(load > 0 && load < 1)) {
            throw new UserInputException("--load must be in (0, 1), the busiest link's utilisation, e.g. 0.5; was " + load);
        }
        if (packets < 1 || packets > MAX_PACKETS) {
            throw new UserInputException("--packets must be in 1.." + MAX_PACKETS + "; was " + packets);
        }
        Architecture a = workload.pricedArchitecture(spec.commandLine().getErr());
        NetworkGraph g = workload.network();
        NetworkTopology topology = NetworkTopology.of(a);
        List<NetworkSimulator.Flow> flows;
        String pattern;
        if (traffic == Traffic.mapped) {
            MappingOutcome outcome = mapping.mapper().map(a, g, mapping.options());
            if (outcome instanceof MappingOutcome.DoesNotFit d) {
                spec.commandLine().getErr().println("memdse: " + g.name() + " does not fit " + a.name() + ": " + d.reason());
                return ExitCodes.FAILURE;
            }
            flows = mapped(((MappingOutcome.Mapped) outcome).mapping(), a.interconnect().onChip());
            pattern = g.name() + " mapped (" + mapping.mapper().name() + ")";
        } else {
            flows = traffic == Traffic.uniform ? uniform(topology) : transpose(topology);
            pattern = traffic.name();
        }
        PrintWriter out = spec.commandLine().getOut();
        ArchitectureCosts costs = ArchitectureCosts.of(a, ComponentModelRegistry.load());
        double cycle = 1 / a.interconnect().onChip().linkClockHz(a.technology());
        double hopCycles = hopLatency(costs) / cycle;
        NetworkSimulator.BoardTiming board = boardTiming(costs, a.interconnect().onChip(), cycle);
        NetworkSimulator sim = new NetworkSimulator(topology, hopCycles, board);
        if (flows.isEmpty()) {
            out.println("memdse simulate: no " + pattern + " traffic crosses a link of " + a.name()
                    + " (every transfer stays on its router); nothing to simulate");
            out.flush();
            return ExitCodes.OK;
        }
        List<NetworkSimulator.Flow> offered = sim.atUtilisation(flows, load);
        long start = System.nanoTime();
        NetworkSimulator.Result run = sim.run(offered, packets, simSeed);
        double saturated = sim.saturationThroughput(flows, packets, simSeed);
        double seconds = (System.nanoTime() - start) / 1e9;
        Report r = new Report(a.name(), pattern, topology, board, flows.size(), packets, simSeed, load, cycle, hopCycles,
                run, sim.analyticMeanLatency(offered), sim.analyticUtilisation(offered), saturated,
                sum(sim.atUtilisation(flows, 1)), seconds);
        out.print(format == Format.json ? json(r) : table(r));
        out.flush();
        return ExitCodes.OK;
    }

    /** A hop's time beyond its link cycle: the router's traversal, or on a switchless H-tree the wire's. */
    static double hopLatency(ArchitectureCosts costs) {
        PricedComponent router = costs.component("interconnect.router").orElse(null);
        if (router != null) {
            return router.model().latency(Action.TRAVERSE);
        }
        return costs.component("interconnect.link").map(w -> w.model().latency(Action.TRANSFER)).orElse(0.0);
    }

    /**
     * A board's link timing in link cycles of the on-chip network (null on one chip): one flit over
     * the board link's lanes x width x frequency, and its kind's crossing latency (the chip-link
     * model's, as the evaluator's board pass charges).
     */
    static NetworkSimulator.BoardTiming boardTiming(ArchitectureCosts costs, OnChipNetwork noc, double cycle) {
        PricedComponent link = costs.component(ArchitectureCosts.BOARD_LINK).orElse(null);
        if (link == null) {
            return null;
        }
        ChipLinks spec = (ChipLinks) link.component().spec();
        double flit = noc.flitBits() / (spec.links() * spec.bandwidthBitsPerSecond());
        return new NetworkSimulator.BoardTiming(flit / cycle, link.model().latency(Action.TRAVERSE) / cycle);
    }

    /** One flow per route that leaves its router (or its chip), weighted by its flits per inference. */
    static List<NetworkSimulator.Flow> mapped(Mapping m, OnChipNetwork noc) {
        List<NetworkSimulator.Flow> flows = new ArrayList<>();
        for (Route r : m.routes()) {
            if (r.hops() + r.boardLinks().size() > 0 && r.bitsPerInference() > 0) {
                flows.add(new NetworkSimulator.Flow(r.fromEndpoint(), r.toEndpoint(), noc.flits(r.bitsPerInference())));
            }
        }
        return flows;
    }

    /** Every endpoint to every other on another router, equally. */
    static List<NetworkSimulator.Flow> uniform(NetworkTopology t) {
        List<NetworkSimulator.Flow> flows = new ArrayList<>();
        for (int a = 0; a < t.endpointCount(); a++) {
            for (int b = 0; b < t.endpointCount(); b++) {
                if (t.hops(a, b) > 0) {
                    flows.add(new NetworkSimulator.Flow(a, b, 1));
                }
            }
        }
        return flows;
    }

    /** Over the largest square of endpoints, row-major, (x, y) to (y, x). */
    static List<NetworkSimulator.Flow> transpose(NetworkTopology t) {
        int side = (int) Math.floor(Math.sqrt(t.endpointCount()));
        List<NetworkSimulator.Flow> flows = new ArrayList<>();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int a = y * side + x;
                int b = x * side + y;
                if (t.hops(a, b) > 0) {
                    flows.add(new NetworkSimulator.Flow(a, b, 1));
                }
            }
        }
        return flows;
    }

    private static double sum(List<NetworkSimulator.Flow> flows) {
        return flows.stream().mapToDouble(NetworkSimulator.Flow::rate).sum();
    }

    /** What a run printed: times in link cycles, {@code cycle} seconds each. */
    record Report(String architecture, String pattern, NetworkTopology topology, NetworkSimulator.BoardTiming board,
                  int flows, int packets, long seed,
                  double load, double cycle, double hopCycles, NetworkSimulator.Result run, double analyticMean,
                  double[] analyticUtilisation, double saturationSimulated, double saturationAnalytic,
                  double seconds) {
        /** Loaded links, busiest (simulated) first. */
        List<Integer> loadedLinks() {
            List<Integer> ids = new ArrayList<>();
            for (int l = 0; l < analyticUtilisation.length; l++) {
                if (analyticUtilisation[l] > 0) {
                    ids.add(l);
                }
            }
            ids.sort(Comparator.comparingDouble((Integer l) -> -run.linkUtilisation()[l]).thenComparingInt(l -> l));
            return ids;
        }

        double meanUtilisation(double[] u) {
            List<Integer> loaded = loadedLinks();
            return loaded.stream().mapToDouble(l -> u[l]).sum() / Math.max(1, loaded.size());
        }
    }

    private static String table(Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "memdse simulate: %s, %s traffic, %d flows, %,d packets, seed %d%n",
                r.architecture(), r.pattern(), r.flows(), r.packets(), r.seed()));
        b.append(String.format(Locale.ROOT, "network: %s, %d endpoints, %d links; link cycle %.3f ns, hop = 1 link cycle + %.2f cycles of router%n",
                r.topology().kind().key(), r.topology().endpointCount(), r.topology().links().size(), r.cycle() * 1e9,
                r.hopCycles()));
        if (r.board() != null) {
            b.append(String.format(Locale.ROOT, "board: %d chips, %d board links; a flit crosses one in %.3f cycles + %.2f cycles of crossing latency%n",
                    r.topology().chips(), r.topology().boardLinks().size(), r.board().serviceCycles(),
                    r.board().latencyCycles()));
        }
        b.append(String.format(Locale.ROOT, "offered: busiest link at %.0f %%, %.4f packets per cycle%n%n", 100 * r.load(),
                r.load() * r.saturationAnalytic()));
        b.append(String.format(Locale.ROOT, "%-32s %12s %12s %9s%n", "", "simulated", "analytic", "error"));
        row(b, "mean packet latency, cycles", r.run().meanLatency(), r.analyticMean());
        row(b, "mean packet latency, ns", r.run().meanLatency() * r.cycle() * 1e9, r.analyticMean() * r.cycle() * 1e9);
        double[] u = r.analyticUtilisation();
        double maxAnalytic = 0;
        for (double x : u) {
            maxAnalytic = Math.max(maxAnalytic, x);
        }
        row(b, "link utilisation max, %", 100 * r.run().maxUtilisation(), 100 * maxAnalytic);
        row(b, "link utilisation mean, %", 100 * r.meanUtilisation(r.run().linkUtilisation()), 100 * r.meanUtilisation(u));
        row(b, "saturation throughput, pkt/cycle", r.saturationSimulated(), r.saturationAnalytic());
        b.append(String.format(Locale.ROOT, "%nlatency distribution, cycles: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                r.run().quantile(0.5), r.run().quantile(0.9), r.run().quantile(0.99), r.run().quantile(1)));
        List<Integer> loaded = r.loadedLinks();
        b.append(String.format(Locale.ROOT, "%nbusiest links (%d of %d loaded)%n", Math.min(LINKS_SHOWN, loaded.size()), loaded.size()));
        b.append(String.format(Locale.ROOT, "  %6s %16s %10s %10s%n", "link", "router -> router", "simulated", "analytic"));
        for (int l : loaded.subList(0, Math.min(LINKS_SHOWN, loaded.size()))) {
            if (l >= r.topology().links().size()) {
                BoardLink link = r.topology().boardLinks().get(l - r.topology().links().size());
                b.append(String.format(Locale.ROOT, "  %6s %16s %9.1f%% %9.1f%%%n", "board",
                        "chip " + link.fromChip() + " -> " + link.toChip(), 100 * r.run().linkUtilisation()[l], 100 * u[l]));
                continue;
            }
            Link link = r.topology().links().get(l);
            b.append(String.format(Locale.ROOT, "  %6d %7d -> %-6d %9.1f%% %9.1f%%%n", l, link.from(), link.to(),
                    100 * r.run().linkUtilisation()[l], 100 * u[l]));
        }
        b.append(String.format(Locale.ROOT, "%nsimulated in %.2f s (the run and the saturation run at %.1fx the analytic saturation)%n",
                r.seconds(), NetworkSimulator.OVERLOAD));
        return b.toString();
    }

    private static void row(StringBuilder b, String what, double simulated, double analytic) {
        b.append(String.format(Locale.ROOT, "%-32s %12.4f %12.4f %+8.1f%%%n", what, simulated, analytic,
                100 * (simulated / analytic - 1)));
    }

    private static String json(Report r) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"architecture\": ").append(JsonText.string(r.architecture()));
        b.append(", \"traffic\": ").append(JsonText.string(r.pattern()));
        b.append(", \"topology\": ").append(JsonText.string(r.topology().kind().key()));
        b.append(", \"flows\": ").append(r.flows());
        b.append(", \"packets\": ").append(r.packets());
        b.append(", \"seed\": ").append(r.seed());
        b.append(", \"load\": ").append(JsonText.number(r.load()));
        b.append(", \"link_cycle_ns\": ").append(JsonText.number(r.cycle() * 1e9));
        b.append(", \"hop_cycles\": ").append(JsonText.number(r.hopCycles()));
        if (r.board() != null) {
            b.append(", \"chips\": ").append(r.topology().chips());
            b.append(", \"board_link_cycles_per_flit\": ").append(JsonText.number(r.board().serviceCycles()));
            b.append(", \"board_crossing_cycles\": ").append(JsonText.number(r.board().latencyCycles()));
        }
        b.append(", \"latency_cycles\": {\"mean\": ").append(JsonText.number(r.run().meanLatency()))
                .append(", \"analytic_mean\": ").append(JsonText.number(r.analyticMean()))
                .append(", \"p50\": ").append(JsonText.number(r.run().quantile(0.5)))
                .append(", \"p90\": ").append(JsonText.number(r.run().quantile(0.9)))
                .append(", \"p99\": ").append(JsonText.number(r.run().quantile(0.99)))
                .append(", \"max\": ").append(JsonText.number(r.run().quantile(1))).append('}');
        b.append(", \"saturation_packets_per_cycle\": {\"simulated\": ").append(JsonText.number(r.saturationSimulated()))
                .append(", \"analytic\": ").append(JsonText.number(r.saturationAnalytic())).append('}');
        b.append(", \"links\": [");
        boolean first = true;
        for (int l : r.loadedLinks()) {
            b.append(first ? "" : ", ");
            if (l >= r.topology().links().size()) {
                BoardLink link = r.topology().boardLinks().get(l - r.topology().links().size());
                b.append("{\"board_link\": ").append(link.id()).append(", \"from_chip\": ").append(link.fromChip())
                        .append(", \"to_chip\": ").append(link.toChip());
            } else {
                Link link = r.topology().links().get(l);
                b.append("{\"link\": ").append(l).append(", \"from_router\": ").append(link.from())
                        .append(", \"to_router\": ").append(link.to());
            }
            b.append(", \"utilisation\": ")
                    .append(JsonText.number(r.run().linkUtilisation()[l])).append(", \"analytic_utilisation\": ")
                    .append(JsonText.number(r.analyticUtilisation()[l])).append('}');
            first = false;
        }
        b.append("], \"seconds\": ").append(JsonText.number(r.seconds())).append("}\n");
        return b.toString();
    }
}
