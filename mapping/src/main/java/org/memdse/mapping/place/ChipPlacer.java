package org.memdse.mapping.place;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.mapping.MappingProblem;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Chip first, then place: the units are cut into chips with the least traffic between them
 * ({@link ChipAssigner}), then each chip's units go onto its endpoints in id order as the
 * {@link SequentialPlacer} fills a chip. A unit its chip cannot hold after all (SNN groups that do
 * not pack) goes to the first endpoint of any chip with room. On one chip it is the sequential
 * placement.
 */
public final class ChipPlacer {
    private ChipPlacer() {
    }

    /** The placement (unit id → endpoint), or empty if some unit finds no room. */
    public static Optional<int[]> place(MappingProblem problem) {
        NetworkTopology topology = problem.topology();
        if (topology.chips() == 1) {
            return SequentialPlacer.place(problem);
        }
        int[] chipOf = ChipAssigner.assign(problem);
        CapacityLedger ledger = new CapacityLedger(topology);
        int chips = topology.chips();
        int perChip = topology.chipTopology().endpointCount();
        int[] cursor = new int[chips * org.memdse.core.mapping.ResourceKind.values().length];
        List<MappingUnit> units = problem.partition().units();
        int[] placement = new int[units.size()];
        List<MappingUnit> homeless = new ArrayList<>();
        for (MappingUnit u : units) {
            int c = chipOf[u.id()];
            int k = c * org.memdse.core.mapping.ResourceKind.values().length + u.resource().ordinal();
            int e = cursor[k];
            while (e < perChip && !ledger.fits(u, c * perChip + e)) {
                e++;
            }
            if (e < perChip) {
                cursor[k] = e;
                ledger.take(u, c * perChip + e);
                placement[u.id()] = c * perChip + e;
            } else {
                homeless.add(u);
            }
        }
        for (MappingUnit u : homeless) {
            int chosen = -1;
            for (int e = 0; e < topology.endpointCount() && chosen < 0; e++) {
                if (ledger.fits(u, e)) {
                    chosen = e;
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
