package org.memdse.nir;

import java.util.List;

/**
 * A NIR graph as read from the file, in the file's node order.
 *
 * @param version the NIR version the writer recorded ("" if none)
 * @param nodes   the nodes of the top-level graph
 * @param edges   its edges
 */
record NirGraph(String version, List<NirNode> nodes, List<NirEdge> edges) {
    NirGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
