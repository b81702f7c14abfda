package org.memdse.mapping.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * A seeded random placement that respects capacity: each unit, in id order, goes to an endpoint
 * of its kind drawn uniformly among those with room left. The same seed gives the same
 * placement. A reference point for how much structure the other mappers exploit.
 */
public final class RandomPlacer {
    private RandomPlacer() {
    }

    public static Optional<int[]> place(MappingProblem problem, long seed) {
        NetworkTopology topology = problem.topology();
        CapacityLedger ledger = new CapacityLedger(topology);
        SplittableRandom random = new SplittableRandom(seed);
        List<MappingUnit> units = problem.partition().units();
        int[] placement = new int[units.size()];
        List<Integer> room = new ArrayList<>();
        for (MappingUnit u : units) {
            room.clear();
            for (int e : topology.endpointsOf(u.resource())) {
                if (ledger.fits(u, e)) {
                    room.add(e);
                }
            }
            if (room.isEmpty()) {
                return Optional.empty();
            }
            int chosen = room.get(random.nextInt(room.size()));
            ledger.take(u, chosen);
            placement[u.id()] = chosen;
        }
        return Optional.of(placement);
    }
}
