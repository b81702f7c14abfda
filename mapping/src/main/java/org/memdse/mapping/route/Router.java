package org.memdse.mapping.route;

import java.util.List;
import org.memdse.core.arch.Topology;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Routing strategy of an on-chip network: the links a transfer between two endpoints crosses.
 * Deterministic (the same pair always takes the same path), and as long as
 * {@link NetworkTopology#hops(int, int)}, so loads and the objective agree.
 */
public interface Router {
    /** Link ids crossed in order from {@code fromEndpoint} to {@code toEndpoint}; empty on one router. */
    List<Integer> route(NetworkTopology topology, int fromEndpoint, int toEndpoint);

    /** The router for a topology: dimension order on mesh and torus, tree paths on an H-tree, the bus otherwise. */
    static Router forTopology(Topology kind) {
        return switch (kind) {
            case MESH, TORUS -> new DimensionOrderRouter();
            case HTREE -> new TreeRouter();
            case BUS -> new BusRouter();
        };
    }
}
