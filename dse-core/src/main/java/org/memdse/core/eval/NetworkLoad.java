package org.memdse.core.eval;

import java.util.List;
import java.util.Objects;

/**
 * How loaded the on-chip network's links are while the mapped network runs, from the contention
 * model: per link, the utilisation ρ = flits × link cycle / window, where the window is the time
 * the sending layer produces them (its own work, per inference) or one SNN time step (spikes);
 * a link's figure is its largest over the layers. Links the mapping leaves idle are not counted.
 *
 * @param maxUtilisation  the busiest link's utilisation (≥ 1: saturated)
 * @param meanUtilisation mean over the links that carry traffic
 * @param linksLoaded     links that carry traffic
 * @param queueingS       waiting time in router queues added to the latency, summed over the layers, s
 * @param saturated       the links at utilisation ≥ 1, busiest first, each with the layer that saturates it
 * @param boardUtilisation the busiest board link's utilisation between chips (a multi-chip system; 0 otherwise)
 * @param boardQueueingS  waiting time at board links added to the latency, summed over the layers, s
 * @param chipTraffic     bits per inference from chip to chip, keyed {@code "0->1"} (empty on one chip)
 * @param links           every loaded on-chip link with its utilisation, by link id (the figures
 *                        {@code maxUtilisation} and {@code meanUtilisation} summarise; reports draw them)
 */
public record NetworkLoad(double maxUtilisation, double meanUtilisation, int linksLoaded, double queueingS,
                          List<SaturatedLink> saturated, double boardUtilisation, double boardQueueingS,
                          Breakdown chipTraffic, List<LinkUtilisation> links) {
    /** No network traffic (or no contention model run). */
    public static final NetworkLoad NONE = new NetworkLoad(0, 0, 0, 0, List.of());

    /** The load of a one-chip system's network. */
    public NetworkLoad(double maxUtilisation, double meanUtilisation, int linksLoaded, double queueingS,
                       List<SaturatedLink> saturated) {
        this(maxUtilisation, meanUtilisation, linksLoaded, queueingS, saturated, 0, 0, Breakdown.EMPTY, List.of());
    }

    /** The load of a one-chip system's network with each loaded link's utilisation. */
    public NetworkLoad(double maxUtilisation, double meanUtilisation, int linksLoaded, double queueingS,
                       List<SaturatedLink> saturated, List<LinkUtilisation> links) {
        this(maxUtilisation, meanUtilisation, linksLoaded, queueingS, saturated, 0, 0, Breakdown.EMPTY, links);
    }

    /** This load with the board links' busiest utilisation, their waiting time and the traffic between chips. */
    public NetworkLoad withBoard(double utilisation, double queueing, Breakdown traffic) {
        return new NetworkLoad(maxUtilisation, meanUtilisation, linksLoaded, queueingS, saturated, utilisation, queueing,
                traffic, links);
    }

    /** Bits per inference that cross from one chip to another. */
    public double chipCrossingBits() {
        return chipTraffic.total();
    }

    public NetworkLoad {
        saturated = List.copyOf(saturated);
        links = List.copyOf(links);
        java.util.Objects.requireNonNull(chipTraffic, "chipTraffic");
        NonFiniteResultException.requireFinite("board link utilisation", boardUtilisation);
        NonFiniteResultException.requireFinite("board queueing delay", boardQueueingS);
        NonFiniteResultException.requireFinite("link utilisation (max)", maxUtilisation);
        NonFiniteResultException.requireFinite("link utilisation (mean)", meanUtilisation);
        NonFiniteResultException.requireFinite("queueing delay", queueingS);
    }

    /**
     * A link whose traffic exceeds what it can carry in the window.
     *
     * @param link        link id (as the mapping's routes name it)
     * @param fromRouter  the router it leaves
     * @param toRouter    the router it enters
     * @param layer       the layer whose traffic saturates it
     * @param utilisation that layer's flits × link cycle / window
     */
    public record SaturatedLink(int link, int fromRouter, int toRouter, String layer, double utilisation) {
        public SaturatedLink {
            Objects.requireNonNull(layer, "layer");
        }
    }

    /**
     * One loaded link's utilisation: its largest over the layers, as {@code maxUtilisation} takes it.
     *
     * @param link        link id (as the mapping's routes name it)
     * @param fromRouter  the router it leaves (-1 if the mapping lists no load on it)
     * @param toRouter    the router it enters (-1 likewise)
     * @param layer       the layer whose traffic loads it most
     * @param utilisation that layer's flits × link cycle / window (≥ 1: saturated)
     */
    public record LinkUtilisation(int link, int fromRouter, int toRouter, String layer, double utilisation) {
        public LinkUtilisation {
            Objects.requireNonNull(layer, "layer");
        }
    }
}
