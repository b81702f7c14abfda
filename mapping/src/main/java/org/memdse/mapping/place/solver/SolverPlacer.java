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
import org.memdse.core.mapping.MappingObjectives;
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
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * Places units on endpoints with OptaPlanner: copies the topology, partition and traffic model
 * into a {@link PlacementSolution}, solves (construction heuristic for anything the warm start
 * leaves open, then local search with change and swap moves under late acceptance), and copies
 * the placement back out as an {@code int[]}.
 *
 * <p>The solver is configured in code from {@link MapperOptions}: the seed is the random seed, the
 * environment is {@code REPRODUCIBLE}, the time limit ends the solve, and a step limit ends the
 * local search (tests use it: the result then does not depend on CPU speed). One solver factory
 * and one solver per call; instances are stateless and thread-safe.
 */
public final class SolverPlacer {
    /** Late acceptance compares with the score this many steps ago: long enough to cross a
     * plateau of swaps, short enough to converge within a 2 s budget on a few thousand units. */
    static final int LATE_ACCEPTANCE_SIZE = 400;

    /** Safety cap on score calculations per allowed step (ResNet-18 averages about 10). */
    static final long CALCULATIONS_PER_STEP = 100;

    private final EnvironmentMode environmentMode;

    public SolverPlacer() {
        this(EnvironmentMode.REPRODUCIBLE);
    }

    /** Tests run under {@code FULL_ASSERT}, which recomputes the score after every move. */
    SolverPlacer(EnvironmentMode environmentMode) {
        this.environmentMode = environmentMode;
    }

    /**
     * Places from the better of two starts, with default weights: the baseline placement (the
     * sequential one, so the result is never worse than it) and {@link TrafficAwareConstruction}.
     * A tile costs {@link PlacementWeights#TILE_FRACTION_OF_START_TRAFFIC} of the baseline's
     * traffic × hops.
     *
     * @param baseline       the sequential placement, if it found room for every unit
     * @param blocksPerChunk most crossbar blocks of a layer moved as one
     */
    public PlacementResult place(NetworkTopology topology, TrafficModel traffic, Optional<int[]> baseline,
                                 int blocksPerChunk, MapperOptions options) {
        ObjectiveCalculator objectives = new ObjectiveCalculator(topology, traffic);
        List<HopZone> zones = zones(topology);
        double startTraffic = baseline.map(objectives::trafficHops).orElse(0.0);
        long tileWeightGuess = PlacementWeights.defaults(startTraffic).endpointUsed();
        Optional<int[]> greedy = TrafficAwareConstruction.place(topology, traffic, zones, tileWeightGuess);
        if (baseline.isEmpty() && greedy.isPresent()) {
            startTraffic = objectives.trafficHops(greedy.get());
        }
        PlacementWeights weights = PlacementWeights.defaults(startTraffic);
        Optional<int[]> start = baseline;
        if (greedy.isPresent() && (start.isEmpty()
                || weighted(greedy.get(), objectives, weights) < weighted(start.get(), objectives, weights))) {
            start = greedy;
        }
        return place(topology, traffic, start, weights, blocksPerChunk, options);
    }

    /** The soft score a feasible placement would get, in soft units (traffic and tiles; the
     * squared-load tie-breaker left out). */
    private static double weighted(int[] placement, ObjectiveCalculator objectives, PlacementWeights weights) {
        MappingObjectives o = objectives.evaluate(placement);
        return o.trafficHops() * TrafficFlow.SOFT_PER_BIT_HOP * weights.trafficHops()
                + (double) (o.tilesUsed() + o.coresUsed()) * weights.endpointUsed();
    }

    /**
     * @param topology  endpoints, capacities and hop distances
     * @param traffic   the partition and its flows
     * @param warmStart a starting placement (unit id → endpoint, -1 for none), e.g. the sequential one
     * @param weights   soft weights
     * @param blocksPerChunk most crossbar blocks of a layer moved as one (a macro's crossbars)
     * @param options   seed, time limit, step limit, threads
     */
    public PlacementResult place(NetworkTopology topology, TrafficModel traffic, Optional<int[]> warmStart,
                                 PlacementWeights weights, int blocksPerChunk, MapperOptions options) {
        PlacementSolution problem = toSolution(topology, traffic, warmStart, weights, blocksPerChunk);
        SolverFactory<PlacementSolution> factory = SolverFactory.create(solverConfig(options));
        Solver<PlacementSolution> solver = factory.buildSolver();
        long start = System.nanoTime();
        PlacementSolution best = solver.solve(problem);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Moves evaluated, for the benchmark; DefaultSolver is the only Solver OptaPlanner builds.
        long evaluations = solver instanceof DefaultSolver<PlacementSolution> d
                ? d.getSolverScope().getScoreCalculationCount() : -1;
        return toResult(factory, best, millis, evaluations);
    }

    SolverConfig solverConfig(MapperOptions options) {
        TerminationConfig localSearchEnd = new TerminationConfig();
        options.stepLimit().ifPresent(steps -> localSearchEnd.setStepCountLimit(Math.toIntExact(steps)));
        LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
                .withMoveSelectorConfig(new UnionMoveSelectorConfig()
                        .withMoveSelectors(new ChangeMoveSelectorConfig(),
                                new SwapMoveSelectorConfig().withFilterClass(DistinctNodeSwapFilter.class)))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1))
                .withTerminationConfig(localSearchEnd);
        TerminationConfig solverEnd = new TerminationConfig().withSpentLimit(options.timeLimit());
        // A step ends only when a move is accepted; at a strict local optimum of a tiny problem
        // late acceptance can reject every move, and a step limit alone would then wait for the
        // time limit. Counting score calculations stops it too, and stays reproducible.
        options.stepLimit().ifPresent(steps ->
                solverEnd.setScoreCalculationCountLimit(Math.max(10_000L, steps * CALCULATIONS_PER_STEP)));
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlacementSolution.class)
                .withEntityClasses(UnitAssignment.class)
                .withConstraintProviderClass(PlacementConstraintProvider.class)
                // Bavet, not the Drools default: on ResNet-18 (3,000 units) Drools' group-by
                // bookkeeping evaluated only a few hundred moves per second.
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET)
                .withEnvironmentMode(environmentMode)
                .withRandomSeed(options.seed())
                .withTerminationConfig(solverEnd)
                .withPhases(new ConstructionHeuristicPhaseConfig()
                                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                        localSearch);
        if (options.threads() > 1) {
            config.setMoveThreadCount(Integer.toString(options.threads()));
        }
        return config;
    }

    /** Copies the records into OptaPlanner's mutable domain. */
    static PlacementSolution toSolution(NetworkTopology topology, TrafficModel traffic, Optional<int[]> warmStart,
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
        int[] start = warmStart.orElse(null);
        List<UnitAssignment> assignments = new ArrayList<>();
        List<MappingUnit> chunk = new ArrayList<>();
        for (NodeUnits n : partition.nodes()) {
            for (int id = n.firstUnit(); id < n.firstUnit() + n.count(); id++) {
                MappingUnit u = partition.units().get(id);
                boolean joins = !chunk.isEmpty() && u instanceof CrossbarBlock
                        && chunk.get(0) instanceof CrossbarBlock && chunk.size() < blocksPerChunk
                        && (start == null || start[id] == start[id - 1]);
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

    private static PlacementResult toResult(SolverFactory<PlacementSolution> factory, PlacementSolution best,
                                            long millis, long evaluations) {
        int[] placement = new int[best.getAssignments().stream().mapToInt(UnitAssignment::getSize).sum()];
        for (UnitAssignment a : best.getAssignments()) {
            for (MappingUnit u : a.getUnits()) {
                placement[u.id()] = a.getSlot() == null ? -1 : a.getSlot().index();
            }
        }
        SolutionManager<PlacementSolution, HardMediumSoftLongScore> manager = SolutionManager.create(factory);
        ScoreExplanation<PlacementSolution, HardMediumSoftLongScore> explanation = manager.explain(best);
        HardMediumSoftLongScore score = explanation.getScore();
        List<String> violations = new ArrayList<>();
        double trafficSoft = 0;
        for (ConstraintMatchTotal<HardMediumSoftLongScore> total : explanation.getConstraintMatchTotalMap().values()) {
            if (total.getConstraintName().equals(PlacementConstraintConfiguration.TRAFFIC_HOPS)) {
                // The match weights, before the configurable weight: milli-bit-hops.
                trafficSoft = total.getConstraintMatchSet().stream()
                        .mapToDouble(m -> -m.getScore().softScore()).sum()
                        / Math.max(1, best.getConfiguration().getTrafficHops().softScore());
            } else if (total.getScore().hardScore() != 0 || total.getScore().mediumScore() != 0) {
                total.getConstraintMatchSet().stream()
                        .map(m -> (ConstraintJustification) m.getJustification())
                        .map(Object::toString)
                        .sorted()
                        .forEach(violations::add);
            }
        }
        return new PlacementResult(placement, score.hardScore(), score.mediumScore(), score.softScore(),
                trafficSoft / TrafficFlow.SOFT_PER_BIT_HOP, violations, millis, evaluations);
    }
}
