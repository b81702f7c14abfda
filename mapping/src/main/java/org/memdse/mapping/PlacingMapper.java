package org.memdse.mapping;

import org.memdse.core.arch.Architecture;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;

/**
 * What every mapper does around its placement strategy: prepare the problem (partition,
 * replication, topology; a network that does not fit is answered here) and time the whole
 * mapping. Subclasses only place.
 */
abstract class PlacingMapper implements Mapper {

    @Override
    public final MappingOutcome map(Architecture architecture, NetworkGraph network, MapperOptions options) {
        long start = System.nanoTime();
        MappingProblem.Preparation prep = MappingProblem.prepare(architecture, network, options);
        if (prep instanceof MappingProblem.Rejected r) {
            return r.doesNotFit();
        }
        return place(((MappingProblem.Ready) prep).problem(), options, start);
    }

    /**
     * Places the prepared problem's units and assembles the mapping.
     *
     * @param startNanos {@link System#nanoTime()} when mapping began, for the report's solve time
     */
    abstract MappingOutcome place(MappingProblem problem, MapperOptions options, long startNanos);

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
