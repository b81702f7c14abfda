package org.memdse.core.mapping;

import org.memdse.core.arch.Architecture;
import org.memdse.core.network.NetworkGraph;

/**
 * Maps a network onto a system. Implementations (solver, sequential, random) live in the
 * mapping module; pure with respect to their inputs and options.
 */
public interface Mapper {
    /** Name users pick it by ({@code --mapper solver}). */
    String name();

    MappingOutcome map(Architecture architecture, NetworkGraph network, MapperOptions options);
}
