package org.memdse.mapping;

import java.util.Optional;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.mapping.place.RandomPlacer;

/** A seeded, capacity-respecting random placement ({@link RandomPlacer}). */
public final class RandomMapper extends PlacingMapper {
    public static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    MappingOutcome place(MappingProblem problem, MapperOptions options, long startNanos) {
        Optional<int[]> placement = RandomPlacer.place(problem, options.seed());
        if (placement.isEmpty()) {
            return MappingAssembler.noRoom(problem, NAME);
        }
        return MappingAssembler.assemble(problem, NAME, placement.get(), millisSince(startNanos));
    }
}
