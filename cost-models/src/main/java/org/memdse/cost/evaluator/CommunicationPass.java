package org.memdse.cost.evaluator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.InputLoading;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.Signal;
import org.memdse.core.network.TrafficEdge;

/**
 * The wires and switches data crosses: inside a tile, from its buffers to its macros and back
 * (charged to the layer); between tiles, the on-chip network's routers, links and spike routers
 * every route crosses (network energy belongs to no layer), and how long each layer's outputs
 * take to reach the next layer's tiles.
 */
public final class CommunicationPass implements EvaluationPass {
    @Override
    public String name() {
        return "communication";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        ArchitectureCosts costs = view.costs();
        OnChipNetwork noc = costs.architecture().interconnect().onChip();
        int activationBits = view.network().activationBits();
        for (int i = 0; i < view.size(); i++) {
            if (view.work(i) instanceof MappedNetwork.CrossbarLayer x) {
                tileWiring(i, x, view.stats(i), activationBits, view.network().weightBits(), ledger);
            }
        }
        networkTime(view, noc, ledger);
        PricedComponent router = costs.component("interconnect.router").orElse(null);
        PricedComponent link = costs.component("interconnect.link").orElse(null);
        PricedComponent spikes = costs.component("interconnect.spikes").orElse(null);
        // Every route's bits travel as flits (with packet headers if the network has them): each
        // flit traverses hops + 1 routers and crosses hops links (as many mean links as its wire
        // is long); spikes travel as one packet each through the spike routers.
        SpikeHops directions = spikes != null ? SpikeHops.of(view) : null;
        for (MappedNetwork.RoutedTraffic t : view.routes()) {
            TrafficEdge e = t.edge();
            int hops = t.route().hops();
            if (e != null && e.signal() == Signal.SPIKES && spikes != null) {
                double packets = t.route().bitsPerInference() / Math.max(1, e.bitsPerElement());
                if (directions.directional()) {
                    // The injecting router at the model's figure, every hop at its direction's.
                    ledger.charge(-1, spikes, Action.TRAVERSE, packets);
                    ledger.chargeEnergy(-1, spikes, packets * directions.energy(t.route()));
                } else {
                    ledger.charge(-1, spikes, Action.TRAVERSE, packets * (hops + 1));
                }
                continue;
            }
            double flits = noc.flits(t.route().bitsPerInference());
            ledger.charge(-1, router, Action.TRAVERSE, flits * (hops + 1));
            ledger.charge(-1, link, Action.TRANSFER, flits * costs.linkTransfers(hops));
        }
    }

    /**
     * A crossbar layer's bits on its tiles' wiring, one TRANSFER per word of the wiring's width:
     * every input bit the tile buffer supplies goes to each column block that needs it (the blocks
     * sharing its rows: rows used over the weight matrix's rows, per replica), and each block's
     * partial sums come back, one per output and row block, at the precision DNN+NeuroSim's
     * Tile.cpp gives a subarray's output: ADC bits + input bits + (cells per weight − 1) × bits per
     * cell + 1. Analog inputs and outputs do not use the wiring.
     */
    private static void tileWiring(int i, MappedNetwork.CrossbarLayer x, NodeStats stats, int activationBits,
                                   int weightBits, EvaluationLedger ledger) {
        ArchitectureCosts.CimSubsystem c = x.cim();
        if (c.wiring == null) {
            return;
        }
        double rows = x.matrixRows();
        double inputBits = 0;
        if (!x.analogIn() && rows > 0) {
            double read = c.template.inputLoading() == InputLoading.PER_WINDOW
                    ? x.vectors() * rows * activationBits
                    : stats.inputActivations() * (double) activationBits;
            inputBits = read * x.rowCycles() / (rows * x.replicas());
        }
        double partialSumBits = 0;
        if (!x.analogOut()) {
            Crossbars xb = c.macro.crossbars();
            int cellsPerWeight = (weightBits + xb.bitsPerCell() - 1) / xb.bitsPerCell();
            int inputBitsPerCycle = x.pulseWidth() ? activationBits : c.macro.dac().bits();
            int bits = c.macro.adc().bits() + activationBits + (cellsPerWeight - 1) * xb.bitsPerCell() + 1;
            partialSumBits = (double) stats.outputActivations() * x.rowBlocks() * Math.max(bits, inputBitsPerCycle);
        }
        ledger.charge(i, c.wiring, Action.TRANSFER, (inputBits + partialSumBits) / c.wiringWidthBits);
    }

    /**
     * Layer-by-layer execution: a layer's outputs cross the network to the next layer's tiles
     * before that layer starts (NeuroSim: 0.14 of 1.456 ms for VGG-8). The time of a layer's
     * transfers is set by its busiest link, which carries the flits of every route of the
     * layer through it one per link cycle (serialisation, 1 / clock per flit), plus the
     * pipeline fill of the longest route: hops × the router's traversal latency.
     * t = max over links (flits on the link) / f_clk + max hops · t_router. Routes that stay
     * on one endpoint (no hops) and spike traffic take no network time.
     */
    private static void networkTime(MappedNetwork view, OnChipNetwork noc, EvaluationLedger ledger) {
        ArchitectureCosts costs = view.costs();
        PricedComponent router = costs.component("interconnect.router").orElse(null);
        PricedComponent wire = costs.component("interconnect.link").orElse(null);
        // A hop is a router's pipeline; on an H-tree without switches, the link's wire itself.
        double hopLatency = router != null ? router.model().latency(Action.TRAVERSE)
                : wire != null ? wire.model().latency(Action.TRANSFER) : 0;
        double linkCycle = 1 / noc.linkClockHz(costs.architecture().technology());
        for (int i = 0; i < view.size(); i++) {
            List<MappedNetwork.RoutedTraffic> routes = view.routesFrom(i);
            if (routes.isEmpty()) {
                continue;
            }
            Map<Integer, Double> linkFlits = null;
            int maxHops = 0;
            for (MappedNetwork.RoutedTraffic t : routes) {
                if (t.edge().signal() == Signal.SPIKES || t.route().hops() == 0) {
                    continue;
                }
                double flits = noc.flits(t.route().bitsPerInference());
                if (linkFlits == null) {
                    linkFlits = new HashMap<>();
                }
                for (int link : t.route().links()) {
                    linkFlits.merge(link, flits, Double::sum);
                }
                maxHops = Math.max(maxHops, t.route().hops());
            }
            if (linkFlits != null) {
                double busiest = 0;
                for (double f : linkFlits.values()) {
                    busiest = Math.max(busiest, f);
                }
                ledger.addDuration(i, LatencyCause.NETWORK, busiest * linkCycle + maxHops * hopLatency);
            }
        }
    }
}
