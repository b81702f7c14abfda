package org.memdse.mapping.topology;

/**
 * One directed link between two routers (a bus is the single link 0 → 0).
 *
 * @param id   dense link id
 * @param from router it leaves
 * @param to   router it enters
 */
public record Link(int id, int from, int to) {
}
