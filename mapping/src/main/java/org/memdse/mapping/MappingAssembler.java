package org.memdse.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.mapping.BoardLoad;
import org.memdse.core.mapping.LinkLoad;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingObjectives;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.mapping.MappingReport;
import org.memdse.core.mapping.Placement;
import org.memdse.core.mapping.Route;
import org.memdse.mapping.objective.EndpointTraffic;
import org.memdse.mapping.place.LowerBounds;
import org.memdse.mapping.place.SequentialPlacer;
import org.memdse.mapping.route.BoardPaths;
import org.memdse.mapping.route.Router;
import org.memdse.mapping.topology.BoardLink;
import org.memdse.mapping.topology.Link;
import org.memdse.mapping.topology.NetworkTopology;

/**
 * Turns a placement into the immutable {@link Mapping} every mapper returns: placements, the
 * routes of every (edge, endpoint pair) with traffic, per-link loads, and the report that sets
 * the objective beside the sequential baseline and the lower bound.
 */
public final class MappingAssembler {
    private MappingAssembler() {
    }

    public static MappingOutcome.Mapped assemble(MappingProblem problem, String mapper, int[] placement,
                                                 long solveMillis) {
        Optional<MappingObjectives> baseline = SequentialPlacer.place(problem).map(p -> problem.objectives().evaluate(p));
        return assemble(problem, mapper, placement, solveMillis, baseline);
    }

    static MappingOutcome.Mapped assemble(MappingProblem problem, String mapper, int[] placement, long solveMillis,
                                          Optional<MappingObjectives> baseline) {
        NetworkTopology topology = problem.topology();
        MappingObjectives objective = problem.objectives().evaluate(placement);
        boolean feasible = problem.objectives().capacityViolations(placement).isEmpty();
        MappingObjectives bound = LowerBounds.of(problem);
        // A sequential placement fails only for unevenly sized SNN groups; then report NaN traffic.
        MappingObjectives base = baseline.orElse(new MappingObjectives(0, 0, 0, Double.NaN, Double.NaN));

        List<Placement> placements = new ArrayList<>(placement.length);
        for (int u = 0; u < placement.length; u++) {
            placements.add(new Placement(u, placement[u]));
        }
        Router router = Router.forTopology(topology.kind());
        Map<Long, List<Integer>> paths = new HashMap<>();
        double[] load = new double[topology.links().size()];
        double[] boardLoad = new double[topology.boardLinks().size()];
        List<Route> routes = new ArrayList<>();
        for (EndpointTraffic t : problem.objectives().endpointTraffic(placement)) {
            long key = ((long) t.from() << 32) | t.to();
            List<Integer> links = paths.computeIfAbsent(key, k -> List.copyOf(BoardPaths.links(router, topology, t.from(), t.to(), BoardPaths.ON_CHIP_ONLY)));
            List<Integer> board = topology.chips() == 1 ? List.of()
                    : topology.boardRoute(topology.chipOf(t.from()), topology.chipOf(t.to()));
            routes.add(new Route(t.edge(), t.from(), t.to(), t.bits(), links, board));
            for (int l : links) {
                load[l] += t.bits();
            }
            for (int b : board) {
                boardLoad[b] += t.bits();
            }
        }
        List<LinkLoad> loads = new ArrayList<>();
        for (Link l : topology.links()) {
            if (load[l.id()] > 0) {
                loads.add(new LinkLoad(l.id(), l.from(), l.to(), load[l.id()]));
            }
        }
        List<BoardLoad> boardLoads = new ArrayList<>();
        for (BoardLink b : topology.boardLinks()) {
            if (boardLoad[b.id()] > 0) {
                boardLoads.add(new BoardLoad(b.id(), b.fromChip(), b.toChip(), boardLoad[b.id()]));
            }
        }
        MappingReport report = new MappingReport(mapper, objective, base, bound, solveMillis, feasible);
        return new MappingOutcome.Mapped(new Mapping(problem.architecture().name(), problem.network().name(),
                problem.partition().units(), topology.endpoints(), placements, routes, loads, report, boardLoads));
    }

    /** The DoesNotFit for a placer that found no room although the totals fit. */
    static MappingOutcome.DoesNotFit noRoom(MappingProblem problem, String mapper) {
        return new MappingOutcome.DoesNotFit(mapper + " placement found no room for every unit of "
                + problem.network().name() + " on " + problem.architecture().name()
                + " (the totals fit, but core-sized groups do not pack onto the cores)", Map.of(), Map.of());
    }
}
