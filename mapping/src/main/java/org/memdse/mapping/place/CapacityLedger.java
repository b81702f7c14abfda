package org.memdse.mapping.place;

import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.mapping.topology.Capacity;
import org.memdse.mapping.topology.NetworkTopology;

/** What is left on every endpoint while a placer fills them (package-private helper). */
final class CapacityLedger {
    private final NetworkTopology topology;
    private final long[] crossbars;
    private final long[] neurons;
    private final long[] rows;

    CapacityLedger(NetworkTopology topology) {
        this.topology = topology;
        int n = topology.endpointCount();
        crossbars = new long[n];
        neurons = new long[n];
        rows = new long[n];
        for (int e = 0; e < n; e++) {
            Capacity c = topology.capacity(e);
            crossbars[e] = c.crossbars();
            neurons[e] = c.neurons();
            rows[e] = c.synapseRows();
        }
    }

    boolean fits(MappingUnit u, int e) {
        if (topology.endpoint(e).resource() != u.resource()) {
            return false;
        }
        if (u instanceof CrossbarBlock) {
            return crossbars[e] >= 1;
        }
        if (u instanceof CoreGroup g) {
            return neurons[e] >= g.neurons() && rows[e] >= g.fanIn();
        }
        return true;
    }

    void take(MappingUnit u, int e) {
        if (u instanceof CrossbarBlock) {
            crossbars[e]--;
        } else if (u instanceof CoreGroup g) {
            neurons[e] -= g.neurons();
            rows[e] -= g.fanIn();
        }
    }
}
