package org.memdse.cost.evaluator;

import java.util.List;
import java.util.Objects;
import org.memdse.core.arch.Architecture;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.Evaluator;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * Prices a mapped network (Timeloop's counts × Accelergy's ERT) as a sequence of passes, one
 * per concern, over one {@link MappedNetwork} view built once per evaluation. Each pass writes
 * its part of an {@link EvaluationLedger} and reads what earlier passes wrote there; the ledger
 * becomes the {@link Metrics}. Every count is per inference; the counting rules are in the
 * passes' comments.
 */
public final class SystemEvaluator implements Evaluator {
    /**
     * Inference, in order: the work passes charge energy and write how long their work takes (the
     * rewrite pass: crossbars rewritten per input, none unless the architecture asks for them),
     * timing turns those durations into the latency, static power leaks over it, and the
     * accuracy pass estimates the output SNR from the mapped arithmetic (it charges nothing).
     * The learning modes add the learning pass after them ({@link #passes}).
     */
    public static final List<EvaluationPass> INFERENCE = List.of(new ComputePass(), new ConversionPass(), new ReservoirPass(),
            new StoragePass(), new CommunicationPass(), new ContentionPass(), new BoardPass(), new RewritePass(), new TimingPass(),
            new StaticPass(),
            new AccuracyPass());

    /** The passes of a mode: inference's, then for training and online learning the learning pass. */
    public static List<EvaluationPass> passes(EvaluationMode mode) {
        if (mode == EvaluationMode.INFERENCE) {
            return INFERENCE;
        }
        List<EvaluationPass> out = new java.util.ArrayList<>(INFERENCE);
        out.add(new LearningPass(mode));
        return List.copyOf(out);
    }

    /** An evaluator for {@code mode}. */
    public static SystemEvaluator forMode(ComponentModelRegistry registry, EvaluationMode mode) {
        return new SystemEvaluator(registry, passes(mode));
    }

    private final ComponentModelRegistry registry;
    private final List<EvaluationPass> passes;

    public SystemEvaluator(ComponentModelRegistry registry) {
        this(registry, INFERENCE);
    }

    /** An evaluator running {@code passes} in order (they must include a timing and a static pass). */
    public SystemEvaluator(ComponentModelRegistry registry, List<EvaluationPass> passes) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.passes = List.copyOf(passes);
    }

    /** The passes this evaluator runs, in order. */
    public List<EvaluationPass> passes() {
        return passes;
    }

    @Override
    public Metrics evaluate(Architecture architecture, NetworkGraph network, Mapping mapping, OpConvention convention) {
        return evaluate(ArchitectureCosts.of(architecture, registry), network, mapping, convention);
    }

    /** The hot path: the architecture's components are priced once and reused across mappings. */
    public Metrics evaluate(ArchitectureCosts costs, NetworkGraph network, Mapping mapping, OpConvention convention) {
        return evaluate(costs, MappingLayout.of(network, mapping), convention);
    }

    /**
     * The sweep's hot path: the mapping's architecture-independent layout is built once per
     * mapping and priced on every point that reuses it.
     */
    public Metrics evaluate(ArchitectureCosts costs, MappingLayout layout, OpConvention convention) {
        MappedNetwork view = MappedNetwork.of(costs, layout, convention);
        EvaluationLedger ledger = new EvaluationLedger(view.size());
        for (EvaluationPass pass : passes) {
            pass.run(view, ledger);
        }
        return ledger.metrics(view);
    }
}
