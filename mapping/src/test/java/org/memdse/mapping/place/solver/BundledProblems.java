package org.memdse.mapping.place.solver;

import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.mapping.MappingProblem;

/** Loads bundled architectures and networks and prepares their mapping problem. */
public final class BundledProblems {
    private BundledProblems() {
    }

    public static Architecture architecture(String id) {
        Catalog catalog = Catalog.bundled();
        return ArchitectureReader.read(catalog.source(catalog.architecture(id).orElseThrow()));
    }

    public static NetworkGraph network(String id) {
        Catalog catalog = Catalog.bundled();
        return NetworkReader.read(catalog.source(catalog.network(id).orElseThrow()));
    }

    public static MappingProblem problem(String architecture, String network) {
        return problem(architecture(architecture), network(network));
    }

    public static MappingProblem problem(Architecture architecture, NetworkGraph network) {
        MappingProblem.Preparation p = MappingProblem.prepare(architecture, network);
        if (p instanceof MappingProblem.Ready r) {
            return r.problem();
        }
        throw new IllegalStateException(((MappingProblem.Rejected) p).doesNotFit().reason());
    }
}
