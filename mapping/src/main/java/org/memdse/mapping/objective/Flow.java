package org.memdse.mapping.objective;

/**
 * Traffic of one network edge between two unit-bearing nodes (after attaching unit-less nodes
 * to where they run; see {@link TrafficModel}).
 *
 * @param edge       network edge id ({@link org.memdse.core.network.TrafficEdge#id()})
 * @param from       index of the sending node in the partition's nodes
 * @param to         index of the receiving node
 * @param bits       bits per inference on the edge
 * @param pairWeight bits between one unit of {@code from} and one unit of {@code to}: {@code bits /
 *                   (units of from × units of to)}
 */
public record Flow(int edge, int from, int to, double bits, double pairWeight) {
}
