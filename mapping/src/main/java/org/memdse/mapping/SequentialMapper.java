package org.memdse.mapping;

import java.util.Optional;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.mapping.place.SequentialPlacer;

/** Layers in order onto tiles in order ({@link SequentialPlacer}); the baseline of every report. */
public final class SequentialMapper extends PlacingMapper {
    public static final String NAME = "sequential";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    MappingOutcome place(MappingProblem problem, MapperOptions options, long startNanos) {
        Optional<int[]> placement = SequentialPlacer.place(problem);
        if (placement.isEmpty()) {
            return MappingAssembler.noRoom(problem, NAME);
        }
        return MappingAssembler.assemble(problem, NAME, placement.get(), millisSince(startNanos),
                Optional.of(problem.objectives().evaluate(placement.get())));
    }
}
