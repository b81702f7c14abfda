package org.memdse.cost.evaluator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.SpikeNetwork;
import org.memdse.core.arch.TileArray;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.eval.NetworkLoad;
import org.memdse.core.mapping.LinkLoad;
import org.memdse.core.network.Signal;

/**
 * Load and contention on the on-chip network's links. A layer's outputs leave it while it works,
 * so the flits one of its routes puts on a link arrive at rate λ = flits / window, where the
 * window is the layer's own work time (array, conversion, digital, SNN, buffers: every duration
 * but the network's); spikes arrive per SNN time step (packets per step × flits per packet over
 * one step). A link serves one flit per link cycle (μ = f_link), so its utilisation is
 * ρ = λ / μ = flits × cycle / window. Below saturation every hop adds the mean wait of an M/D/1
 * queue (Poisson arrivals, one-cycle deterministic service; Pollaczek-Khinchine with no service
 * variance: W = ρ / (2 μ (1 − ρ)), docs/reference/communication.md §5); a layer's outputs wait as
 * long as its slowest route (the sum over its hops), added to the layer's network time. At
 * ρ ≥ 1 the link is saturated and flagged with the layer: an ANN layer's transfer is then bound
 * by the link, which the communication pass's serialisation time already charges. Spikes of
 * time-stepped cores are delivered within their step (the wait is inside the tick); those that
 * do not fit a step stretch it by (ρ − 1) steps' worth of time. A layer with no work of its own
 * (the network's input) hands its data over at once: the communication pass charges that
 * transfer's serialisation, and it sets no rate here.
 */
public final class ContentionPass implements EvaluationPass {
    /** Utilisation from which a link is saturated. */
    public static final double SATURATED = 1;

    @Override
    public String name() {
        return "contention";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        OnChipNetwork noc = view.costs().architecture().interconnect().onChip();
        double cycle = 1 / noc.linkClockHz(view.costs().architecture().technology());
        int links = 0;
        for (MappedNetwork.RoutedTraffic t : view.routes()) {
            for (int l : t.route().links()) {
                links = Math.max(links, l + 1);
            }
        }
        if (links == 0) {
            ledger.networkLoad(NetworkLoad.NONE);
            return;
        }
        double spikeFlits = spikeFlitsPerPacket(view, noc);
        double tick = timeStep(view);
        double[] windows = windows(view, ledger);
        double[] flits = new double[links];
        double[] worst = new double[links];
        int[] worstLayer = new int[links];
        Arrays.fill(worstLayer, -1);
        int[] touched = new int[links];
        double queueing = 0;
        for (int i = 0; i < view.size(); i++) {
            List<MappedNetwork.RoutedTraffic> routes = view.routesFrom(i);
            if (routes.isEmpty()) {
                continue;
            }
            boolean spikes = false;
            for (MappedNetwork.RoutedTraffic t : routes) {
                spikes |= t.edge() != null && t.edge().signal() == Signal.SPIKES;
            }
            int steps = Math.max(1, view.stats(i).timeSteps());
            double window = spikes ? tick : windows[i];
            if (!(window > 0) || (spikes && spikeFlits == 0)) {
                continue;
            }
            int n = 0;
            for (MappedNetwork.RoutedTraffic t : routes) {
                double f;
                if (t.edge() != null && t.edge().signal() == Signal.SPIKES) {
                    f = t.route().bitsPerInference() / Math.max(1, t.edge().bitsPerElement()) / steps * spikeFlits;
                } else {
                    f = noc.flits(t.route().bitsPerInference());
                }
                for (int l : t.route().links()) {
                    if (flits[l] == 0) {
                        touched[n++] = l;
                    }
                    flits[l] += f;
                }
            }
            double wait = 0;
            double overflow = 0;
            for (MappedNetwork.RoutedTraffic t : routes) {
                double w = 0;
                for (int l : t.route().links()) {
                    double rho = flits[l] * cycle / window;
                    if (rho < SATURATED) {
                        w += rho / (2 * (1 - rho)) * cycle;
                    } else {
                        overflow = Math.max(overflow, (rho - 1) * window);
                    }
                }
                wait = Math.max(wait, w);
            }
            for (int k = 0; k < n; k++) {
                int l = touched[k];
                double rho = flits[l] * cycle / window;
                if (rho > worst[l]) {
                    worst[l] = rho;
                    worstLayer[l] = i;
                }
                flits[l] = 0;
            }
            // Time-stepped SNN cores (TrueNorth's tick, Loihi's barrier) deliver a step's spikes
            // within the step: only spikes the links cannot carry in it stretch the step.
            double added = spikes ? overflow * steps : wait;
            if (added > 0) {
                ledger.addDuration(i, LatencyCause.NETWORK, added);
                queueing += added;
            }
        }
        ledger.networkLoad(summary(view, worst, worstLayer, queueing));
    }

    /**
     * Per layer, the time over which it hands out its outputs: its own work, and at least that of
     * the layers feeding it (an element-wise layer, a residual add or a pooling streams its outputs
     * as its inputs arrive, at their producers' pace). Layers in network order, so producers first.
     */
    private static double[] windows(MappedNetwork view, EvaluationLedger ledger) {
        int n = view.size();
        java.util.Map<String, Integer> index = new java.util.HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            index.put(view.node(i).name(), i);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = workTime(ledger, i);
        }
        List<int[]> edges = new ArrayList<>();
        for (org.memdse.core.network.TrafficEdge e : view.network().edges()) {
            Integer s = index.get(e.source());
            Integer t = index.get(e.target());
            if (s != null && t != null && s < t && !e.feedback()) {
                edges.add(new int[] {s, t});
            }
        }
        // By target, so that every producer's window is final before its consumers read it.
        edges.sort(Comparator.comparingInt(e -> e[1]));
        for (int[] e : edges) {
            w[e[1]] = Math.max(w[e[1]], w[e[0]]);
        }
        return w;
    }

    /** A layer's own work: every duration the work passes wrote but the network's, s. */
    private static double workTime(EvaluationLedger ledger, int i) {
        double compute = Math.max(ledger.duration(i, LatencyCause.ARRAY), ledger.duration(i, LatencyCause.CONVERSION));
        return compute + ledger.duration(i, LatencyCause.DIGITAL) + ledger.duration(i, LatencyCause.SNN_TICKS)
                + ledger.duration(i, LatencyCause.BUFFER) + ledger.duration(i, LatencyCause.GLOBAL_BUFFER);
    }

    /** Flits one spike packet takes on the network's links; 0 without spike packets. */
    private static double spikeFlitsPerPacket(MappedNetwork view, OnChipNetwork noc) {
        SpikeNetwork s = view.costs().architecture().interconnect().spikes().orElse(null);
        return s == null ? 0 : Math.ceil(s.packetBits() / noc.flitBits());
    }

    /** The SNN time step: that of the first SNN core array (all cores step together), else 0. */
    private static double timeStep(MappedNetwork view) {
        for (TileArray a : view.costs().architecture().tileArrays()) {
            if (a.template() instanceof SnnCoreTemplate c) {
                return c.timeStepS();
            }
        }
        return 0;
    }

    private static NetworkLoad summary(MappedNetwork view, double[] worst, int[] worstLayer, double queueing) {
        LinkLoad[] byId = new LinkLoad[worst.length];
        for (LinkLoad l : view.mapping().linkLoads()) {
            if (l.link() < byId.length) {
                byId[l.link()] = l;
            }
        }
        double max = 0;
        double sum = 0;
        int loaded = 0;
        List<NetworkLoad.SaturatedLink> saturated = new ArrayList<>();
        List<NetworkLoad.LinkUtilisation> used = new ArrayList<>();
        for (int l = 0; l < worst.length; l++) {
            if (worstLayer[l] < 0) {
                continue;
            }
            loaded++;
            sum += worst[l];
            max = Math.max(max, worst[l]);
            LinkLoad ll = byId[l];
            used.add(new NetworkLoad.LinkUtilisation(l, ll == null ? -1 : ll.fromRouter(), ll == null ? -1 : ll.toRouter(),
                    view.node(worstLayer[l]).name(), worst[l]));
            if (worst[l] >= SATURATED) {
                saturated.add(new NetworkLoad.SaturatedLink(l, ll == null ? -1 : ll.fromRouter(),
                        ll == null ? -1 : ll.toRouter(), view.node(worstLayer[l]).name(), worst[l]));
            }
        }
        saturated.sort(Comparator.comparingDouble(NetworkLoad.SaturatedLink::utilisation).reversed()
                .thenComparingInt(NetworkLoad.SaturatedLink::link));
        return new NetworkLoad(max, loaded == 0 ? 0 : sum / loaded, loaded, queueing, saturated, used);
    }
}
