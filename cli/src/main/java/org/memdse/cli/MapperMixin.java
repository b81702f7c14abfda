package org.memdse.cli;

import java.time.Duration;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.mapping.Mappers;
import picocli.CommandLine.Option;

/**
 * The options of every command that maps: which mapper, how long or how many steps it may search,
 * and whether layers are replicated to balance the pipeline.
 */
final class MapperMixin {
    @Option(names = "--mapper", paramLabel = "NAME",
            description = "solver, sequential or random (default: solver when present, else sequential).")
    String mapper;

    @Option(names = "--time-limit", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Solver wall-clock limit, e.g. 500ms, 2s, 1m (default: none). With it the result may depend "
                + "on the machine's speed; without it the step budget alone ends the solve.")
    Duration timeLimit;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed; the same seed and step limit give the same mapping (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--steps", paramLabel = "N",
            description = "Solver steps (default: sized to the problem, 500 per planning entity; at most 1,000,000,000 "
                + "without --time-limit). The same steps and seed give the same mapping on any machine.")
    Long steps;

    @Option(names = "--replicate",
            description = "Copy the slowest layers onto crossbars the network leaves free (ISAAC/PUMA-style "
                + "pipeline balancing): each copy takes a share of the layer's input vectors. Off by default.")
    boolean replicate;

    /** The mapper named, or the default; an unknown name is bad input. */
    Mapper mapper() {
        return resolve(mapper);
    }

    static Mapper resolve(String name) {
        if (name == null) {
            return Mappers.byName(Mappers.DEFAULT).or(() -> Mappers.byName("sequential")).orElseThrow();
        }
        return Mappers.byName(name).orElseThrow(() -> new UserInputException("no mapper '" + name
                + "'; the mappers are " + String.join(", ", Mappers.names())));
    }

    MapperOptions options() {
        MapperOptions options = MapperOptions.DEFAULT.withSeed(seed)
                .withReplication(replicate ? MapperOptions.Replication.BALANCE : MapperOptions.Replication.NONE);
        if (timeLimit != null) {
            options = options.withTimeLimit(timeLimit);
        }
        return withSteps(options, steps, timeLimit != null);
    }

    /** {@code options} with the {@code --steps} given (null: the solver's default), checked. */
    static MapperOptions withSteps(MapperOptions options, Long steps, boolean timeLimited) {
        if (steps == null) {
            return options;
        }
        String problem = MapperOptions.stepLimitProblem("--steps", steps, timeLimited);
        if (problem != null) {
            throw new UserInputException(problem);
        }
        return options.withStepLimit(steps);
    }
}
