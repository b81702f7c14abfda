package org.memdse.mapping.place.solver.score;

import java.util.ArrayList;
import java.util.List;
import org.memdse.mapping.place.solver.domain.EndpointSlot;
import org.memdse.mapping.place.solver.domain.HopZone;
import org.memdse.mapping.place.solver.domain.PlacementConstraintConfiguration;
import org.memdse.mapping.place.solver.domain.PlacementSolution;
import org.memdse.mapping.place.solver.domain.TrafficFlow;
import org.memdse.mapping.place.solver.domain.UnitAssignment;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.calculator.IncrementalScoreCalculator;

/**
 * The placement score, kept up to date move by move; the same score as
 * {@link PlacementConstraintProvider} (the tests run both under {@code FULL_ASSERT} and compare).
 *
 * <p>Hard: crossbars, neurons and synapse rows over each endpoint's capacity, units on an
 * endpoint of the wrong kind. Medium: unassigned units. Soft: traffic × hops, endpoints used,
 * squared load per endpoint, each times its weight from {@link PlacementConstraintConfiguration}.
 *
 * <p>Why not constraint streams alone: on ResNet-18 / ISAAC-CE the stream network (two group-bys
 * and two joins per flow end) scored 10-40 thousand moves per second, too few to converge in a
 * couple of seconds. Here a flow A→B keeps {@code S = Σ_{z,z'} share_A(z) · share_B(z') ·
 * hops(z, z')} as an exact integer, and every node keeps its <i>potential</i> {@code P_A(z) =
 * Σ_{z'} share_A(z') · hops(z, z')}: putting {@code k} units of A into zone {@code z} adds
 * {@code k · P_B(z)} to S and {@code k · hops(·, z)} to P_A. A move thus costs O(flows of the node +
 * zones), and the traffic penalty of a flow is {@code round(S × bits × 1000 / (S_A · S_B))}
 * milli-bit-hops, rounded once per flow from an exact integer, so the running total never
 * drifts.
 */
public class PlacementScoreCalculator
        implements IncrementalScoreCalculator<PlacementSolution, HardMediumSoftLongScore> {
    private int[][] zoneHops;
    private int zones;
    /** Per node: the flows it takes part in, and the node at the other end. */
    private int[][] flowsOfNode;
    private int[][] otherEndOfNode;
    private double[] softPerSharePair;
    private long[] flowShareHops;
    private long[] flowPenalty;
    private long[][] potential;

    private int[] crossbarsUsed;
    private int[] neuronsUsed;
    private int[] rowsUsed;
    private int[] chunksOn;
    private long[] loadOn;
    private EndpointSlot[] slotByIndex;

    private long hard;
    private long medium;
    private long traffic;
    private long endpointsUsed;
    private long loadSquares;
    private long trafficWeight;
    private long endpointWeight;
    private long loadWeight;

    @Override
    public void resetWorkingSolution(PlacementSolution solution) {
        List<EndpointSlot> slots = solution.getSlots();
        int slotCount = slots.stream().mapToInt(EndpointSlot::index).max().orElse(-1) + 1;
        slotByIndex = new EndpointSlot[slotCount];
        zones = 0;
        for (EndpointSlot s : slots) {
            slotByIndex[s.index()] = s;
            zones = Math.max(zones, s.zone().index() + 1);
        }
        zoneHops = new int[zones][];
        for (EndpointSlot s : slots) {
            HopZone z = s.zone();
            zoneHops[z.index()] = z.hops();
        }
        int nodes = solution.getNodes().stream().mapToInt(n -> n.index()).max().orElse(-1) + 1;
        for (UnitAssignment a : solution.getAssignments()) {
            nodes = Math.max(nodes, a.getNode().index() + 1);
        }
        List<TrafficFlow> flows = solution.getFlows();
        List<List<int[]>> ends = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            ends.add(new ArrayList<>());
        }
        softPerSharePair = new double[flows.size()];
        for (int f = 0; f < flows.size(); f++) {
            TrafficFlow flow = flows.get(f);
            softPerSharePair[f] = flow.softPerSharePair();
            ends.get(flow.from().index()).add(new int[] {f, flow.to().index()});
            ends.get(flow.to().index()).add(new int[] {f, flow.from().index()});
        }
        flowsOfNode = new int[nodes][];
        otherEndOfNode = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
            flowsOfNode[n] = ends.get(n).stream().mapToInt(e -> e[0]).toArray();
            otherEndOfNode[n] = ends.get(n).stream().mapToInt(e -> e[1]).toArray();
        }
        flowShareHops = new long[flows.size()];
        flowPenalty = new long[flows.size()];
        potential = new long[nodes][zones];
        crossbarsUsed = new int[slotCount];
        neuronsUsed = new int[slotCount];
        rowsUsed = new int[slotCount];
        chunksOn = new int[slotCount];
        loadOn = new long[slotCount];
        hard = 0;
        medium = 0;
        traffic = 0;
        endpointsUsed = 0;
        loadSquares = 0;
        PlacementConstraintConfiguration c = solution.getConfiguration();
        trafficWeight = c.getTrafficHops().softScore();
        endpointWeight = c.getEndpointsUsed().softScore();
        loadWeight = c.getLoadImbalance().softScore();
        for (UnitAssignment a : solution.getAssignments()) {
            insert(a);
        }
    }

    @Override
    public void beforeEntityAdded(Object entity) {
        // Inserted in afterEntityAdded.
    }

    @Override
    public void afterEntityAdded(Object entity) {
        insert((UnitAssignment) entity);
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        retract((UnitAssignment) entity);
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        insert((UnitAssignment) entity);
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        retract((UnitAssignment) entity);
    }

    @Override
    public void afterEntityRemoved(Object entity) {
        // Retracted in beforeEntityRemoved.
    }

    /** Traffic × hops in milli-bit-hops, before its weight. */
    public long trafficMilliBitHops() {
        return traffic;
    }

    @Override
    public HardMediumSoftLongScore calculateScore() {
        return HardMediumSoftLongScore.of(-hard, -medium,
                -(traffic * trafficWeight + endpointsUsed * endpointWeight + loadSquares * loadWeight));
    }

    private void insert(UnitAssignment a) {
        update(a, 1);
    }

    private void retract(UnitAssignment a) {
        update(a, -1);
    }

    /** Adds ({@code sign = 1}) or removes ({@code -1}) one chunk at its current endpoint. */
    private void update(UnitAssignment a, int sign) {
        EndpointSlot slot = a.getSlot();
        if (slot == null) {
            medium += sign * (long) a.getSize();
            return;
        }
        int s = slot.index();
        hard -= excess(s);
        crossbarsUsed[s] += sign * a.getCrossbars();
        neuronsUsed[s] += sign * a.getNeurons();
        rowsUsed[s] += sign * a.getSynapseRows();
        hard += excess(s);
        if (a.isOnWrongKind()) {
            hard += sign * (long) a.getSize();
        }
        if (!a.isBoundary()) {
            if (sign > 0 && chunksOn[s]++ == 0) {
                endpointsUsed++;
            } else if (sign < 0 && --chunksOn[s] == 0) {
                endpointsUsed--;
            }
        }
        long load = a.getLoad();
        if (load > 0) {
            loadSquares -= loadOn[s] * loadOn[s];
            loadOn[s] += sign * load;
            loadSquares += loadOn[s] * loadOn[s];
        }
        moveShare(a.getNode().index(), slot.zone().index(), sign * (long) a.getSize());
    }

    /** Adds {@code k} (negative to remove) units of a node to a zone, with every flow it joins. */
    private void moveShare(int node, int zone, long k) {
        int[] flows = flowsOfNode[node];
        if (flows.length == 0) {
            return;
        }
        int[] others = otherEndOfNode[node];
        for (int i = 0; i < flows.length; i++) {
            int f = flows[i];
            flowShareHops[f] += k * potential[others[i]][zone];
            long penalty = Math.round(softPerSharePair[f] * flowShareHops[f]);
            traffic += penalty - flowPenalty[f];
            flowPenalty[f] = penalty;
        }
        // Hops are symmetric (routers form an undirected graph), so hops(zone, z) = hops(z, zone).
        long[] p = potential[node];
        int[] hopsToZone = zoneHops[zone];
        for (int z = 0; z < zones; z++) {
            p[z] += k * hopsToZone[z];
        }
    }

    private long excess(int s) {
        EndpointSlot slot = slotByIndex[s];
        return Math.max(0, crossbarsUsed[s] - slot.crossbars()) + Math.max(0, neuronsUsed[s] - slot.neurons())
                + Math.max(0, rowsUsed[s] - slot.synapseRows());
    }
}
