package org.memdse.mapping.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.memdse.mapping.route.BoardPaths;
import org.memdse.mapping.route.Router;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * A small deterministic discrete-event simulator of the on-chip network, to check the analytic
 * contention model and look closer at one design point. Packets of one flit each are injected at
 * endpoints at exponentially distributed intervals (a Poisson source per flow, seeded), follow the
 * configured routing ({@link Router#forTopology}) and wait in the input buffer of every link's
 * downstream router (first come first served, unbounded) until the link is free; a link moves one
 * flit per cycle, and every hop adds the router pipeline's {@code hopCycles}. Time is in link
 * cycles. Events are taken in time order (ties by injection order), so a seed gives the same run.
 *
 * <p>On a board (a multi-chip topology) a packet between chips goes over its chip's network to the
 * gateway, along the board links of the shortest board path and from the other chip's gateway, as
 * the mapping routes it. A board link is one more server: it moves a flit in {@link
 * BoardTiming#serviceCycles} (the flit over the link's lanes x width x frequency) and adds the link
 * kind's crossing latency instead of a router's; packets wait for it first come first served like
 * for any link. Resources are numbered on-chip links first, then board links ({@code links + b}).
 */
public final class NetworkSimulator {
    private final NetworkTopology topology;
    private final Router router;
    /** Per resource (on-chip links, then board links): link cycles to move one flit, and the time added per hop. */
    private final double[] service;
    private final double[] extra;

    /**
     * How a board link moves a flit, in link cycles of the on-chip network.
     *
     * @param serviceCycles one flit's serialisation over the board link
     * @param latencyCycles the link kind's crossing latency (serialiser, PHY, flight)
     */
    public record BoardTiming(double serviceCycles, double latencyCycles) {
        public BoardTiming {
            if (!(serviceCycles > 0) || !(latencyCycles >= 0) || Double.isInfinite(serviceCycles)
                    || Double.isInfinite(latencyCycles)) {
                throw new IllegalArgumentException("board link timing must be finite, service > 0: " + serviceCycles
                        + ", " + latencyCycles);
            }
        }
    }

    /** A one-chip network: every link moves a flit per cycle, every hop adds {@code hopCycles}. */
    public NetworkSimulator(NetworkTopology topology, double hopCycles) {
        this(topology, hopCycles, null);
    }

    /** A network with board links between chips ({@code board} may be null on one chip). */
    public NetworkSimulator(NetworkTopology topology, double hopCycles, BoardTiming board) {
        if (topology.chips() > 1 && board == null) {
            throw new IllegalArgumentException(topology.architecture() + " has " + topology.chips()
                    + " chips: the board links' timing is needed");
        }
        this.topology = topology;
        this.router = Router.forTopology(topology.kind());
        int links = topology.links().size();
        int all = links + topology.boardLinks().size();
        this.service = new double[all];
        this.extra = new double[all];
        for (int r = 0; r < all; r++) {
            service[r] = r < links ? 1 : board.serviceCycles();
            extra[r] = r < links ? hopCycles : board.latencyCycles();
        }
    }

    /** Resources a run measures: the on-chip links, then the board links. */
    public int resources() {
        return service.length;
    }

    /** Whether resource {@code r} is a board link (its board link id is {@code r - topology().links().size()}). */
    public boolean isBoardLink(int r) {
        return r >= topology.links().size();
    }

    /**
     * The resources a packet from endpoint {@code from} to {@code to} crosses, in order: on one chip
     * the configured routing; between chips the way to the first chip's gateway, the board links and
     * the way from the second chip's gateway (each chip's link l is {@code c * L + l}).
     */
    public List<Integer> path(int from, int to) {
        return BoardPaths.links(router, topology, from, to, topology.links().size());
    }

    /**
     * One flow of packets: {@code rate} packets per cycle from endpoint {@code from} to {@code to}.
     */
    public record Flow(int from, int to, double rate) {
    }

    /** What a run measured. */
    public record Result(int packets, double meanLatency, double[] latencies, double[] linkUtilisation,
                         double throughput, double cycles) {
        /** The {@code q} quantile (0..1) of the packet latencies, cycles. */
        public double quantile(double q) {
            if (latencies.length == 0) {
                return 0;
            }
            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
        }

        public double maxUtilisation() {
            double m = 0;
            for (double u : linkUtilisation) {
                m = Math.max(m, u);
            }
            return m;
        }
    }

    /**
     * Injects {@code packets} packets over the flows (each flow a Poisson source at its rate),
     * simulates them to delivery and measures the latency of every packet, each link's busy share
     * of the run and the delivered packets per cycle.
     */
    public Result run(List<Flow> flows, int packets, long seed) {
        List<List<Integer>> paths = new ArrayList<>(flows.size());
        for (Flow f : flows) {
            paths.add(path(f.from(), f.to()));
        }
        // Each flow sends its share of the packets (largest remainders), in a seeded random order at
        // exponentially distributed intervals: the superposition of the flows is a Poisson source of
        // the total rate, and every link carries exactly its share of the work, so that a run's
        // saturation throughput is not blurred by how many packets chance gave each flow.
        SplittableRandom random = new SplittableRandom(seed);
        int[] flowOf = shares(flows, packets, random);
        for (int p = packets - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int swap = flowOf[p];
            flowOf[p] = flowOf[q];
            flowOf[q] = swap;
        }
        double total = 0;
        for (Flow f : flows) {
            total += f.rate();
        }
        double[] inject = new double[packets];
        double t = 0;
        for (int p = 0; p < packets; p++) {
            t += -Math.log(1 - random.nextDouble()) / total;
            inject[p] = t;
        }
        double[] freeAt = new double[service.length];
        double[] busy = new double[freeAt.length];
        double[] latencies = new double[packets];
        // An event: packet p reaches hop h (the h-th link of its path) at time, ordered by time then packet.
        PriorityQueue<double[]> events = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0])
                : Double.compare(a[1], b[1]));
        for (int p = 0; p < packets; p++) {
            events.add(new double[] {inject[p], p, 0});
        }
        double end = 0;
        while (!events.isEmpty()) {
            double[] e = events.poll();
            int p = (int) e[1];
            int h = (int) e[2];
            List<Integer> path = paths.get(flowOf[p]);
            if (h == path.size()) {
                latencies[p] = e[0] - inject[p];
                end = Math.max(end, e[0]);
                continue;
            }
            int link = path.get(h);
            double start = Math.max(e[0], freeAt[link]);
            freeAt[link] = start + service[link];
            busy[link] += service[link];
            events.add(new double[] {start + service[link] + extra[link], p, h + 1});
        }
        double sum = 0;
        for (double l : latencies) {
            sum += l;
        }
        double span = Math.max(end, 1e-12);
        for (int l = 0; l < busy.length; l++) {
            busy[l] /= span;
        }
        return new Result(packets, packets == 0 ? 0 : sum / packets, latencies, busy, packets / span, span);
    }

    /**
     * The flow of every packet, flows in order: each flow's share of {@code packets} by its rate, the
     * packets left over to the largest remainders, equal remainders in a random order (more flows than
     * packets must not favour the first endpoints).
     */
    static int[] shares(List<Flow> flows, int packets, SplittableRandom random) {
        double total = 0;
        for (Flow f : flows) {
            total += f.rate();
        }
        int[] count = new int[flows.size()];
        double[] remainder = new double[flows.size()];
        long[] tie = new long[flows.size()];
        Integer[] byRemainder = new Integer[flows.size()];
        int given = 0;
        for (int i = 0; i < count.length; i++) {
            double exact = packets * flows.get(i).rate() / total;
            count[i] = (int) Math.floor(exact);
            remainder[i] = exact - count[i];
            tie[i] = random.nextLong();
            given += count[i];
            byRemainder[i] = i;
        }
        Arrays.sort(byRemainder, (a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a])
                : tie[a] != tie[b] ? Long.compare(tie[a], tie[b]) : Integer.compare(a, b));
        for (int k = 0; given < packets; k = (k + 1) % count.length) {
            count[byRemainder[k]]++;
            given++;
        }
        int[] flowOf = new int[packets];
        int p = 0;
        for (int i = 0; i < count.length; i++) {
            for (int c = 0; c < count[i]; c++) {
                flowOf[p++] = i;
            }
        }
        return flowOf;
    }

    /**
     * The analytic model's mean packet latency for the same flows, cycles: every hop one cycle of
     * link, the router pipeline and the M/D/1 wait ρ / (2 (1 − ρ)) of its link's utilisation ρ
     * (the flows' rates through it), as the evaluator's contention pass charges; infinite at ρ ≥ 1.
     * A board link: its service time s, its crossing latency and the M/D/1 wait ρ s / (2 (1 − ρ)).
     */
    public double analyticMeanLatency(List<Flow> flows) {
        double[] rho = analyticUtilisation(flows);
        double total = 0;
        double weighted = 0;
        for (Flow f : flows) {
            double l = 0;
            for (int link : path(f.from(), f.to())) {
                if (rho[link] >= 1) {
                    return Double.POSITIVE_INFINITY;
                }
                l += service[link] + extra[link] + rho[link] * service[link] / (2 * (1 - rho[link]));
            }
            total += f.rate();
            weighted += f.rate() * l;
        }
        return total == 0 ? 0 : weighted / total;
    }

    /**
     * Each resource's utilisation: the rates of the flows that cross it, flits per cycle, times its
     * cycles per flit (1 for an on-chip link).
     */
    public double[] analyticUtilisation(List<Flow> flows) {
        double[] rho = new double[service.length];
        for (Flow f : flows) {
            for (int link : path(f.from(), f.to())) {
                rho[link] += f.rate() * service[link];
            }
        }
        return rho;
    }

    /** The injection scale at which the busiest link saturates: 1 / max ρ, with the flows' rates as given. */
    public double analyticSaturationScale(List<Flow> flows) {
        double max = 0;
        for (double r : analyticUtilisation(flows)) {
            max = Math.max(max, r);
        }
        return max == 0 ? Double.POSITIVE_INFINITY : 1 / max;
    }

    /**
     * Offered load of a saturation run over the analytic saturation: the busiest links' queues grow, so
     * they never idle, while links below 91 % of the busiest stay below saturation and keep feeding them.
     */
    public static final double OVERLOAD = 1.1;

    /**
     * The simulated saturation throughput, packets per cycle: the flows scaled to {@link #OVERLOAD} times
     * the analytic saturation, and {@code packets} delivered over the time from the first injection to
     * the last delivery (the network's own pace once its busiest links stay busy).
     */
    public double saturationThroughput(List<Flow> flows, int packets, long seed) {
        double scale = analyticSaturationScale(flows) * OVERLOAD;
        List<Flow> offered = flows.stream().map(f -> new Flow(f.from(), f.to(), f.rate() * scale)).toList();
        return run(offered, packets, seed).throughput();
    }

    /** The flows scaled so that the busiest link runs at {@code utilisation}. */
    public List<Flow> atUtilisation(List<Flow> flows, double utilisation) {
        double scale = analyticSaturationScale(flows) * utilisation;
        return flows.stream().map(f -> new Flow(f.from(), f.to(), f.rate() * scale)).toList();
    }

    public NetworkTopology topology() {
        return topology;
    }
}
