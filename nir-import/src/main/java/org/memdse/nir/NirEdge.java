package org.memdse.nir;

/** A directed edge of a NIR graph, from {@code edges[index]}. */
record NirEdge(int index, String source, String target) {
}
