package org.memdse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.eval.Evaluator;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.ArchitectureCosts;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * The work a sweep's points share, cached (the wiring of issue 6's "reuse work shared by
 * points"): a mapping is reused by every point whose architecture has the same mapping-relevant
 * structure (see {@link #mappingKey}), and priced components by every point whose architecture
 * is equal. Both caches are bounded (cleared when full) and thread-safe; a miss computed twice
 * by two threads gives equal values.
 */
final class SweepCaches {
    /** Entries kept before a cache is cleared (memory stays flat in long sweeps). */
    static final int LIMIT = 512;

    private SweepCaches() {
    }

    /**
     * What a mapping depends on. Mappers see the architecture's name, its subsystems (kinds,
     * names, counts: the network endpoints), each CIM template's crossbar geometry and crossbars
     * per tile, SNN templates (neurons, synapses) and the on-chip and spike networks; never
     * ADCs, DACs, encodings, buffers, digital units, technology or published figures (the mapping
     * module scores structure only, DESIGN.md's module rule). Conservative: whole records where
     * in doubt.
     */
    static List<Object> mappingKey(Architecture a) {
        List<Object> key = new ArrayList<>();
        key.add(a.name());
        for (Subsystem s : a.subsystems()) {
            if (s instanceof TileArray t && t.template() instanceof CimTileTemplate cim) {
                Crossbars c = cim.macro().crossbars();
                key.add(List.of(t.name(), t.count(), cim.name(), cim.macros(), c.count(), c.rows(), c.cols(),
                        c.bitsPerCell(), c.signedWeights(), c.cell(), c.device().name(), c.device().levels()));
            } else {
                key.add(s); // SNN arrays, encoders, interfaces, AD/DA: the whole record
            }
        }
        key.add(a.interconnect().onChip());
        key.add(a.interconnect().spikes());
        return key;
    }

    /** A mapper that maps each distinct structure once per network. */
    static Mapper mapping(Mapper inner) {
        Map<List<Object>, MappingOutcome> cache = new ConcurrentHashMap<>();
        return new Mapper() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public MappingOutcome map(Architecture architecture, NetworkGraph network, MapperOptions options) {
                // The network's graph, not the network: a sweep's input-bit densities (network paths)
                // give new networks that share the graph, and a mapping does not depend on them.
                List<Object> key = List.of(mappingKey(architecture), System.identityHashCode(network.graph()),
                        network.name());
                MappingOutcome cached = cache.get(key);
                if (cached != null) {
                    return cached;
                }
                MappingOutcome outcome = inner.map(architecture, network, options);
                if (cache.size() >= LIMIT) {
                    cache.clear();
                }
                cache.put(key, outcome);
                return outcome;
            }
        };
    }

    /** An evaluator that prices each distinct architecture once. */
    static Evaluator pricing(ComponentModelRegistry registry) {
        SystemEvaluator evaluator = new SystemEvaluator(registry);
        Map<Architecture, ArchitectureCosts> cache = new ConcurrentHashMap<>();
        return new Evaluator() {
            @Override
            public Metrics evaluate(Architecture architecture, NetworkGraph network, Mapping mapping,
                                    OpConvention convention) {
                ArchitectureCosts costs = cache.get(architecture);
                if (costs == null) {
                    costs = ArchitectureCosts.of(architecture, registry);
                    if (cache.size() >= LIMIT) {
                        cache.clear();
                    }
                    cache.put(architecture, costs);
                }
                return evaluator.evaluate(costs, network, mapping, convention);
            }
        };
    }
}
