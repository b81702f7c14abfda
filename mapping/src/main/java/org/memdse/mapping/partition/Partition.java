package org.memdse.mapping.partition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.memdse.core.mapping.MappingUnit;

/**
 * A network cut into units: every unit by id (dense 0..n-1), and the nodes that own units, in
 * topological order, each with its contiguous id range.
 *
 * @param units        every unit, by id
 * @param nodes        unit-bearing nodes in topological order
 * @param crossbars    the geometry blocks were cut to, if the system has CIM tiles
 * @param cores        the geometry groups were cut to, if the system has SNN cores
 * @param unitNode     for each unit id, the index of its node in {@code nodes}
 * @param snn          the SNN's neuron-level parts, one node and one unit each, if the network has populations
 */
public record Partition(List<MappingUnit> units, List<NodeUnits> nodes, Optional<CrossbarGeometry> crossbars,
                        Optional<CoreGeometry> cores, List<Integer> unitNode, Optional<SnnParts> snn) {
    public Partition {
        java.util.Objects.requireNonNull(snn, "snn");
        units = List.copyOf(units);
        nodes = List.copyOf(nodes);
        unitNode = List.copyOf(unitNode);
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).id() != i) {
                throw new IllegalArgumentException("units: unit " + i + " has id " + units.get(i).id());
            }
        }
    }

    /** A partition without SNN parts. */
    public Partition(List<MappingUnit> units, List<NodeUnits> nodes, Optional<CrossbarGeometry> crossbars,
                     Optional<CoreGeometry> cores, List<Integer> unitNode) {
        this(units, nodes, crossbars, cores, unitNode, Optional.empty());
    }

    /** The node entry of a node name (an SNN population's first part). */
    public Optional<NodeUnits> node(String name) {
        return nodes.stream().filter(n -> n.node().equals(name)).findFirst();
    }

    public Map<String, NodeUnits> byName() {
        // An SNN population with most neurons on several parts names each: the first is kept.
        return nodes.stream().collect(Collectors.toUnmodifiableMap(NodeUnits::node, Function.identity(), (a, b) -> a));
    }

    public int unitCount() {
        return units.size();
    }
}
