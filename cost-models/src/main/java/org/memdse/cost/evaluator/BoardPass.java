package org.memdse.cost.evaluator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.network.Signal;

/**
 * The links between the chips of a multi-chip system ({@code board:}). Every bit a route carries
 * from one chip to another crosses its board links: the link kind's energy per bit for each board
 * hop (the chip-link model: SerDes 50.8 pJ, 2.5D interposer 0.3 pJ, ...), and one more router, the
 * receiving chip's gateway (the on-chip legs to and from the gateways are the communication pass's).
 *
 * <p>Time, per layer as the communication pass does for the on-chip links: the busiest board link
 * serialises the layer's crossing bits at its bandwidth (lanes × width × frequency), plus the
 * kind's crossing latency per board hop of the longest board path. Contention, as the contention
 * pass: the layer hands out its bits over its own work time (window), so a board link is used
 * ρ = bits / (bandwidth × window); below saturation every board hop adds the M/D/1 wait
 * ρ / (2 (1 − ρ)) transfer times (one transfer: the lanes' width, 1 / frequency), which grows
 * without bound as ρ nears 1 (docs/reference/communication.md §5). From ρ ≥ 1 the link bounds the
 * layer, which the serialisation time already charges. Spikes cross as their bits, per inference.
 */
public final class BoardPass implements EvaluationPass {
    @Override
    public String name() {
        return "board";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        PricedComponent link = view.costs().component(ArchitectureCosts.BOARD_LINK).orElse(null);
        if (link == null || view.mapping().boardLoads().isEmpty()) {
            return;
        }
        ChipLinks spec = (ChipLinks) link.component().spec();
        double bandwidth = spec.links() * spec.bandwidthBitsPerSecond();
        double transfer = 1 / spec.frequencyHz();
        double crossing = link.model().latency(Action.TRAVERSE);
        PricedComponent router = view.costs().component("interconnect.router").orElse(null);
        var noc = view.costs().architecture().interconnect().onChip();
        for (MappedNetwork.RoutedTraffic t : view.routes()) {
            int hops = t.route().boardLinks().size();
            if (hops == 0) {
                continue;
            }
            double bits = t.route().bitsPerInference();
            ledger.charge(-1, link, Action.TRANSFER, bits * hops);
            ledger.charge(-1, router, Action.TRAVERSE, noc.flits(bits));
        }
        double maxRho = 0;
        double queueing = 0;
        for (int i = 0; i < view.size(); i++) {
            List<MappedNetwork.RoutedTraffic> routes = view.routesFrom(i);
            Map<Integer, Double> load = null;
            int maxHops = 0;
            for (MappedNetwork.RoutedTraffic t : routes) {
                if (t.route().boardLinks().isEmpty()) {
                    continue;
                }
                if (load == null) {
                    load = new HashMap<>();
                }
                for (int b : t.route().boardLinks()) {
                    load.merge(b, t.route().bitsPerInference(), Double::sum);
                }
                maxHops = Math.max(maxHops, t.route().boardLinks().size());
            }
            if (load == null) {
                continue;
            }
            double busiest = 0;
            for (double bits : load.values()) {
                busiest = Math.max(busiest, bits);
            }
            double time = busiest / bandwidth + maxHops * crossing;
            double window = workTime(ledger, i);
            boolean spikes = routes.stream().anyMatch(t -> t.edge() != null && t.edge().signal() == Signal.SPIKES);
            if (window > 0 && !spikes) {
                double rho = busiest / (bandwidth * window);
                double wait = maxHops * waitPerHop(rho, transfer);
                time += wait;
                queueing += wait;
                maxRho = Math.max(maxRho, rho);
            }
            ledger.addDuration(i, LatencyCause.NETWORK, time);
        }
        double[] traffic = view.mapping().chipTraffic();
        int chips = view.mapping().chips();
        org.memdse.core.eval.Breakdown byPair = org.memdse.core.eval.Breakdown.EMPTY;
        for (int a = 0; a < chips; a++) {
            for (int b = 0; b < chips; b++) {
                if (traffic[a * chips + b] > 0) {
                    byPair = byPair.plus(a + "->" + b, traffic[a * chips + b]);
                }
            }
        }
        ledger.networkLoad(ledger.networkLoad().withBoard(maxRho, queueing, byPair));
    }

    /**
     * The mean M/D/1 wait at one board link used ρ of the time, with one transfer taking
     * {@code transfer} seconds: ρ / (2 (1 − ρ)) transfers; 0 at or beyond saturation (the
     * serialisation time bounds the layer there).
     */
    public static double waitPerHop(double rho, double transfer) {
        return rho < ContentionPass.SATURATED ? rho / (2 * (1 - rho)) * transfer : 0;
    }

    /** A layer's own work: every duration the work passes wrote but the network's, s. */
    private static double workTime(EvaluationLedger ledger, int i) {
        double compute = Math.max(ledger.duration(i, LatencyCause.ARRAY), ledger.duration(i, LatencyCause.CONVERSION));
        return compute + ledger.duration(i, LatencyCause.DIGITAL) + ledger.duration(i, LatencyCause.SNN_TICKS)
                + ledger.duration(i, LatencyCause.BUFFER) + ledger.duration(i, LatencyCause.GLOBAL_BUFFER);
    }
}
