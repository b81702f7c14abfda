package org.memdse.mapping.place.solver.score;

import static org.memdse.mapping.place.solver.SolverFixtures.blockOn;
import static org.memdse.mapping.place.solver.SolverFixtures.blocks;
import static org.memdse.mapping.place.solver.SolverFixtures.boundaryOn;
import static org.memdse.mapping.place.solver.SolverFixtures.chunkOn;
import static org.memdse.mapping.place.solver.SolverFixtures.core;
import static org.memdse.mapping.place.solver.SolverFixtures.encoder;
import static org.memdse.mapping.place.solver.SolverFixtures.groupOn;
import static org.memdse.mapping.place.solver.SolverFixtures.tile;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.mapping.place.solver.domain.EndpointSlot;
import org.memdse.mapping.place.solver.domain.NodeRef;
import org.memdse.mapping.place.solver.domain.PlacementSolution;
import org.memdse.mapping.place.solver.domain.TrafficFlow;
import org.memdse.mapping.place.solver.domain.UnitAssignment;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/** One test per constraint method, as the OptaPlanner quickstarts do. */
class PlacementConstraintProviderTest {
    private final ConstraintVerifier<PlacementConstraintProvider, PlacementSolution> verifier =
            ConstraintVerifier.build(new PlacementConstraintProvider(), PlacementSolution.class, UnitAssignment.class);

    private static final NodeRef CONV = new NodeRef(0, "conv", 3);
    private static final NodeRef LAYER = new NodeRef(4, "layer", 20);
    private static final NodeRef FC = new NodeRef(1, "fc", 2);

    @Test
    void crossbarCapacity() {
        EndpointSlot t0 = tile(0, 2, 2);
        EndpointSlot t1 = tile(1, 2, 2);
        List<UnitAssignment> units = new ArrayList<>(blocks(0, CONV, t0, t0, t0));
        units.addAll(blocks(3, FC, t0, t1));
        // t0 holds 4 blocks and has 2 crossbars; t1 holds 1 of 2.
        verifier.verifyThat(PlacementConstraintProvider::crossbarCapacity)
                .given(units.toArray())
                .penalizesBy(2);
    }

    @Test
    void crossbarCapacityCountsEveryBlockOfAChunk() {
        EndpointSlot t0 = tile(0, 1, 8);
        // 8 + 3 blocks on 8 crossbars: 3 over.
        verifier.verifyThat(PlacementConstraintProvider::crossbarCapacity)
                .given(chunkOn(0, 8, 8, LAYER, t0), chunkOn(8, 3, 3, LAYER, t0))
                .penalizesBy(3);
    }

    @Test
    void neuronCapacity() {
        NodeRef pop = new NodeRef(0, "exc", 400);
        EndpointSlot c0 = core(0, 2, 256, 1024);
        EndpointSlot c1 = core(1, 2, 256, 1024);
        // 200 + 100 on c0 (56 over), 100 on c1.
        verifier.verifyThat(PlacementConstraintProvider::neuronCapacity)
                .given(groupOn(0, pop, 200, 10, c0), groupOn(1, pop, 100, 10, c0), groupOn(2, pop, 100, 10, c1))
                .penalizesBy(44);
    }

    @Test
    void synapseRowCapacity() {
        NodeRef pop = new NodeRef(0, "exc", 300);
        EndpointSlot c0 = core(0, 1, 1024, 256);
        // 200 + 100 synapse rows on a 256-row core: 44 over.
        verifier.verifyThat(PlacementConstraintProvider::synapseRowCapacity)
                .given(groupOn(0, pop, 100, 200, c0), groupOn(1, pop, 100, 100, c0), groupOn(2, pop, 100, 0, c0))
                .penalizesBy(44);
    }

    @Test
    void resourceKind() {
        EndpointSlot t0 = tile(0, 3, 8);
        EndpointSlot c1 = core(1, 3, 256, 256);
        EndpointSlot e2 = encoder(2, 3);
        NodeRef pop = new NodeRef(2, "exc", 10);
        NodeRef in = new NodeRef(3, "input", 1);
        // a block on a core, a group on a tile, a boundary unit on a tile: 3; the rest fit.
        verifier.verifyThat(PlacementConstraintProvider::resourceKind)
                .given(blockOn(0, CONV, c1), blockOn(1, CONV, t0), groupOn(2, pop, 10, 1, t0),
                        groupOn(3, pop, 10, 1, c1), boundaryOn(4, in, t0), boundaryOn(5, in, e2))
                .penalizesBy(3);
    }

    @Test
    void unassignedUnit() {
        EndpointSlot t0 = tile(0, 1, 8);
        verifier.verifyThat(PlacementConstraintProvider::unassignedUnit)
                .given(blockOn(0, CONV, null), blockOn(1, CONV, t0), blockOn(2, CONV, null),
                        chunkOn(3, 8, 8, LAYER, null))
                .penalizesBy(10);
    }

    @Test
    void trafficHops() {
        EndpointSlot t0 = tile(0, 3, 8);
        EndpointSlot t1 = tile(1, 3, 8);
        EndpointSlot t2 = tile(2, 3, 8);
        // conv: 2 blocks on t0, 1 on t2 (S = 3); fc: 1 on t1, 1 on t2 (S = 2). 600 bits conv -> fc.
        // pairs: t0-t1: 600 * 2/3 * 1/2 * 1 hop = 200; t0-t2: 200 * 2 hops = 400;
        //        t2-t1: 600 * 1/3 * 1/2 * 1 = 100;     t2-t2: 0 hops.
        // 700 bit-hops = 700,000 milli-bit-hops. An unassigned unit adds nothing.
        TrafficFlow flow = new TrafficFlow(0, CONV, FC, 600);
        List<Object> given = new ArrayList<>(blocks(0, CONV, t0, t0, t2));
        given.addAll(blocks(3, FC, t1, t2));
        given.add(blockOn(5, FC, null));
        given.add(flow);
        verifier.verifyThat(PlacementConstraintProvider::trafficHops)
                .given(given.toArray())
                .penalizesBy(700_000L);
    }

    @Test
    void trafficHopsSplitsByUnitsNotChunks() {
        EndpointSlot t0 = tile(0, 2, 96);
        EndpointSlot t1 = tile(1, 2, 96);
        // layer: 16 of 20 units on t0 (two chunks), 4 on t1; conv: 3 of 3 on t1. 1000 bits layer -> conv.
        // t0 -> t1: 1000 * 16/20 * 3/3 * 1 hop = 800 bit-hops.
        verifier.verifyThat(PlacementConstraintProvider::trafficHops)
                .given(chunkOn(0, 8, 8, LAYER, t0), chunkOn(8, 8, 8, LAYER, t0), chunkOn(16, 4, 4, LAYER, t1),
                        chunkOn(20, 3, 3, CONV, t1), new TrafficFlow(0, LAYER, CONV, 1000))
                .penalizesBy(800_000L);
    }

    @Test
    void trafficHopsOfAFlowWithinOneNode() {
        // A recurrent population sends to itself: the split applies on both ends.
        NodeRef pop = new NodeRef(0, "exc", 2);
        EndpointSlot c0 = core(0, 2, 256, 256);
        EndpointSlot c1 = core(1, 2, 256, 256);
        TrafficFlow flow = new TrafficFlow(0, pop, pop, 100);
        // c0->c1 and c1->c0: 100 * 1/2 * 1/2 * 1 hop each = 50 bit-hops.
        verifier.verifyThat(PlacementConstraintProvider::trafficHops)
                .given(groupOn(0, pop, 1, 1, c0), groupOn(1, pop, 1, 1, c1), flow)
                .penalizesBy(50_000L);
    }

    @Test
    void endpointsUsed() {
        EndpointSlot t0 = tile(0, 4, 8);
        EndpointSlot t1 = tile(1, 4, 8);
        EndpointSlot e3 = encoder(3, 4);
        NodeRef in = new NodeRef(3, "input", 1);
        verifier.verifyThat(PlacementConstraintProvider::endpointsUsed)
                .given(blockOn(0, CONV, t0), blockOn(1, CONV, t0), blockOn(2, FC, t1), boundaryOn(3, in, e3),
                        blockOn(4, FC, null))
                .penalizesBy(2);
    }

    @Test
    void loadImbalance() {
        EndpointSlot t0 = tile(0, 2, 8);
        EndpointSlot t1 = tile(1, 2, 8);
        // (3 + 2)^2 + 4^2 = 41
        verifier.verifyThat(PlacementConstraintProvider::loadImbalance)
                .given(chunkOn(0, 3, 3, CONV, t0), chunkOn(3, 2, 2, CONV, t0), chunkOn(5, 4, 4, CONV, t1))
                .penalizesBy(41);
    }

    @Test
    void resourceKindIgnoresUnassigned() {
        verifier.verifyThat(PlacementConstraintProvider::resourceKind)
                .given(blockOn(0, CONV, null))
                .penalizesBy(0);
    }
}
