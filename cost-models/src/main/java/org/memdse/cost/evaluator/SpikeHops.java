package org.memdse.cost.evaluator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SpikeNetwork;
import org.memdse.core.arch.Topology;
import org.memdse.core.eval.Action;
import org.memdse.core.mapping.LinkLoad;
import org.memdse.core.mapping.Route;

/**
 * What one spike packet pays per hop when hops along a mesh row and along a column cost
 * differently: Loihi's tiles are longer north-south than east-west, so a hop costs 3.0 pJ and
 * 4.1 ns east-west, 4.0 pJ and 6.5 ns north-south (Davies et al., IEEE Micro 2018 Table 2;
 * docs/reference/communication.md §2). A link joins routers of one row (east-west) or of one
 * column (north-south) of the router grid; a direction without figures of its own, and every hop
 * of a tree or bus, costs the spike router's TRAVERSE.
 */
public final class SpikeHops {
    private final boolean directional;
    private final Map<Integer, Boolean> eastWest;
    private final double[] energy = new double[2];
    private final double[] latency = new double[2];

    private SpikeHops(boolean directional, Map<Integer, Boolean> eastWest, double plainEnergy, double plainLatency,
                      PublishedFigures ew, PublishedFigures ns) {
        this.directional = directional;
        this.eastWest = eastWest;
        energy[0] = ew.energy().orElse(plainEnergy);
        latency[0] = ew.latency().orElse(plainLatency);
        energy[1] = ns.energy().orElse(plainEnergy);
        latency[1] = ns.latency().orElse(plainLatency);
    }

    /** The hop costs of {@code view}'s system (its links' directions from the mapping's link loads). */
    public static SpikeHops of(MappedNetwork view) {
        return of(view.costs(), view.mapping().linkLoads());
    }

    /** The hop costs of the system {@code costs} prices, its links' directions from {@code loads}. */
    public static SpikeHops of(ArchitectureCosts costs, List<LinkLoad> loads) {
        Architecture a = costs.architecture();
        SpikeNetwork s = a.interconnect().spikes().orElse(null);
        PricedComponent router = costs.component("interconnect.spikes").orElse(null);
        double e = router == null ? 0 : router.model().energy(Action.TRAVERSE);
        double t = router == null ? 0 : router.model().latency(Action.TRAVERSE);
        OnChipNetwork noc = a.interconnect().onChip();
        boolean grid = noc.topology() == Topology.MESH || noc.topology() == Topology.TORUS;
        if (s == null || !s.directional() || !grid) {
            return new SpikeHops(false, Map.of(), e, t, PublishedFigures.NONE, PublishedFigures.NONE);
        }
        int columns = noc.gridColumns(a.networkEndpoints());
        Map<Integer, Boolean> ew = new HashMap<>();
        for (LinkLoad l : loads) {
            ew.put(l.link(), l.fromRouter() / columns == l.toRouter() / columns);
        }
        return new SpikeHops(true, ew, e, t, s.eastWest(), s.northSouth());
    }

    /** Whether rows and columns cost differently (else every hop is a TRAVERSE of the spike router). */
    public boolean directional() {
        return directional;
    }

    /** Energy of one packet over every hop of {@code route}, J. */
    public double energy(Route route) {
        double sum = 0;
        for (int l : route.links()) {
            sum += energy[direction(l)];
        }
        return sum;
    }

    /** Latency of one packet over every hop of {@code route}, s. */
    public double latency(Route route) {
        double sum = 0;
        for (int l : route.links()) {
            sum += latency[direction(l)];
        }
        return sum;
    }

    /** Energy of one east-west (0) or north-south (1) hop, J. */
    public double hopEnergy(boolean eastWestHop) {
        return energy[eastWestHop ? 0 : 1];
    }

    /** Latency of one east-west or north-south hop, s. */
    public double hopLatency(boolean eastWestHop) {
        return latency[eastWestHop ? 0 : 1];
    }

    private int direction(int link) {
        return eastWest.getOrDefault(link, Boolean.TRUE) ? 0 : 1;
    }
}
