package org.memdse.core.explore;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.spec.Keyed;
import org.memdse.core.spec.SourcePosition;

/**
 * A sweep as read from its file (see {@link SweepReader}; the format is in the README,
 * "Sweeps"): a base architecture, networks, a mapper, the parameters and how to sample them,
 * constraints and objectives. References (architecture, networks, mapper) are kept as written,
 * with their positions, for the caller to resolve.
 *
 * @param file         the sweep file's display name
 * @param name         the sweep's name
 * @param description  free text
 * @param architecture the base architecture: a file (relative to the sweep file) or a bundled id
 * @param networks     network files or bundled ids, at least one
 * @param mapper       the mapper's name
 * @param timeLimit    the mapper's wall-clock limit per point, only if the file gives one ({@code
 *                     mapper.time_limit}); without one the step budget alone ends a solve
 * @param seed         the mapper's seed
 * @param convention   how operations are counted for TOPS
 * @param sampling     how points are chosen
 * @param parameters   the swept parameters, at least one
 * @param constraints  bounds a feasible point meets
 * @param objectives   the Pareto front's objectives (may be empty: no front)
 * @param variants     named points that set several paths at once, each crossed with the grid (may be empty)
 * @param replicate    whether the mapper copies the slowest layers onto spare crossbars ({@code mapper.replicate})
 * @param stepLimit    the solver's step limit per point ({@code mapper.steps}), if given: the same mapping on
 *                     any machine, so a solver-mapped sweep is reproducible
 * @param mode         what each point prices ({@code mode}): inference (the default), training or online
 *                     learning, with the learning columns of the CSV filled in the learning modes
 * @param modeAt       where the file gives the mode (the file's top when it does not), for messages
 */
public record SweepPlan(String file, String name, String description, Reference architecture, List<Reference> networks,
                        Reference mapper, Optional<Duration> timeLimit, long seed, OpConvention convention,
                        Sampling sampling, List<Parameter> parameters, List<DesignConstraint> constraints, List<Objective> objectives,
                        List<Variant> variants, boolean replicate, OptionalLong stepLimit, EvaluationMode mode,
                        SourcePosition modeAt) {
    /** A name or file as written in the sweep file, and where. */
    public record Reference(String text, SourcePosition at) {
        public Reference {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Sampling strategies. */
    public enum Strategy implements Keyed {
        GRID("grid"), RANDOM("random"), LATIN_HYPERCUBE("latin-hypercube");

        private final String key;

        Strategy(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /**
     * How points are chosen.
     *
     * @param strategy grid, random or Latin hypercube
     * @param samples  points to draw (random, Latin hypercube); ignored for a grid
     * @param seed     seed of the draw
     */
    public record Sampling(Strategy strategy, long samples, long seed) {
        public Sampling {
            Objects.requireNonNull(strategy, "strategy");
        }
    }

    public SweepPlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(sampling, "sampling");
        networks = List.copyOf(networks);
        parameters = List.copyOf(parameters);
        constraints = List.copyOf(constraints);
        objectives = List.copyOf(objectives);
        variants = List.copyOf(variants);
        Objects.requireNonNull(stepLimit, "stepLimit");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(modeAt, "modeAt");
    }

    /** A plan without variants or replication (the form before they existed). */
    public SweepPlan(String file, String name, String description, Reference architecture, List<Reference> networks,
                     Reference mapper, Duration timeLimit, long seed, OpConvention convention, Sampling sampling,
                     List<Parameter> parameters, List<DesignConstraint> constraints, List<Objective> objectives) {
        this(file, name, description, architecture, networks, mapper, Optional.of(timeLimit), seed, convention, sampling,
                parameters,
                constraints, objectives, List.of(), false, OptionalLong.empty(), EvaluationMode.INFERENCE,
                architecture.at());
    }

    /** The sampler of this plan (lazy: nothing is expanded): the parameters' points, times the variants if any. */
    public Sampler sampler() {
        Sampler points = switch (sampling.strategy()) {
            case GRID -> new GridSampler(parameters);
            case RANDOM -> new RandomSampler(parameters, sampling.samples(), sampling.seed());
            case LATIN_HYPERCUBE -> new LatinHypercubeSampler(parameters, sampling.samples(), sampling.seed());
        };
        return variants.isEmpty() ? points : new VariantSampler(points, variants.size());
    }

    /** The names of the variants, in file order (empty: the CSV has no {@code variant} column). */
    public List<String> variantNames() {
        return variants.stream().map(Variant::name).toList();
    }

    /** The same plan with further objectives (e.g. from the command line); duplicates are dropped. */
    public SweepPlan withObjectives(List<Objective> more) {
        List<Objective> all = new java.util.ArrayList<>(objectives);
        for (Objective o : more) {
            if (!all.contains(o)) {
                all.add(o);
            }
        }
        return new SweepPlan(file, name, description, architecture, networks, mapper, timeLimit, seed, convention,
                sampling, parameters, constraints, all, variants, replicate, stepLimit, mode, modeAt);
    }

    /** The CSV's parameter columns ({@code param.<path>}), in parameter order. */
    public List<String> parameterColumns() {
        return parameters.stream().map(Parameter::column).toList();
    }
}
