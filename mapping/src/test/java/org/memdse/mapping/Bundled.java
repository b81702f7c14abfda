package org.memdse.mapping;

import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;

/** Bundled architectures and networks for tests. */
final class Bundled {
    private Bundled() {
    }

    static Architecture architecture(String id) {
        Catalog c = Catalog.bundled();
        return ArchitectureReader.read(c.source(c.architecture(id).orElseThrow()));
    }

    static NetworkGraph network(String id) {
        Catalog c = Catalog.bundled();
        return NetworkReader.read(c.source(c.network(id).orElseThrow()));
    }
}
