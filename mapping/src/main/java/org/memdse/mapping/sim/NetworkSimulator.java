package org.memdse.mapping.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
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
 */
public final class NetworkSimulator {
    private final NetworkTopology topology;
    private final Router router;
    private final double hopCycles;

    public NetworkSimulator(NetworkTopology topology, double hopCycles) {
        this.topology = topology;
        this.router = Router.forTopology(topology.kind());
        this.hopCycles = hopCycles;
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
            paths.add(router.route(topology, f.from(), f.to()));
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
        double[] freeAt = new double[topology.links().size()];
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
            freeAt[link] = start + 1;
            busy[link] += 1;
            events.add(new double[] {start + 1 + hopCycles, p, h + 1});
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
     */
    public double analyticMeanLatency(List<Flow> flows) {
        double[] rho = analyticUtilisation(flows);
        double total = 0;
        double weighted = 0;
        for (Flow f : flows) {
            double l = 0;
            for (int link : router.route(topology, f.from(), f.to())) {
                if (rho[link] >= 1) {
                    return Double.POSITIVE_INFINITY;
                }
                l += 1 + hopCycles + rho[link] / (2 * (1 - rho[link]));
            }
            total += f.rate();
            weighted += f.rate() * l;
        }
        return total == 0 ? 0 : weighted / total;
    }

    /** Each link's utilisation: the rates of the flows that cross it, flits per cycle. */
    public double[] analyticUtilisation(List<Flow> flows) {
        double[] rho = new double[topology.links().size()];
        for (Flow f : flows) {
            for (int link : router.route(topology, f.from(), f.to())) {
                rho[link] += f.rate();
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
