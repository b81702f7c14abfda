package org.memdse.core.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.eval.Evaluator;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.spec.SpecException;

/**
 * The whole pipeline for one point: build and validate its architecture, then for each network
 * map, price and check the constraints. The networks are loaded once by the caller and shared;
 * a caller that wants to reuse work between points (priced components, partitions) passes a
 * caching {@link Mapper} or {@link Evaluator}.
 */
public final class PipelinePointEvaluator implements PointEvaluator {
    private final ArchitectureVariants variants;
    private final List<NetworkGraph> networks;
    private final List<String> names;
    private final Mapper mapper;
    private final MapperOptions options;
    private final Evaluator evaluator;
    private final OpConvention convention;
    private final List<DesignConstraint> constraints;
    private final WorkloadVariants workloads;

    public PipelinePointEvaluator(ArchitectureVariants variants, List<NetworkGraph> networks, Mapper mapper,
                                  MapperOptions options, Evaluator evaluator, OpConvention convention,
                                  List<DesignConstraint> constraints) {
        this(variants, WorkloadVariants.none(), networks, mapper, options, evaluator, convention, constraints);
    }

    /**
     * @param workloads the points' network settings (input-bit densities), applied to each network
     *                  before it is mapped and priced
     */
    public PipelinePointEvaluator(ArchitectureVariants variants, WorkloadVariants workloads, List<NetworkGraph> networks,
                                  Mapper mapper, MapperOptions options, Evaluator evaluator, OpConvention convention,
                                  List<DesignConstraint> constraints) {
        this.variants = Objects.requireNonNull(variants, "variants");
        this.workloads = Objects.requireNonNull(workloads, "workloads");
        this.networks = List.copyOf(networks);
        this.names = this.networks.stream().map(NetworkGraph::name).toList();
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.options = Objects.requireNonNull(options, "options");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.convention = Objects.requireNonNull(convention, "convention");
        this.constraints = List.copyOf(constraints);
    }

    @Override
    public List<String> networks() {
        return names;
    }

    @Override
    public Optional<String> check(DesignPoint point) {
        try {
            variants.build(point);
            return Optional.empty();
        } catch (SpecException e) {
            return Optional.of(ArchitectureVariants.reason(e));
        }
    }

    @Override
    public List<PointResult> evaluate(DesignPoint point) {
        List<PointResult> out = new ArrayList<>(networks.size());
        Architecture architecture;
        try {
            architecture = variants.build(point);
        } catch (SpecException e) {
            String reason = ArchitectureVariants.reason(e);
            for (String n : names) {
                out.add(new PointResult.Invalid(point, n, reason));
            }
            return out;
        }
        for (NetworkGraph network : networks) {
            out.add(evaluate(point, architecture, workloads.apply(network, point)));
        }
        return out;
    }

    private PointResult evaluate(DesignPoint point, Architecture architecture, NetworkGraph network) {
        MappingOutcome outcome;
        try {
            outcome = mapper.map(architecture, network, options);
        } catch (RuntimeException e) {
            return new PointResult.Invalid(point, network.name(), "mapping failed: " + message(e));
        }
        if (outcome instanceof MappingOutcome.DoesNotFit d) {
            return new PointResult.Infeasible(point, network.name(), d.reason());
        }
        Mapping mapping = ((MappingOutcome.Mapped) outcome).mapping();
        Metrics metrics;
        try {
            metrics = evaluator.evaluate(architecture, network, mapping, convention);
        } catch (RuntimeException e) {
            return new PointResult.Invalid(point, network.name(), "cannot price it: " + message(e));
        }
        double[] values = Metric.of(metrics, mapping.report().objective(), mapping.chips());
        List<String> violations = new ArrayList<>();
        if (!mapping.report().feasible()) {
            violations.add("the mapping breaks a hard constraint (over capacity or wrong resource)");
        }
        for (DesignConstraint c : constraints) {
            c.violation(values).ifPresent(violations::add);
        }
        return new PointResult.Evaluated(point, network.name(), values, violations);
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' ');
    }
}
