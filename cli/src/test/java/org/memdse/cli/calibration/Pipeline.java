package org.memdse.cli.calibration;

import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;

/**
 * The whole pipeline (read, map sequentially, evaluate) for the calibration tests. They live in
 * the cli module because it is the only one that sees architectures, mapping and cost-models
 * together: mapping's tests depend on architectures, so architectures (or cost-models) cannot
 * depend on mapping without a Maven cycle.
 */
final class Pipeline {
    private Pipeline() {
    }

    static Architecture architecture(String id) {
        Catalog c = Catalog.bundled();
        return ArchitectureReader.read(c.source(c.architecture(id).orElseThrow()));
    }

    static NetworkGraph network(String id) {
        Catalog c = Catalog.bundled();
        return NetworkReader.read(c.source(c.network(id).orElseThrow()));
    }

    static Mapping map(Architecture a, NetworkGraph g) {
        MappingOutcome o = new SequentialMapper().map(a, g, MapperOptions.DEFAULT);
        return ((MappingOutcome.Mapped) o).mapping();
    }

    static Metrics evaluate(Architecture a, NetworkGraph g, OpConvention convention) {
        return new SystemEvaluator(ComponentModelRegistry.load()).evaluate(a, g, map(a, g), convention);
    }
}
