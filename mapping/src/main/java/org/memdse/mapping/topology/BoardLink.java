package org.memdse.mapping.topology;

/**
 * One direction of a connection between two chips of a board.
 *
 * @param id       dense board link id
 * @param fromChip chip it leaves
 * @param toChip   chip it enters
 */
public record BoardLink(int id, int fromChip, int toChip) {
}
