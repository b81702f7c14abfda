package org.memdse.mapping;

import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.mapping.place.RandomPlacer;

/** A seeded, capacity-respecting random placement ({@link RandomPlacer}). */
public final class RandomMapper implements Mapper {
    public static final String NAME = "random";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public MappingOutcome map(Architecture architecture, NetworkGraph network, MapperOptions options) {
        long start = System.nanoTime();
        MappingProblem.Preparation prep = MappingProblem.prepare(architecture, network, options);
        if (prep instanceof MappingProblem.Rejected r) {
            return r.doesNotFit();
        }
        MappingProblem problem = ((MappingProblem.Ready) prep).problem();
        Optional<int[]> placement = RandomPlacer.place(problem, options.seed());
        if (placement.isEmpty()) {
            return MappingAssembler.noRoom(problem, NAME);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return MappingAssembler.assemble(problem, NAME, placement.get(), millis);
    }
}
