package org.memdse.mapping.place.solver;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.mapping.BoundaryUnit;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.Endpoint;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.objective.Flow;
import org.memdse.mapping.objective.ObjectiveCalculator;
import org.memdse.mapping.objective.TrafficModel;
import org.memdse.mapping.partition.NodeUnits;
import org.memdse.mapping.partition.Partition;
import org.memdse.mapping.place.solver.domain.DistinctNodeSwapFilter;
import org.memdse.mapping.place.solver.domain.EndpointSlot;
import org.memdse.mapping.place.solver.domain.HopZone;
import org.memdse.mapping.place.solver.domain.NodeRef;
import org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration;
import org.memdse.mapping.place.solver.domain.PlacementSolution;
import org.memdse.mapping.place.solver.domain.TrafficFlow;
import org.memdse.mapping.place.solver.domain.UnitAssignment;
import org.memdse.mapping.place.solver.score.PlacementConstraintProvider;
import org.memdse.mapping.place.solver.score.PlacementScoreCalculator;
import org.memdse.mapping.topology.Capacity;
import org.memdse.mapping.topology.NetworkTopology;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.score.stream.ConstraintJustification;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicType;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Places units on endpoints with OptaPlanner: copies the topology, partition and traffic model
 * into a {@link PlacementSolution} whose planning entities are the finest chunks of
 * {@link ChunkLevels}, solves, and copies the placement back out as an {@code int[]}.
 *
 * <p>The solve has three phases. First-fit-decreasing construction places whatever the warm start
 * leaves open; late-acceptance local search with change and swap moves repairs a placement that
 * breaks a capacity or leaves a unit out (it ends at once when nothing is broken); then the
 * {@link AnnealingPhase} improves the placement with {@link ChunkAnnealer}, level by level from a
 * tile's worth of blocks to a macro's. The score is {@link PlacementScoreCalculator}, incremental.
 * When the start already places every unit within capacity (the usual case: the sequential
 * baseline), only the annealing has work to do, and it runs on the solution without building an
 * OptaPlanner solver ({@link #annealDirectly}), to the same placement.
 *
 * <p>The budget is counted in steps, so that a result never depends on the machine: the options'
 * step limit, or {@link #defaultSteps(int)} for the problem. A time limit, only when the options
 * carry one, can end the solve earlier. The environment is {@code REPRODUCIBLE}, the options' seed
 * seeds everything. One solver factory and one solver per call; instances are stateless and
 * thread-safe.
 */
public final class SolverPlacer {
    /**
     * Default annealing steps (candidate swaps and moves) per planning entity, over all levels and
     * per search. Mean traffic × hops against the sequential baseline on ISAAC-CE, seeds 1-4, at
     * 100 / 250 / 500 / 1,000 / 2,000 steps per entity: ResNet-18 (403 entities) 0.575 / 0.561 /
     * 0.545 / 0.543 / 0.543; ResNet-50 (879) 0.515 / 0.502 / 0.506 / 0.508 / 0.511; MobileNetV2
     * (234) 0.375 / 0.375 / 0.375 / 0.369 / 0.363; VGG-8 (430) 0.817 throughout; the Fig. 4 hybrid
     * network 0.784 throughout. Past 500 the searches no longer improve on average, so 500 it is;
     * a step costs about 0.05 µs (20 million a second on one core), a few hundredths of a second
     * per search on problems of this size.
     */
    public static final long STEPS_PER_ENTITY = 500;

    /** The default never falls below this: a tiny problem still gets a real search. */
    public static final long MIN_STEPS = 20_000;

    /**
     * Each level's annealing starts at this share of the placement's weighted traffic × hops:
     * hot enough to move a layer's chunk a few hops against the traffic, cold enough not to lose
     * the structure of the start (0.3 % and 1 % did equally well; 0.03 % hardly moved).
     */
    static final double START_TEMPERATURE = 0.01;

    /** Repair steps per planning entity when the start breaks a capacity or leaves units out. */
    static final int REPAIR_STEPS_PER_ENTITY = 10;

    /** Late acceptance compares with the score this many steps ago (repair phase). */
    static final int LATE_ACCEPTANCE_SIZE = 400;

    /** Safety cap on score calculations per repair step: at a strict local optimum of a tiny
     * problem late acceptance can reject every move, and a step would never end. */
    static final long CALCULATIONS_PER_STEP = 100;

    private final EnvironmentMode environmentMode;

    public SolverPlacer() {
        this(EnvironmentMode.REPRODUCIBLE);
    }

    /** Tests run under {@code FULL_ASSERT}, which recomputes the score after every move. */
    SolverPlacer(EnvironmentMode environmentMode) {
        this.environmentMode = environmentMode;
    }

    /** The default step budget: {@link #STEPS_PER_ENTITY} per planning entity, at least {@link #MIN_STEPS}. */
    public static long defaultSteps(int entities) {
        return Math.max(MIN_STEPS, STEPS_PER_ENTITY * entities);
    }

    /**
     * Places with default weights from two starts, one per search side by side (round robin):
     * the baseline placement (the sequential one, so the result is never worse than it) and
     * {@link ChainCutConstruction} on it; without a baseline, from {@link TrafficAwareConstruction}.
     * A tile costs {@link PlacementWeights#TILE_FRACTION_OF_START_TRAFFIC} of the start's traffic
     * × hops.
     *
     * <p>Why these two: annealed from the sequential start, ResNet-18 and ResNet-50 on ISAAC-CE
     * ended at 0.54× and 0.50× the sequential traffic × hops, against 0.55-0.58× and 0.52-0.53×
     * from the greedy or the chain-cut start; MobileNetV2 only improves from the chain-cut start
     * (0.35×, 1.00× from the others), and the Fig. 4 hybrid system from it or the greedy one
     * (0.78× and 0.77×, 0.92× from the sequential one). The greedy start adds no search of its
     * own where there is a baseline, and costs time.
     *
     * @param baseline the sequential placement, if it found room for every unit
     * @param levels   units per chunk the search moves, coarsest first
     */
    public PlacementResult place(NetworkTopology topology, TrafficModel traffic, Optional<int[]> baseline,
                                 ChunkLevels levels, MapperOptions options) {
        ObjectiveCalculator objectives = new ObjectiveCalculator(topology, traffic);
        List<HopZone> zones = zones(topology);
        List<int[]> starts = new ArrayList<>();
        if (baseline.isPresent()) {
            starts.add(baseline.get());
        } else {
            // The tile weight only steers the greedy placement; no traffic known yet, one bit-hop.
            TrafficAwareConstruction.place(topology, traffic, zones, PlacementWeights.defaults(0).endpointUsed())
                    .ifPresent(starts::add);
        }
        PlacementWeights weights = PlacementWeights.defaults(starts.isEmpty() ? 0 : objectives.trafficHops(starts.get(0)));
        if (baseline.isPresent()) {
            double tileBits = weights.endpointUsed() / (TrafficFlow.SOFT_PER_BIT_HOP * weights.trafficHops());
            ChainCutConstruction.place(topology, traffic, zones, baseline.get(), tileBits, levels.finest())
                    .ifPresent(starts::add);
        }
        return place(topology, traffic, starts, weights, levels, options);
    }

    /**
     * @param topology endpoints, capacities and hop distances
     * @param traffic  the partition and its flows
     * @param starts   starting placements (unit id → endpoint, -1 for none), e.g. the sequential
     *                 one; the first is the working solution (completed and repaired if need be),
     *                 the others, which must be complete and within capacity, seed further searches;
     *                 none: construction from scratch
     * @param weights  soft weights
     * @param levels   units per chunk the search moves, coarsest first; the finest is the entity
     * @param options  seed, step limit, time limit, searches side by side
     */
    public PlacementResult place(NetworkTopology topology, TrafficModel traffic, List<int[]> starts,
                                 PlacementWeights weights, ChunkLevels levels, MapperOptions options) {
        long start = System.nanoTime();
        PlacementSolution problem = toSolution(topology, traffic, starts, weights, levels.finest());
        List<int[]> entityStarts = new ArrayList<>();
        entityStarts.add(null);
        for (int s = 1; s < starts.size(); s++) {
            int[] units = starts.get(s);
            entityStarts.add(problem.getAssignments().stream().mapToInt(a -> units[a.getUnits().get(0).id()]).toArray());
        }
        boolean startIsComplete = !starts.isEmpty()
                && new ObjectiveCalculator(topology, traffic).capacityViolations(starts.get(0)).isEmpty();
        if (startIsComplete && environmentMode != EnvironmentMode.FULL_ASSERT) {
            annealDirectly(problem, annealingPhase(options, levels, problem.getAssignments().size(), entityStarts,
                    start));
            return toResult(problem, (System.nanoTime() - start) / 1_000_000, 0);
        }
        SolverFactory<PlacementSolution> factory = SolverFactory.create(
                solverConfig(options, levels, problem.getAssignments().size(), entityStarts, startIsComplete, start));
        Solver<PlacementSolution> solver = factory.buildSolver();
        PlacementSolution best = solver.solve(problem);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Moves OptaPlanner scored (construction and repair; the annealing scores its own).
        long evaluations = solver instanceof DefaultSolver<PlacementSolution> d
                ? d.getSolverScope().getScoreCalculationCount() : -1;
        return toResult(best, millis, evaluations);
    }

    /**
     * The annealing phase alone, on the solution itself, for a start that places every unit within
     * capacity: what OptaPlanner would do with a solver whose only phase is the annealing (it keeps
     * the result only if its score is strictly better than the start's, as OptaPlanner's best
     * solution recaller does), without building a solver. That build and its solve cost more than
     * the search itself in a fresh JVM: on VGG-8 / ISAAC-CE some 1.3 s of class loading and
     * set-up against 0.27 s of annealing (a loaded 2-core machine). Tests run the same phase
     * through OptaPlanner under {@code FULL_ASSERT}.
     */
    private static void annealDirectly(PlacementSolution solution, AnnealingPhase annealing) {
        List<UnitAssignment> assignments = solution.getAssignments();
        EndpointSlot[] start = new EndpointSlot[assignments.size()];
        for (int i = 0; i < start.length; i++) {
            start[i] = assignments.get(i).getSlot();
        }
        HardMediumSoftLongScore startScore = score(solution);
        if (annealing.deadlineNanos() != Long.MAX_VALUE && System.nanoTime() - annealing.deadlineNanos() >= 0) {
            return; // OptaPlanner would not start a phase after the time limit either
        }
        int[] best = annealing.search(solution);
        List<EndpointSlot> slots = solution.getSlots();
        for (int i = 0; i < best.length; i++) {
            assignments.get(i).setSlot(best[i] < 0 ? null : slots.get(best[i]));
        }
        if (score(solution).compareTo(startScore) <= 0) {
            for (int i = 0; i < start.length; i++) {
                assignments.get(i).setSlot(start[i]);
            }
        }
    }

    private static HardMediumSoftLongScore score(PlacementSolution solution) {
        PlacementScoreCalculator calculator = new PlacementScoreCalculator();
        calculator.resetWorkingSolution(solution);
        return calculator.calculateScore();
    }

    /**
     * @param entities     planning entities
     * @param entityStarts the start of each search, round robin (entity → endpoint; null: the working solution)
     * @param startIsComplete whether the working solution places every unit within capacity: then
     *                     construction and repair have nothing to do and are left out (they cost
     *                     class loading and warm-up in a fresh JVM)
     * @param startNanos {@link System#nanoTime()} when the placement began, for a time limit
     */
    SolverConfig solverConfig(MapperOptions options, ChunkLevels levels, int entities, List<int[]> entityStarts,
                              boolean startIsComplete, long startNanos) {
        long repairSteps = Math.max(1000, (long) REPAIR_STEPS_PER_ENTITY * entities);
        LocalSearchPhaseConfig repair = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig()
                        .withMoveSelectors(new ChangeMoveSelectorConfig(),
                                new SwapMoveSelectorConfig().withFilterClass(DistinctNodeSwapFilter.class)))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withTerminationConfig(new TerminationConfig()
                        // Ends at once when nothing is broken or left out.
                        .withBestScoreLimit("0hard/0medium/" + Long.MIN_VALUE + "soft")
                        .withStepCountLimit(Math.toIntExact(Math.min(Integer.MAX_VALUE, repairSteps)))
                        .withScoreCalculationCountLimit(repairSteps * CALCULATIONS_PER_STEP));
        CustomPhaseConfig annealing = new CustomPhaseConfig().withCustomPhaseCommands(
                annealingPhase(options, levels, entities, entityStarts, startNanos));
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(UnitAssignment.class)
                .withScoreDirectorFactory(scoreDirector())
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(options.seed())
                .withPhaseList(startIsComplete ? List.of(annealing) : List.of(new ConstructionHeuristicPhaseConfig()
                                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                        repair, annealing));
        // OptaPlanner counts whole milliseconds (it refuses a limit with nanoseconds in it).
        options.timeLimit().ifPresent(limit -> config.setTerminationConfig(new TerminationConfig()
                .withMillisecondsSpentLimit(Math.max(1, (limit.toNanos() + 999_999) / 1_000_000))));
        return config;
    }

    /** The annealing for the options' step budget (else the default for the problem) and time limit, if any. */
    private static AnnealingPhase annealingPhase(MapperOptions options, ChunkLevels levels, int entities,
                                                 List<int[]> entityStarts, long startNanos) {
        long steps = options.stepLimit().orElse(defaultSteps(entities));
        long deadline = options.timeLimit().map(t -> startNanos + t.toNanos()).orElse(Long.MAX_VALUE);
        return new AnnealingPhase(levels.unitsPerChunk(), steps, START_TEMPERATURE, options.seed(), options.threads(),
                entityStarts, deadline);
    }

    /**
     * The incremental calculator scores the moves; under {@code FULL_ASSERT} (tests) the
     * constraint streams recompute every score beside it, so the two must agree exactly.
     */
    private ScoreDirectorFactoryConfig scoreDirector() {
        ScoreDirectorFactoryConfig config = new ScoreDirectorFactoryConfig()
                .withIncrementalScoreCalculatorClass(PlacementScoreCalculator.class);
        if (environmentMode == EnvironmentMode.FULL_ASSERT) {
            config.setAssertionScoreDirectorFactory(constraintStreams());
        }
        return config;
    }

    /** The declarative form of the same score, with a justification for every violation. */
    private static ScoreDirectorFactoryConfig constraintStreams() {
        // Bavet, not the Drools default: on ResNet-18 (3,000 units) Drools' group-by
        // bookkeeping evaluated only a few hundred moves per second.
        return new ScoreDirectorFactoryConfig()
                .withConstraintProviderClass(PlacementConstraintProvider.class)
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);
    }

    /** Copies the records into OptaPlanner's mutable domain, from one start or none. */
    static PlacementSolution toSolution(NetworkTopology topology, TrafficModel traffic, Optional<int[]> warmStart,
                                       PlacementWeights weights, int blocksPerChunk) {
        return toSolution(topology, traffic, warmStart.map(List::of).orElse(List.of()), weights, blocksPerChunk);
    }

    /**
     * Copies the records into OptaPlanner's mutable domain; entities never span two endpoints in
     * any of the starts, and sit where the first start puts them.
     */
    static PlacementSolution toSolution(NetworkTopology topology, TrafficModel traffic, List<int[]> starts,
                                       PlacementWeights weights, int blocksPerChunk) {
        if (blocksPerChunk < 1) {
            throw new IllegalArgumentException("blocksPerChunk must be >= 1");
        }
        List<HopZone> zones = zones(topology);
        List<EndpointSlot> slots = new ArrayList<>(topology.endpointCount());
        Map<ResourceKind, List<EndpointSlot>> byKind = new EnumMap<>(ResourceKind.class);
        for (Endpoint e : topology.endpoints()) {
            Capacity c = topology.capacity(e.index());
            EndpointSlot slot = EndpointSlot.of(e, c.crossbars(), c.neurons(), c.synapseRows(),
                    zones.get(e.index()));
            slots.add(slot);
            byKind.computeIfAbsent(e.resource(), k -> new ArrayList<>()).add(slot);
        }
        Partition partition = traffic.partition();
        List<NodeRef> nodes = new ArrayList<>();
        for (NodeUnits n : partition.nodes()) {
            nodes.add(new NodeRef(n.index(), n.node(), n.count()));
        }
        List<TrafficFlow> flows = new ArrayList<>();
        for (Flow f : traffic.flows()) {
            flows.add(new TrafficFlow(flows.size(), nodes.get(f.from()), nodes.get(f.to()), f.bits()));
        }
        int[] start = starts.isEmpty() ? null : starts.get(0);
        List<UnitAssignment> assignments = new ArrayList<>();
        List<MappingUnit> chunk = new ArrayList<>();
        for (NodeUnits n : partition.nodes()) {
            for (int id = n.firstUnit(); id < n.firstUnit() + n.count(); id++) {
                MappingUnit u = partition.units().get(id);
                boolean joins = !chunk.isEmpty() && u instanceof CrossbarBlock
                        && chunk.get(0) instanceof CrossbarBlock && chunk.size() < blocksPerChunk
                        && sameEndpoint(starts, id - 1, id);
                if (!joins && !chunk.isEmpty()) {
                    assignments.add(chunkAssignment(assignments.size(), chunk, nodes.get(n.index()), slots, byKind,
                            start));
                    chunk.clear();
                }
                chunk.add(u);
            }
            if (!chunk.isEmpty()) {
                assignments.add(chunkAssignment(assignments.size(), chunk, nodes.get(n.index()), slots, byKind, start));
                chunk.clear();
            }
        }
        return new PlacementSolution(slots, nodes, flows, assignments,
                new PlacementConstraintConfiguration(weights.trafficHops(), weights.endpointUsed(),
                        weights.loadImbalance()));
    }

    private static boolean sameEndpoint(List<int[]> starts, int a, int b) {
        for (int[] s : starts) {
            if (s[a] != s[b]) {
                return false;
            }
        }
        return true;
    }

    /**
     * One entity for consecutive units of a node: blocks up to {@code blocksPerChunk} that share
     * their warm-start endpoint (so the warm start is copied exactly), core groups and boundary
     * units alone.
     */
    private static UnitAssignment chunkAssignment(int id, List<MappingUnit> units, NodeRef node,
                                                  List<EndpointSlot> slots,
                                                  Map<ResourceKind, List<EndpointSlot>> byKind, int[] start) {
        MappingUnit first = units.get(0);
        List<EndpointSlot> compatible = byKind.getOrDefault(first.resource(), List.of());
        EndpointSlot at = start != null && start[first.id()] >= 0 ? slots.get(start[first.id()]) : null;
        // The squared load counts units on tiles and cores; boundary units share nothing.
        long load = first instanceof BoundaryUnit ? 0 : units.size();
        return new UnitAssignment(id, units, node, load, compatible, at);
    }

    /**
     * The hop zone of every endpoint, by endpoint index: endpoints zero hops apart whose hops to
     * all endpoints are equal share a zone (the tiles under one router). Zone hops are the
     * endpoint hops of any member, so traffic × hops is unchanged.
     */
    static List<HopZone> zones(NetworkTopology topology) {
        int n = topology.endpointCount();
        int[][] rows = new int[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                rows[a][b] = topology.hops(a, b);
            }
        }
        int[] zoneOf = new int[n];
        List<Integer> representatives = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            zoneOf[a] = -1;
            for (int z = 0; z < representatives.size(); z++) {
                int r = representatives.get(z);
                if (rows[a][r] == 0 && java.util.Arrays.equals(rows[a], rows[r])) {
                    zoneOf[a] = z;
                    break;
                }
            }
            if (zoneOf[a] < 0) {
                zoneOf[a] = representatives.size();
                representatives.add(a);
            }
        }
        List<HopZone> zones = new ArrayList<>();
        for (int z = 0; z < representatives.size(); z++) {
            int[] hops = new int[representatives.size()];
            for (int y = 0; y < hops.length; y++) {
                hops[y] = rows[representatives.get(z)][representatives.get(y)];
            }
            zones.add(new HopZone(z, hops));
        }
        List<HopZone> byEndpoint = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            byEndpoint.add(zones.get(zoneOf[a]));
        }
        return byEndpoint;
    }

    private PlacementResult toResult(PlacementSolution best, long millis, long evaluations) {
        int[] placement = new int[best.getAssignments().stream().mapToInt(UnitAssignment::getSize).sum()];
        for (UnitAssignment a : best.getAssignments()) {
            for (MappingUnit u : a.getUnits()) {
                placement[u.id()] = a.getSlot() == null ? -1 : a.getSlot().index();
            }
        }
        PlacementScoreCalculator calculator = new PlacementScoreCalculator();
        calculator.resetWorkingSolution(best);
        HardMediumSoftLongScore score = calculator.calculateScore();
        double trafficHops = calculator.trafficMilliBitHops() / TrafficFlow.SOFT_PER_BIT_HOP;
        List<String> violations = score.hardScore() == 0 && score.mediumScore() == 0 ? List.of() : violations(best);
        return new PlacementResult(placement, score.hardScore(), score.mediumScore(), score.softScore(),
                trafficHops, violations, millis, evaluations);
    }

    /**
     * The justification of every hard and medium penalty, from the constraint streams (built only
     * for a placement that breaks something, which is rare: the incremental calculator has no
     * justifications).
     */
    static List<String> violations(PlacementSolution best) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(UnitAssignment.class)
                .withScoreDirectorFactory(constraintStreams());
        SolutionManager<PlacementSolution, HardMediumSoftLongScore> manager =
                SolutionManager.create(SolverFactory.create(config));
        ScoreExplanation<PlacementSolution, HardMediumSoftLongScore> explanation = manager.explain(best);
        List<String> violations = new ArrayList<>();
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            if (total.getScore().hardScore() != 0 || total.getScore().mediumScore() != 0) {
                total.getConstraintMatchSet().stream()
                        .map(m -> (ConstraintJustification) m.getJustification())
                        .map(Object::toString)
                        .sorted()
                        .forEach(violations::add);
            }
        }
        return violations;
    }
}
