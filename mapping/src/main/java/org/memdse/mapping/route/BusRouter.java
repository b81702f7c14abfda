package org.memdse.mapping.route;

import java.util.List;
import org.memdse.mapping.topology.NetworkTopology;

/** A shared bus: every transfer between two different endpoints is one transaction on link 0. */
public final class BusRouter implements Router {
    private static final List<Integer> BUS = List.of(0);

    @Override
    public List<Integer> route(NetworkTopology t, int fromEndpoint, int toEndpoint) {
        return fromEndpoint == toEndpoint ? List.of() : BUS;
    }
}
