package org.memdse.core.mapping;

import java.util.List;
import java.util.Objects;

/**
 * Where everything of a network sits on a system and what flows where: a plain, immutable
 * description that the evaluator prices.
 *
 * @param architecture architecture name
 * @param network      network name
 * @param units        the partition: every unit, by id
 * @param endpoints    the system's endpoints, by index
 * @param placements   one per unit, by unit id
 * @param routes       traffic between endpoints, per network edge
 * @param linkLoads    traffic per link
 * @param report       objective values beside the baseline and the bound
 * @param boardLoads   traffic per board link between chips (empty on one chip)
 */
public record Mapping(String architecture, String network, List<MappingUnit> units, List<Endpoint> endpoints,
                      List<Placement> placements, List<Route> routes, List<LinkLoad> linkLoads, MappingReport report,
                      List<BoardLoad> boardLoads) {
    public Mapping {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(network, "network");
        units = List.copyOf(units);
        endpoints = List.copyOf(endpoints);
        placements = List.copyOf(placements);
        routes = List.copyOf(routes);
        linkLoads = List.copyOf(linkLoads);
        Objects.requireNonNull(report, "report");
        boardLoads = List.copyOf(boardLoads);
    }

    /** A mapping on one chip. */
    public Mapping(String architecture, String network, List<MappingUnit> units, List<Endpoint> endpoints,
                   List<Placement> placements, List<Route> routes, List<LinkLoad> linkLoads, MappingReport report) {
        this(architecture, network, units, endpoints, placements, routes, linkLoads, report, List.of());
    }

    /** Chips the system has (1 + the highest chip of an endpoint). */
    public int chips() {
        int max = 0;
        for (Endpoint e : endpoints) {
            max = Math.max(max, e.chip());
        }
        return max + 1;
    }

    /**
     * Bits per inference between every pair of chips, row-major {@code [from * chips + to]}: the
     * routes whose ends sit on different chips.
     */
    public double[] chipTraffic() {
        int n = chips();
        double[] out = new double[n * n];
        for (Route r : routes) {
            int a = endpoints.get(r.fromEndpoint()).chip();
            int b = endpoints.get(r.toEndpoint()).chip();
            if (a != b) {
                out[a * n + b] += r.bitsPerInference();
            }
        }
        return out;
    }

    /** Bits per inference that cross from one chip to another. */
    public double chipCrossingBits() {
        double sum = 0;
        for (double v : chipTraffic()) {
            sum += v;
        }
        return sum;
    }

    /** The endpoint a unit sits on. */
    public Endpoint endpointOf(int unit) {
        return endpoints.get(placements.get(unit).endpoint());
    }
}
