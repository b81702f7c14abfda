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
 */
public record Mapping(String architecture, String network, List<MappingUnit> units, List<Endpoint> endpoints,
                      List<Placement> placements, List<Route> routes, List<LinkLoad> linkLoads, MappingReport report) {
    public Mapping {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(network, "network");
        units = List.copyOf(units);
        endpoints = List.copyOf(endpoints);
        placements = List.copyOf(placements);
        routes = List.copyOf(routes);
        linkLoads = List.copyOf(linkLoads);
        Objects.requireNonNull(report, "report");
    }

    /** The endpoint a unit sits on. */
    public Endpoint endpointOf(int unit) {
        return endpoints.get(placements.get(unit).endpoint());
    }
}
