package org.memdse.core.mapping;

/**
 * A piece of a network that is placed as a whole: a crossbar block of a layer, a core-sized
 * group of an SNN population, or a boundary node. Ids are dense (0..n-1) within a partition.
 */
public sealed interface MappingUnit permits CrossbarBlock, CoreGroup, BoundaryUnit {
    int id();

    /** The network node it comes from. */
    String node();

    /** What it must be placed on. */
    ResourceKind resource();
}
