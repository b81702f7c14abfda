package org.memdse.mapping.place.solver;

import java.util.ArrayList;
import java.util.List;
import org.memdse.core.mapping.BoundaryUnit;
import org.memdse.core.mapping.CoreGroup;
import org.memdse.core.mapping.CrossbarBlock;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.ResourceKind;
import org.memdse.mapping.place.solver.domain.EndpointSlot;
import org.memdse.mapping.place.solver.domain.HopZone;
import org.memdse.mapping.place.solver.domain.NodeRef;
import org.memdse.mapping.place.solver.domain.UnitAssignment;

/** Small hand-made facts and entities for constraint and solver tests. */
public final class SolverFixtures {
    private SolverFixtures() {
    }

    /** Hops on a line of endpoints: |i - j|. */
    public static int[] lineHops(int index, int count) {
        int[] hops = new int[count];
        for (int j = 0; j < count; j++) {
            hops[j] = Math.abs(index - j);
        }
        return hops;
    }

    /** Endpoints on a line, one per zone. */
    public static HopZone zone(int index, int count) {
        return new HopZone(index, lineHops(index, count));
    }

    public static EndpointSlot tile(int index, int count, int crossbars) {
        return new EndpointSlot(index, "cim[" + index + "]", ResourceKind.CIM_TILE, crossbars, 0, 0,
                zone(index, count));
    }

    public static EndpointSlot core(int index, int count, int neurons, int rows) {
        return new EndpointSlot(index, "snn[" + index + "]", ResourceKind.SNN_CORE, 0, neurons, rows,
                zone(index, count));
    }

    public static EndpointSlot encoder(int index, int count) {
        return new EndpointSlot(index, "encoder[0]", ResourceKind.ENCODER, 0, 0, 0, zone(index, count));
    }

    public static CrossbarBlock block(int id, String node) {
        return new CrossbarBlock(id, node, 0, 0, 0, 0, 128, 0, 32, 0, 1, 4);
    }

    /** A chunk of one block. */
    public static UnitAssignment blockOn(int id, NodeRef node, EndpointSlot slot) {
        return new UnitAssignment(id, List.of(block(id, node.name())), node, 1, List.of(), slot);
    }

    /** A chunk of {@code size} blocks with ids {@code id..id+size-1} and the given load. */
    public static UnitAssignment chunkOn(int id, int size, long load, NodeRef node, EndpointSlot slot) {
        List<MappingUnit> units = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            units.add(block(id + i, node.name()));
        }
        return new UnitAssignment(id, units, node, load, List.of(), slot);
    }

    public static UnitAssignment groupOn(int id, NodeRef node, int neurons, int fanIn, EndpointSlot slot) {
        return new UnitAssignment(id, List.of(new CoreGroup(id, node.name(), 0, neurons, fanIn, (long) neurons * fanIn)),
                node, 1, List.of(), slot);
    }

    public static UnitAssignment boundaryOn(int id, NodeRef node, EndpointSlot slot) {
        return new UnitAssignment(id, List.of(new BoundaryUnit(id, node.name(), ResourceKind.ENCODER)), node, 0,
                List.of(), slot);
    }

    public static List<UnitAssignment> blocks(int firstId, NodeRef node, EndpointSlot... slots) {
        List<UnitAssignment> out = new ArrayList<>();
        for (EndpointSlot s : slots) {
            out.add(blockOn(firstId++, node, s));
        }
        return out;
    }
}
