package org.memdse.core.mapping;

/**
 * How good a mapping is, in the solver's structural terms.
 *
 * @param tilesUsed      CIM tiles holding at least one block
 * @param crossbarsUsed  crossbars holding a block
 * @param coresUsed      SNN cores holding at least one group
 * @param trafficHops    bits per inference × hops, summed over all routes
 * @param imbalance      largest tile load over the mean tile load (1 = balanced), among used tiles
 */
public record MappingObjectives(int tilesUsed, int crossbarsUsed, int coresUsed, double trafficHops, double imbalance) {
}
