package org.memdse.mapping.place;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * The fixed-rule placement that NeuroSim- and ISAAC-style tools use, and memdse's baseline:
 * units in id order (layers in topological order, blocks in order), each endpoint of the unit's
 * kind filled before the next, endpoints in index order. A unit that does not fit the current
 * endpoint moves the cursor on for good; only when the cursor runs off the end (SNN groups of
 * uneven sizes) does it fall back to the first endpoint with room. Deterministic.
 */
public final class SequentialPlacer {
    private SequentialPlacer() {
    }

    /** The placement (unit id → endpoint), or empty if some unit finds no room. */
    public static Optional<int[]> place(MappingProblem problem) {
        NetworkTopology topology = problem.topology();
        CapacityLedger ledger = new CapacityLedger(topology);
        Map<ResourceKind, List<Integer>> byKind = new EnumMap<>(ResourceKind.class);
        Map<ResourceKind, Integer> cursor = new EnumMap<>(ResourceKind.class);
        for (ResourceKind k : ResourceKind.values()) {
            byKind.put(k, topology.endpointsOf(k));
            cursor.put(k, 0);
        }
        List<MappingUnit> units = problem.partition().units();
        int[] placement = new int[units.size()];
        for (MappingUnit u : units) {
            List<Integer> candidates = byKind.get(u.resource());
            int c = cursor.get(u.resource());
            while (c < candidates.size() && !ledger.fits(u, candidates.get(c))) {
                c++;
            }
            int chosen = -1;
            if (c < candidates.size()) {
                chosen = candidates.get(c);
                cursor.put(u.resource(), c);
            } else {
                for (int e : candidates) {
                    if (ledger.fits(u, e)) {
                        chosen = e;
                        break;
                    }
                }
            }
            if (chosen < 0) {
                return Optional.empty();
            }
            ledger.take(u, chosen);
            placement[u.id()] = chosen;
        }
        return Optional.of(placement);
    }
}
