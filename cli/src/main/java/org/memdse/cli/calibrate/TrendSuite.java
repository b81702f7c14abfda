package org.memdse.cli.calibrate;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.memdse.architectures.Catalog;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.explore.ArchitectureVariants;
import org.memdse.core.explore.DesignPoint;
import org.memdse.core.explore.Variant;
import org.memdse.core.explore.WorkloadVariants;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.read.NetworkReader;
import org.memdse.core.spec.SourcePosition;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.mapping.SequentialMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Runs trend checks: each check's chip and its single-knob variant (the check's settings applied as
 * a sweep variant applies them, so the variant is read and validated like a file; {@code network.}
 * paths set the network's input-bit densities, as in a sweep) are mapped with the
 * sequential mapper, as NeuroSim maps, evaluated with 8-bit ops, and compared metric by metric. The
 * base of each (chip, network) is evaluated once; checks run in parallel and the results come back in
 * check order.
 */
public final class TrendSuite {
    private final Catalog catalog = Catalog.bundled();
    private final SystemEvaluator evaluator = new SystemEvaluator(ComponentModelRegistry.load());
    private final Map<String, Metrics> bases = new ConcurrentHashMap<>();
    private final Map<String, NetworkGraph> networks = new ConcurrentHashMap<>();

    /** Every result of every check, in check order and metric order. */
    public List<TrendResult> run(List<TrendCheck> checks) {
        List<List<TrendResult>> perCheck = checks.parallelStream().map(this::run).toList();
        List<TrendResult> out = new ArrayList<>();
        perCheck.forEach(out::addAll);
        return List.copyOf(out);
    }

    /** One check's results, one per metric. */
    public List<TrendResult> run(TrendCheck check) {
        Architecture base = architecture(check.chip());
        NetworkGraph network = networks.computeIfAbsent(check.network(),
                id -> NetworkReader.read(catalog.source(catalog.network(id).orElseThrow(
                        () -> new IllegalArgumentException(check.id() + ": no bundled network '" + id + "'")))));
        Metrics before = bases.computeIfAbsent(check.chip() + " / " + check.network(), k -> evaluate(base, network));
        Metrics after = evaluate(variant(base, check), workload(network, check));
        List<TrendResult> out = new ArrayList<>();
        for (TrendMetric m : TrendMetric.values()) {
            if (m.always() || check.expected().containsKey(m)) {
                out.add(new TrendResult(check, m, m.of(before), m.of(after), check.expected().get(m)));
            }
        }
        return out;
    }

    private Architecture architecture(String id) {
        return ArchitectureReader.read(catalog.source(catalog.architecture(id).orElseThrow(
                () -> new IllegalArgumentException("no bundled architecture '" + id + "'"))));
    }

    /** The chip with the check's settings, read and validated like a description file. */
    static Architecture variant(Architecture base, TrendCheck check) {
        return ArchitectureVariants.of(base, List.of(), List.of(asVariant(check))).build(POINT);
    }

    /** The network with the check's network settings ({@code network.}... paths), as a sweep applies them. */
    static NetworkGraph workload(NetworkGraph network, TrendCheck check) {
        return WorkloadVariants.of(List.of(network), List.of(), List.of(asVariant(check))).apply(network, POINT);
    }

    private static final DesignPoint POINT = new DesignPoint(0, new int[0], 0);

    private static Variant asVariant(TrendCheck check) {
        SourcePosition at = SourcePosition.ofFile("trend check " + check.id());
        List<Variant.Setting> settings = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (TrendCheck.Setting s : check.settings()) {
            Node value = yaml.compose(new StringReader(s.value()));
            settings.add(new Variant.Setting(s.path(), value, at));
        }
        return new Variant(check.id(), settings, at);
    }

    private Metrics evaluate(Architecture a, NetworkGraph g) {
        MappingOutcome o = new SequentialMapper().map(a, g, MapperOptions.DEFAULT);
        if (!(o instanceof MappingOutcome.Mapped mapped)) {
            throw new IllegalStateException(g.name() + " does not fit " + a.name() + ": " + o);
        }
        return evaluator.evaluate(a, g, mapped.mapping(), OpConvention.INT8);
    }
}
