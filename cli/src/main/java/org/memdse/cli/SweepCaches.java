package org.memdse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.TileArray;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.Evaluator;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.ArchitectureCosts;
import org.memdse.cost.evaluator.MappingLayout;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * The work a sweep's points share, cached (the wiring of issue 6's "reuse work shared by
 * points"): a mapping is reused by every point whose architecture has the same mapping-relevant
 * structure (see {@link #mappingKey}) and solved once however many threads want it, and priced
 * components by every point whose architecture is equal. Both caches are bounded (cleared when
 * full) and thread-safe; a pricing miss computed twice by two threads gives equal values.
 */
final class SweepCaches {
    /** Entries kept before a cache is cleared (memory stays flat in long sweeps). */
    static final int LIMIT = 512;

    private SweepCaches() {
    }

    /**
     * What a mapping depends on, and nothing else. The mapping module reads the architecture's
     * name; per subsystem its name, kind and network endpoints (the tile or core count); per CIM
     * tile template its crossbars per tile and crossbar geometry (rows, columns, bits per cell,
     * signed-weight encoding: how a weight matrix is cut; whether products of two computed tensors
     * take crossbars: activation_products); per SNN core template its neurons and
     * synapse rows and columns; the on-chip network's shape (topology, concentration, columns,
     * rows: the hop distances); and {@code spike_routing} (multicast or unicast: the SNN's spike
     * traffic). It never reads ADCs, DACs, input encodings, buffers, digital units,
     * wiring, devices, cell types, neuron circuits, learning rules, flit widths, link lengths, spike
     * packets, chip-to-chip links, technology or published figures (DESIGN.md: mapping scores structure
     * only), so a sweep over those maps once. {@code SweepCachesTest} checks that points with one key
     * get one mapping.
     */
    static List<Object> mappingKey(Architecture a) {
        List<Object> key = new ArrayList<>();
        key.add(a.name());
        for (Subsystem s : a.subsystems()) {
            List<Object> part = new ArrayList<>(List.of(s.name(), s.getClass().getSimpleName(), s.networkEndpoints()));
            if (s instanceof TileArray t && t.template() instanceof CimTileTemplate cim) {
                Crossbars c = cim.macro().crossbars();
                part.addAll(List.of(cim.crossbarsPerTile(), c.rows(), c.cols(), c.bitsPerCell(), c.signedWeights(),
                        cim.activationProducts().rewritten()));
            } else if (s instanceof TileArray t && t.template() instanceof SnnCoreTemplate snn) {
                part.addAll(List.of(snn.neurons(), snn.synapses().rows(), snn.synapses().cols()));
            } else if (s instanceof org.memdse.core.arch.ReservoirArray r) {
                part.add(r.devices()); // whether a reservoir layer fits
            } else if (s instanceof TileArray t) {
                part.add(t.template()); // a template kind the mapping module does not know yet: all of it
            }
            key.add(part);
        }
        OnChipNetwork noc = a.interconnect().onChip();
        key.add(List.of(noc.topology(), noc.concentration(), noc.columns(), noc.rows()));
        key.add(a.interconnect().spikeRouting());
        return key;
    }

    /** A mapper that maps each distinct structure once per network (see {@link MappingCache}). */
    static MappingCache mapping(Mapper inner) {
        return new MappingCache(inner);
    }

    /**
     * Maps each distinct mapping problem once: the key is {@link #mappingKey}, the options and the
     * network's graph (by identity: a sweep's input-bit densities give new networks that share the graph, and
     * a mapping does not depend on them). A point whose problem is being solved by another thread
     * waits for that solution instead of solving it again, so with the solver a problem costs one
     * solve whatever the thread count. Counts what it solved and what it reused, for the progress
     * line.
     */
    static final class MappingCache implements Mapper {
        private final Mapper inner;
        private final Map<List<Object>, CompletableFuture<MappingOutcome>> cache = new ConcurrentHashMap<>();
        private final LongAdder solved = new LongAdder();
        private final LongAdder reused = new LongAdder();

        private MappingCache(Mapper inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public MappingOutcome map(Architecture architecture, NetworkGraph network, MapperOptions options) {
            List<Object> key = List.of(mappingKey(architecture), new Identity(network.graph()), network.name(),
                    options);
            CompletableFuture<MappingOutcome> mine = new CompletableFuture<>();
            if (cache.size() >= LIMIT) {
                cache.clear(); // memory stays flat; a thread waiting on a dropped entry still gets its answer
            }
            CompletableFuture<MappingOutcome> there = cache.putIfAbsent(key, mine);
            if (there != null) {
                reused.increment();
                try {
                    return there.join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : e;
                }
            }
            try {
                MappingOutcome outcome = inner.map(architecture, network, options);
                solved.increment();
                mine.complete(outcome);
                return outcome;
            } catch (RuntimeException | Error e) {
                cache.remove(key, mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }

        /** Mapping problems solved (or mapped, for the sequential mapper) so far. */
        long solved() {
            return solved.sum();
        }

        /** Points that took a mapping solved for another point. */
        long reused() {
            return reused.sum();
        }
    }

    /** Equal only to itself: a key part compared by identity (a graph's equals walks the graph). */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /**
     * The value of {@code key}, computed on a miss and kept; the cache is cleared when full
     * (memory stays flat). Two threads missing together both compute: the values are equal, and
     * not holding a lock while pricing keeps the threads apart.
     */
    private static <K, V> V bounded(Map<K, V> cache, K key, java.util.function.Supplier<V> compute) {
        V value = cache.get(key);
        if (value == null) {
            value = compute.get();
            if (cache.size() >= LIMIT) {
                cache.clear();
            }
            cache.put(key, value);
        }
        return value;
    }

    /**
     * An architecture as a cache key, its hash computed once: a record's hash walks every device,
     * template and subsystem, and a lookup and an insert would each walk it again.
     */
    private record Priced(Architecture architecture, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Priced other && other.hash == hash && other.architecture.equals(architecture);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * An evaluator of {@code mode} that prices each distinct architecture once and lays out each
     * mapping once: the points that reuse a mapping (same network and mapping objects, see
     * {@link MappingCache}) share its {@link MappingLayout}, which does not depend on the circuits
     * a sweep varies.
     */
    static Evaluator pricing(ComponentModelRegistry registry, EvaluationMode mode) {
        SystemEvaluator evaluator = SystemEvaluator.forMode(registry, mode);
        Map<Priced, ArchitectureCosts> cache = new ConcurrentHashMap<>();
        Map<List<Identity>, MappingLayout> layouts = new ConcurrentHashMap<>();
        return new Evaluator() {
            @Override
            public Metrics evaluate(Architecture architecture, NetworkGraph network, Mapping mapping,
                                    OpConvention convention) {
                ArchitectureCosts costs = bounded(cache, new Priced(architecture, architecture.hashCode()),
                        () -> ArchitectureCosts.of(architecture, registry));
                MappingLayout layout = bounded(layouts, List.of(new Identity(network), new Identity(mapping)),
                        () -> MappingLayout.of(network, mapping));
                return evaluator.evaluate(costs, layout, convention);
            }
        };
    }
}
