package org.memdse.mapping.topology;

import java.util.ArrayList;
import java.util.List;
import org.memdse.core.arch.AdDa;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Encoder;
import org.memdse.core.arch.IntegrationInterface;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.ReservoirArray;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Topology;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.ResourceKind;

/**
 * The endpoints of a system's on-chip network, in the order {@link Architecture#networkEndpoints()}
 * counts them: subsystems in file order, instances in order. The AD/DA block is an endpoint (it
 * occupies a router port, so the grid positions of later blocks do not depend on whether it is
 * modelled) of kind {@link ResourceKind#ADDA}, on which no unit is ever placed.
 *
 * <p>Router of endpoint {@code i}: {@code i / concentration} (mesh, torus, H-tree): consecutive
 * endpoints share a router, as ISAAC's concentrated mesh attaches four neighbouring tiles to one
 * router. A bus has one shared medium, modelled as router 0 for every endpoint.
 */
public final class Endpoints {
    private Endpoints() {
    }

    public static List<Endpoint> of(Architecture architecture) {
        OnChipNetwork noc = architecture.interconnect().onChip();
        int concentration = noc.topology() == Topology.BUS ? Integer.MAX_VALUE : noc.concentration();
        List<Endpoint> endpoints = new ArrayList<>();
        for (Subsystem s : architecture.subsystems()) {
            if (s.networkEndpoints() == 0) {
                continue; // a global buffer reaches the tiles over its own bus
            }
            ResourceKind kind = kindOf(s);
            for (int i = 0; i < s.networkEndpoints(); i++) {
                int index = endpoints.size();
                endpoints.add(new Endpoint(index, s.name(), i, kind, index / concentration));
            }
        }
        return List.copyOf(endpoints);
    }

    /** What a subsystem's endpoints offer. */
    public static ResourceKind kindOf(Subsystem s) {
        if (s instanceof TileArray t) {
            if (t.template() instanceof CimTileTemplate) {
                return ResourceKind.CIM_TILE;
            }
            if (t.template() instanceof SnnCoreTemplate) {
                return ResourceKind.SNN_CORE;
            }
            throw new IllegalArgumentException("unknown template kind " + t.template().kindKey());
        }
        if (s instanceof Encoder) {
            return ResourceKind.ENCODER;
        }
        if (s instanceof IntegrationInterface) {
            return ResourceKind.INTEGRATION;
        }
        if (s instanceof ReservoirArray) {
            return ResourceKind.RESERVOIR;
        }
        if (s instanceof AdDa) {
            return ResourceKind.ADDA;
        }
        throw new IllegalArgumentException("unknown subsystem " + s.name());
    }
}
