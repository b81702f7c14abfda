package org.memdse.core.mapping;

/**
 * Where a unit sits.
 *
 * @param unit     unit id
 * @param endpoint endpoint index
 */
public record Placement(int unit, int endpoint) {
}
