package org.memdse.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.LearningRule;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Template;
import org.memdse.core.arch.TransistorFlavour;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.LearningFigures;
import org.memdse.core.eval.IdleHardware;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.RewriteFigures;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.TrainedWeights;
import org.memdse.core.network.read.WeightFileReader;
import org.memdse.cost.evaluator.AccuracyPass;
import org.memdse.cost.evaluator.ArchitectureCosts;
import org.memdse.cost.evaluator.FunctionalCheck;
import org.memdse.cost.evaluator.EvaluationPass;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.timing.ClockDerivation;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.registry.NoModelException;
import org.memdse.report.csv.MetricsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code memdse evaluate}: maps a network onto a system and prices it. */
@Command(name = "evaluate",
        header = "Map a network onto a system and give its area, energy, latency, TOPS/W.", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Map a network onto a system, then give its area, energy per inference, latency, "
            + "throughput, TOPS, TOPS/W, TOPS/mm^2 and EDP with breakdowns by component kind and by layer, "
            + "and the system's peak figures. Components with published figures in the YAML use them; "
            + "the others use memdse's cost models (see the README, 'Cost models').",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated", "1:the network does not fit the system (the reason is printed)",
            "2:bad input (a file, option, or a component no model can price)"})
final class EvaluateCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, json, csv }

    /** How operations are counted for TOPS figures. */
    enum Ops {
        int8(OpConvention.INT8), int16(OpConvention.INT16);

        final OpConvention convention;

        Ops(OpConvention convention) {
            this.convention = convention;
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadMixin workload;

    @Mixin
    MapperMixin mapping;

    @Option(names = "--ops", paramLabel = "CONVENTION", defaultValue = "int8",
            description = "Op convention for TOPS: int8 (NeuroSim) or int16 (ISAAC); 1 MAC = 2 ops (default: ${DEFAULT-VALUE}).")
    Ops ops;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "inference",
            description = "inference, training (the CIM tiles whose learning rule is in-situ-backprop, per sample, "
                + "batch and epoch) or online-learning (the SNN cores' spike-timing rules) (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "Trained weights for the accuracy estimate (a weight file: 'layer NAME ROWSxCOLS' then one "
                + "line of COLS numbers per row; README, 'Trained weights'). The layers it names use their real weights' "
                + "levels; the others stay uniform.")
    java.nio.file.Path weights;

    @Option(names = "--measure", paramLabel = "N",
            description = "With --weights: also run N input vectors (uniform, as the estimate assumes) through each "
                + "trained layer's modelled crossbars (functional inference, --measure-seeds seeds) and print the "
                + "measured SNR beside the estimate, layer by layer.")
    Integer measure;

    @Option(names = "--measure-seeds", paramLabel = "S", defaultValue = "3",
            description = "Seeds for --measure: programming error, drift and stuck-at faults drawn anew for each "
                + "(default: ${DEFAULT-VALUE}).")
    int measureSeeds;

    @Option(names = "--accuracy-table", paramLabel = "CSV",
            description = "Your measured accuracy for other design points: a CSV with columns snr_db (memdse's estimate "
                + "for each point) and accuracy (what you measured, 0..1), e.g. a sweep's CSV with an accuracy column "
                + "added. memdse fits accuracy against SNR (non-decreasing, no other shape assumed) and predicts this "
                + "point's accuracy from its SNR (README, 'Your own accuracy table').")
    java.nio.file.Path accuracyTable;

    @Option(names = "--decode", paramLabel = "NAME=TOKENS",
            description = "ONNX decoding step with a KV cache (past keys and values as graph inputs concatenated into "
                + "graph outputs): generate TOKENS tokens one after another, the symbolic past length NAME growing "
                + "1, 2, ..., TOKENS (a one-token prompt), each step evaluated on the last step's placement (the weights "
                + "stay where they are programmed), and print the latency and "
                + "energy per token (first, mean, last, total) and the cache read. The other figures are the last "
                + "token's. E.g. --decode past_len=128.")
    String decode;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        EvaluationMode evaluationMode = mode(mode);
        Architecture a = workload.pricedArchitecture(spec.commandLine().getErr());
        requireLearning(a, evaluationMode);
        Decoding.Request decoding = decode == null ? null : Decoding.Request.parse(decode, workload);
        NetworkGraph g = decoding == null ? workload.network() : workload.network(decoding.dimension(), decoding.tokens());
        if (measure != null && (weights == null || measure < 1 || measureSeeds < 1)) {
            throw new UserInputException(weights == null
                    ? "--measure needs --weights FILE: the functional inference runs the trained layers"
                    : "--measure and --measure-seeds: expected at least 1, found " + measure + " and " + measureSeeds);
        }
        TrainedWeights trained = weights == null ? TrainedWeights.NONE
                : WeightFileReader.read(weights, weights.toString(), g);
        MeasuredAccuracy measured = accuracyTable == null ? null : MeasuredAccuracy.read(accuracyTable);
        Mapper m = mapping.mapper();
        MappingOutcome outcome = m.map(a, g, mapping.options());
        PrintWriter out = spec.commandLine().getOut();
        if (outcome instanceof MappingOutcome.DoesNotFit d) {
            spec.commandLine().getErr().println("memdse: " + g.name() + " does not fit " + a.name() + ": " + d.reason());
            return ExitCodes.FAILURE;
        }
        Mapping mapping = ((MappingOutcome.Mapped) outcome).mapping();
        Metrics metrics;
        try {
            metrics = new SystemEvaluator(ComponentModelRegistry.load(),
                    withWeights(SystemEvaluator.passes(evaluationMode), trained)).evaluate(a, g, mapping, ops.convention);
        } catch (NoModelException e) {
            throw new UserInputException(e.getMessage());
        }
        Decoding decoded = null;
        if (decoding != null) {
            java.util.Optional<Decoding> run = Decoding.run(decoding, workload, a, m, this.mapping.options(), mapping,
                    evaluationMode, trained, ops.convention, spec.commandLine().getErr());
            if (run.isEmpty()) {
                return ExitCodes.FAILURE;
            }
            decoded = run.get();
        }
        List<FunctionalCheck.LayerCheck> checks = measure == null ? List.of()
                : FunctionalCheck.run(ArchitectureCosts.of(a, ComponentModelRegistry.load()), g, mapping, ops.convention,
                        trained, measure, measureSeeds, 1);
        switch (format) {
            case json -> {
                String json = json(a, g, m, metrics, this.mapping.replicate, trained, checks, measured);
                out.print(decoded == null ? json : decoded.intoJson(json));
            }
            case csv -> MetricsCsv.write(metrics, out);
            default -> out.print(table(a, g, m, metrics, this.mapping.replicate, trained) + checks(checks)
                    + (measured == null ? "" : measured.table(metrics.snrDb()))
                    + (decoded == null ? "" : decoded.table()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code passes} with the accuracy pass reading {@code weights}. */
    static List<EvaluationPass> withWeights(List<EvaluationPass> passes, TrainedWeights weights) {
        if (weights.isEmpty()) {
            return passes;
        }
        List<EvaluationPass> out = new ArrayList<>(passes.size());
        for (EvaluationPass p : passes) {
            out.add(p instanceof AccuracyPass ? new AccuracyPass(weights) : p);
        }
        return out;
    }

    /** The functional check's block for the table, or "" without one. */
    static String checks(List<FunctionalCheck.LayerCheck> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%nfunctional check (crossbar inference of the trained layers: %d uniform inputs x %d seeds, layer by layer)%n",
                checks.get(0).samples(), checks.get(0).seeds()));
        b.append(String.format(Locale.ROOT, "  %-28s %12s %12s %20s%n", "layer", "estimate dB", "measured dB",
                "seeds lowest..highest"));
        for (FunctionalCheck.LayerCheck c : checks) {
            b.append(String.format(Locale.ROOT, "  %-28s %12.2f %12.2f %9.2f .. %-8.2f%n", c.layer(), c.analyticDb(),
                    c.measuredDb(), c.lowestDb(), c.highestDb()));
        }
        return b.toString();
    }

    /** The mode named on the command line; anything else is bad input. */
    static EvaluationMode mode(String key) {
        for (EvaluationMode m : EvaluationMode.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new UserInputException("--mode: expected inference, training or online-learning, found '" + key + "'");
    }

    /** Training needs a learning CIM tile, online learning a learning SNN core: otherwise there is nothing to price. */
    static void requireLearning(Architecture a, EvaluationMode mode) {
        nothingToLearn(a, mode).ifPresent(m -> {
            throw new UserInputException(m + ", or evaluate --mode inference");
        });
    }

    /**
     * Why {@code a} has nothing to learn in {@code mode} (empty: it has, or the mode is inference), with the fix
     * but the last alternative (the caller adds how to leave the mode).
     */
    static java.util.Optional<String> nothingToLearn(Architecture a, EvaluationMode mode) {
        if (mode == EvaluationMode.INFERENCE) {
            return java.util.Optional.empty();
        }
        for (Template t : a.templates()) {
            if (mode == EvaluationMode.TRAINING && t instanceof CimTileTemplate c
                    && c.learning().rule() == LearningRule.IN_SITU_BACKPROP) {
                return java.util.Optional.empty();
            }
            if (mode == EvaluationMode.ONLINE_LEARNING && t instanceof SnnCoreTemplate c && c.learning().rule().spiking()) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(a.name() + " has nothing to " + (mode == EvaluationMode.TRAINING
                ? "train: give a cim-tile template learning: {rule: in-situ-backprop, ...}"
                : "learn online: give an snn-core template learning: {rule: stdp-pair, event_rate: ...}")
                + " (README, 'Learning')");
    }

    /** {@code replicated}: whether the mapping was asked to replicate layers (then that is not advised). */
    static String json(Architecture a, NetworkGraph g, Mapper m, Metrics x, boolean replicated) {
        return json(a, g, m, x, replicated, TrainedWeights.NONE);
    }

    /** With {@code weights}, an {@code snr_weights} field names the file and its trained layers. */
    static String json(Architecture a, NetworkGraph g, Mapper m, Metrics x, boolean replicated, TrainedWeights weights) {
        return json(a, g, m, x, replicated, weights, List.of());
    }

    /** With {@code checks}, an {@code snr_functional} field lists each trained layer's estimate and measurement. */
    static String json(Architecture a, NetworkGraph g, Mapper m, Metrics x, boolean replicated, TrainedWeights weights,
                       List<FunctionalCheck.LayerCheck> checks) {
        return json(a, g, m, x, replicated, weights, checks, null);
    }

    /** With {@code measured} (or null), an {@code accuracy_from_table} field predicts the accuracy from the user's table. */
    static String json(Architecture a, NetworkGraph g, Mapper m, Metrics x, boolean replicated, TrainedWeights weights,
                       List<FunctionalCheck.LayerCheck> checks, MeasuredAccuracy measured) {
        StringBuilder b = new StringBuilder("{\n");
        field(b, "architecture", JsonText.string(a.name()));
        field(b, "network", JsonText.string(g.name()));
        field(b, "mapper", JsonText.string(m.name()));
        field(b, "op_convention", JsonText.string(x.peak().convention().toString()));
        field(b, "area_mm2", JsonText.number(x.areaM2() * 1e6));
        field(b, "energy_pj", JsonText.number(x.energyJ() * 1e12));
        field(b, "latency_ns", JsonText.number(x.latencyS() * 1e9));
        field(b, "pipeline_interval_ns", JsonText.number(x.pipelineIntervalS() * 1e9));
        x.pipelineLimit().ifPresent(l -> field(b, "pipeline_limited_by", "{\"layer\": " + JsonText.string(l.layer())
                + ", \"cause\": " + JsonText.string(l.cause()) + ", \"share\": " + JsonText.number(l.share()) + "}"));
        Architecture clocked = ClockDerivation.resolve(a);
        field(b, "clock_mhz", JsonText.number(clocked.technology().clockHz() / 1e6));
        field(b, "clock_derived", Boolean.toString(!a.technology().clockGiven()));
        ClockDerivation.critical(clocked, clocked.technology())
                .ifPresent(c -> field(b, "sensing_path_ns", JsonText.number(c.path().total() * 1e9)));
        field(b, "throughput_inferences_per_s", JsonText.number(x.throughputPerSecond()));
        field(b, "ops", JsonText.number(x.ops()));
        field(b, "tops", JsonText.number(x.tops()));
        field(b, "tops_per_w", JsonText.number(x.topsPerWatt()));
        field(b, "tops_per_mm2", JsonText.number(x.topsPerMm2()));
        field(b, "edp_pj_ns", JsonText.number(x.edp() * 1e21));
        field(b, "leakage_power_w", JsonText.number(x.leakagePowerW()));
        field(b, "crossbar_utilisation", JsonText.number(x.crossbarUtilisation()));
        field(b, "core_utilisation", JsonText.number(x.coreUtilisation()));
        long[] where = macsByWhere(g, x);
        if (where[1] + where[2] > 0) {
            field(b, "macs_by_where", "{\"crossbar\": " + where[0] + ", \"digital\": " + where[1]
                    + ", \"rewritten_crossbar\": " + where[2] + "}");
        }
        RewriteFigures r = x.rewrite();
        if (r.active()) {
            field(b, "rewrite", "{\"cells_written\": " + JsonText.number(r.cellsWritten())
                    + ", \"pulses_per_cell\": " + JsonText.number(r.pulsesPerCell())
                    + ", \"pulses_of_busiest_cell\": " + JsonText.number(r.pulsesOfBusiestCell())
                    + ", \"write_energy_pj\": " + JsonText.number(r.writeEnergyJ() * 1e12)
                    + ", \"verify_energy_pj\": " + JsonText.number(r.verifyEnergyJ() * 1e12)
                    + ", \"energy_share\": " + JsonText.number(r.energyJ() / x.energyJ())
                    + ", \"write_time_ns\": " + JsonText.number(r.writeTimeS() * 1e9)
                    + ", \"verify_time_ns\": " + JsonText.number(r.verifyTimeS() * 1e9)
                    + ", \"time_share\": " + JsonText.number(r.timeS() / x.latencyS())
                    + ", \"lifetime_inferences\": " + JsonText.number(r.lifetimeInferences())
                    + ", \"lifetime_s\": " + JsonText.number(r.lifetimeS(x.throughputPerSecond())) + "}");
        }
        field(b, "tiles", JsonText.number(x.idle().tiles()));
        field(b, "idle_tiles", JsonText.number(x.idle().idleTiles()));
        field(b, "cores", JsonText.number(x.idle().cores()));
        field(b, "idle_cores", JsonText.number(x.idle().idleCores()));
        field(b, "power_gated", Boolean.toString(x.idle().powerGated()));
        field(b, "static_energy_share", JsonText.number(x.staticShare()));
        field(b, "mostly_idle", Boolean.toString(x.mostlyIdle()));
        field(b, "advice", advice(a, x, replicated).stream().map(JsonText::string)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        field(b, "communication_energy_pj", JsonText.number(x.communicationEnergyJ() * 1e12));
        field(b, "communication_energy_share", JsonText.number(x.communicationEnergyShare()));
        field(b, "communication_time_ns", JsonText.number(x.communicationTimeS() * 1e9));
        field(b, "communication_time_share", JsonText.number(x.communicationTimeShare()));
        field(b, "link_utilisation_max", JsonText.number(x.network().maxUtilisation()));
        field(b, "link_utilisation_mean", JsonText.number(x.network().meanUtilisation()));
        field(b, "links_loaded", JsonText.number(x.network().linksLoaded()));
        field(b, "queueing_ns", JsonText.number(x.network().queueingS() * 1e9));
        field(b, "saturated_links", x.network().saturated().stream()
                .map(l -> "{\"link\": " + l.link() + ", \"from_router\": " + l.fromRouter() + ", \"to_router\": "
                        + l.toRouter() + ", \"layer\": " + JsonText.string(l.layer()) + ", \"utilisation\": "
                        + JsonText.number(l.utilisation()) + "}")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        if (a.chips() > 1) {
            field(b, "chips", JsonText.number(a.chips()));
            field(b, "chip_crossing_bits", JsonText.number(x.network().chipCrossingBits()));
            field(b, "chip_traffic_bits", object(x.network().chipTraffic(), 1));
            field(b, "board_energy_pj", JsonText.number(x.energyByKind().get("chip_link") * 1e12));
            field(b, "board_utilisation_max", JsonText.number(x.network().boardUtilisation()));
            field(b, "board_queueing_ns", JsonText.number(x.network().boardQueueingS() * 1e9));
        }
        field(b, "snr_db", JsonText.number(x.snrDb()));
        field(b, "snr_is_estimate", "true");
        field(b, "snr_db_by_source", object(x.snrDbBySource(), 1));
        field(b, "snr_db_by_layer", object(x.snrDbByLayer(), 1));
        if (!weights.isEmpty()) {
            field(b, "snr_weights", "{\"file\": " + JsonText.string(weights.source()) + ", \"trained_layers\": "
                    + weights.layers().keySet().stream().map(JsonText::string)
                            .collect(java.util.stream.Collectors.joining(", ", "[", "]")) + "}");
        }
        if (!checks.isEmpty()) {
            field(b, "snr_functional", checks.stream().map(c -> "{\"layer\": " + JsonText.string(c.layer())
                    + ", \"analytic_db\": " + JsonText.number(c.analyticDb()) + ", \"measured_db\": "
                    + JsonText.number(c.measuredDb()) + ", \"measured_db_lowest_seed\": " + JsonText.number(c.lowestDb())
                    + ", \"measured_db_highest_seed\": " + JsonText.number(c.highestDb()) + ", \"samples\": "
                    + c.samples() + ", \"seeds\": " + c.seeds() + "}")
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
        }
        if (measured != null) {
            field(b, "accuracy_from_table", measured.json(x.snrDb()));
        }
        field(b, "peak_tops", JsonText.number(x.peak().peakTops()));
        field(b, "peak_power_w", JsonText.number(x.peak().peakPowerW()));
        field(b, "peak_tops_per_w", JsonText.number(x.peak().peakTopsPerWatt()));
        field(b, "peak_tops_per_mm2", JsonText.number(x.peak().peakTopsPerMm2()));
        field(b, "area_mm2_by_kind", object(x.areaByKind(), 1e6));
        field(b, "area_mm2_by_subsystem", object(x.areaBySubsystem(), 1e6));
        field(b, "energy_pj_by_kind", object(x.energyByKind(), 1e12));
        field(b, "energy_pj_by_layer", object(x.energyByLayer(), 1e12));
        field(b, "latency_ns_by_layer", object(x.latencyByLayer(), 1e9));
        field(b, "latency_ns_by_cause", object(x.latencyByCause(), 1e9));
        if (x.learning().active()) {
            field(b, "learning", learningJson(x.learning()));
        }
        b.append("  \"latency_ns_by_layer_and_cause\": {");
        String separator = "\n";
        for (Map.Entry<String, Breakdown> e : x.latencyByLayerAndCause().entrySet()) {
            b.append(separator).append("    ").append(JsonText.string(e.getKey())).append(": ")
                    .append(object(e.getValue(), 1e9));
            separator = ",\n";
        }
        b.append(x.latencyByLayerAndCause().isEmpty() ? "}" : "\n  }").append("\n}\n");
        return b.toString();
    }

    /** The learning pass's figures as one JSON object (units in the keys). */
    static String learningJson(LearningFigures l) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"mode\": ").append(JsonText.string(l.mode().key()));
        String[][] fields = {
            {"energy_pj_per_sample", JsonText.number(l.energyPerSampleJ() * 1e12)},
            {"time_ns_per_sample", JsonText.number(l.timePerSampleS() * 1e9)},
            {"energy_pj_per_batch", JsonText.number(l.energyPerBatchJ() * 1e12)},
            {"time_ns_per_batch", JsonText.number(l.timePerBatchS() * 1e9)},
            {"energy_pj_per_epoch", JsonText.number(l.energyPerEpochJ() * 1e12)},
            {"time_ns_per_epoch", JsonText.number(l.timePerEpochS() * 1e9)},
            {"tops_per_w_training", JsonText.number(l.topsPerWatt())},
            {"area_mm2_added", JsonText.number(l.areaAddedM2() * 1e6)},
            {"cells_written_per_update", JsonText.number(l.cellsWrittenPerUpdate())},
            {"pulses_per_cell_per_update", JsonText.number(l.pulsesPerCellPerUpdate())},
            {"pulses_of_busiest_cell_per_update", JsonText.number(l.pulsesOfBusiestCell())},
            {"write_energy_pj_per_synaptic_update", JsonText.number(l.writeEnergyPerUpdateJ() * 1e12)},
            {"written_precision_levels", JsonText.number(l.writtenPrecisionLevels())},
            {"lifetime_s", JsonText.number(l.lifetimeS())},
            {"epochs_survived", JsonText.number(l.epochsSurvived())},
            {"energy_pj_by_phase", object(l.energyByPhase(), 1e12)},
            {"time_ns_by_phase", object(l.timeByPhase(), 1e9)}};
        for (String[] f : fields) {
            b.append(", ").append(JsonText.string(f[0])).append(": ").append(f[1]);
        }
        return b.append("}").toString();
    }

    private static void field(StringBuilder b, String key, String value) {
        b.append("  ").append(JsonText.string(key)).append(": ").append(value).append(",\n");
    }

    private static String object(Breakdown breakdown, double scale) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, Double> e : breakdown.parts().entrySet()) {
            b.append(b.length() == 1 ? "" : ", ").append(JsonText.string(e.getKey())).append(": ")
                    .append(JsonText.number(e.getValue() * scale));
        }
        return b.append("}").toString();
    }

    static String table(Architecture a, NetworkGraph g, Mapper m, Metrics x, boolean replicated) {
        return table(a, g, m, x, replicated, TrainedWeights.NONE);
    }

    /** With {@code weights}, the accuracy block says which layers use trained weights. */
    static String table(Architecture a, NetworkGraph g, Mapper m, Metrics x, boolean replicated, TrainedWeights weights) {
        StringBuilder b = new StringBuilder();
        b.append("evaluate ").append(g.name()).append(" on ").append(a.name()).append(" (mapper: ").append(m.name())
                .append("; ops: ").append(x.peak().convention()).append(")\n\n");
        b.append("per inference\n");
        line(b, "area", fmt(x.areaM2() * 1e6), "mm^2");
        line(b, "energy", fmt(x.energyJ() * 1e12), "pJ");
        line(b, "latency (layer by layer)", fmt(x.latencyS() * 1e9), "ns");
        line(b, "pipeline interval", fmt(x.pipelineIntervalS() * 1e9), "ns");
        x.pipelineLimit().ifPresent(l -> b.append("    (set by ").append(l.layer()).append(", ").append(l.cause())
                .append(" ").append(percent(l.share())).append(" of its time)\n"));
        clock(b, a);
        line(b, "throughput (pipelined)", fmt(x.throughputPerSecond()), "inferences/s");
        line(b, "TOPS", fmt(x.tops()), "TOPS");
        line(b, "TOPS/W", fmt(x.topsPerWatt()), "TOPS/W");
        line(b, "TOPS/mm^2", fmt(x.topsPerMm2()), "TOPS/mm^2");
        line(b, "EDP", fmt(x.edp() * 1e21), "pJ*ns");
        line(b, "leakage power", fmt(x.leakagePowerW()), "W");
        line(b, "crossbar utilisation", fmt(100 * x.crossbarUtilisation()), "%");
        line(b, "SNN core utilisation", fmt(100 * x.coreUtilisation()), "%");
        macShares(b, g, x);
        rewriteTable(b, a, x);
        idle(b, a, x, replicated);
        communication(b, x);
        if (a.chips() > 1) {
            board(b, a, x);
        }
        accuracy(b, x, weights);
        b.append("\npeak (all arrays busy)\n");
        line(b, "peak TOPS", fmt(x.peak().peakTops()), "TOPS");
        line(b, "peak power", fmt(x.peak().peakPowerW()), "W");
        line(b, "peak TOPS/W", fmt(x.peak().peakTopsPerWatt()), "TOPS/W");
        line(b, "peak TOPS/mm^2", fmt(x.peak().peakTopsPerMm2()), "TOPS/mm^2");
        shares(b, "area by component kind", x.areaByKind(), 1e6, "mm^2");
        shares(b, "energy by component kind", x.energyByKind(), 1e12, "pJ");
        shares(b, "energy by layer", x.energyByLayer(), 1e12, "pJ");
        shares(b, "latency by cause", x.latencyByCause(), 1e9, "ns");
        learningTable(b, x.learning());
        latencyByLayer(b, x);
        return b.toString();
    }

    /**
     * Where the MACs run, printed when some do not run on crossbars (a transformer's attention:
     * products of two computed tensors, on the tiles' digital units).
     */
    private static void macShares(StringBuilder b, NetworkGraph g, Metrics x) {
        long[] where = macsByWhere(g, x);
        if (where[1] + where[2] == 0) {
            return;
        }
        double all = where[0] + where[1] + where[2];
        b.append("\nMACs by where they run\n");
        line(b, "on crossbars", fmt(where[0]), "MACs  " + percent(where[0] / all));
        line(b, "on digital units (matmul)", fmt(where[1]), "MACs  " + percent(where[1] / all));
        line(b, "on rewritten crossbars", fmt(where[2]), "MACs  " + percent(where[2] / all)
                + (where[2] > 0 ? "" : " (products of two computed tensors run on digital units; a cim-tile template's "
                + "activation_products: {run_on: rewritten-crossbars} writes their B operands into crossbars per input)"));
    }

    /**
     * MACs on crossbars (weight layers), on digital units (products of two computed tensors) and
     * on crossbars rewritten per input (those products when the architecture rewrites them: the
     * rewrite pass counts them).
     */
    static long[] macsByWhere(NetworkGraph g, Metrics x) {
        long crossbar = 0;
        long products = 0;
        for (org.memdse.core.network.NetworkNode n : g.nodes()) {
            long macs = g.stats(n).macs();
            if (n.kind() == org.memdse.core.network.NodeKind.MATMUL) {
                products += macs;
            } else {
                crossbar += macs;
            }
        }
        long rewritten = Math.min(products, Math.round(x.rewrite().macs()));
        return new long[] {crossbar, products - rewritten, rewritten};
    }

    /** What writing the rewritten crossbars costs per inference, and how long their cells last. */
    private static void rewriteTable(StringBuilder b, Architecture a, Metrics x) {
        RewriteFigures r = x.rewrite();
        if (!r.active()) {
            return;
        }
        org.memdse.core.arch.ActivationProducts p = a.activationProducts();
        b.append("\nrewritten crossbars (each product's B operand written into the cells per inference, ")
                .append(p.scheme().key()).append(")\n");
        line(b, "cells written", fmt(r.cellsWritten()), "cells per inference");
        line(b, "pulses per written cell", fmt(r.pulsesPerCell()), "pulses (busiest cell " + fmt(r.pulsesOfBusiestCell())
                + ")");
        line(b, "write energy", fmt(r.energyJ() * 1e12), "pJ (" + percent(r.energyJ() / x.energyJ())
                + " of the energy" + (r.verifyEnergyJ() > 0 ? "; verify " + fmt(r.verifyEnergyJ() * 1e12) + " pJ" : "")
                + ")");
        line(b, "write time", fmt(r.timeS() * 1e9), "ns (" + percent(r.timeS() / x.latencyS()) + " of the latency)");
        line(b, "lifetime", fmt(r.lifetimeInferences()), "inferences until the busiest cell's endurance");
        line(b, "  at the pipelined rate", fmt(r.lifetimeS(x.throughputPerSecond())), "s ("
                + fmt(x.throughputPerSecond()) + " inferences/s)");
    }

    /**
     * The clock, and the sensing path that sets it (clock: auto) or that it must hold (a given clock
     * with a macro sensed without sample-and-hold).
     */
    private static void clock(StringBuilder b, Architecture a) {
        Architecture clocked = ClockDerivation.resolve(a);
        double hz = clocked.technology().clockHz();
        line(b, "clock", fmt(hz / 1e6), "MHz");
        ClockDerivation.critical(clocked, clocked.technology()).ifPresent(c -> {
            double path = c.path().total();
            String how = a.technology().clockGiven()
                    ? String.format(java.util.Locale.ROOT, "given; the slowest sensing path takes %.0f %% of its period", 100 * path * hz)
                    : "auto: 1.4 x the slowest sensing path";
            b.append("    (").append(how).append(", ").append(c.where()).append(": ").append(c.path().describe())
                    .append(" = ").append(String.format(java.util.Locale.ROOT, "%.3f ns", path * 1e9)).append(")\n");
        });
    }

    /** Shown saturated links at most; the JSON lists them all. */
    static final int SATURATED_SHOWN = 5;

    /** Energy and time of moving data, and the contention model's link loads. */
    private static void communication(StringBuilder b, Metrics x) {
        b.append("\ncommunication\n");
        line(b, "energy", fmt(x.communicationEnergyJ() * 1e12), "pJ (" + percent(x.communicationEnergyShare()) + " of the energy)");
        line(b, "network time", fmt(x.communicationTimeS() * 1e9), "ns (" + percent(x.communicationTimeShare()) + " of the latency)");
        line(b, "queueing delay", fmt(x.network().queueingS() * 1e9), "ns");
        line(b, "link utilisation, max", fmt(100 * x.network().maxUtilisation()), "%");
        line(b, "link utilisation, mean", fmt(100 * x.network().meanUtilisation()), "% over " + x.network().linksLoaded() + " loaded links");
        line(b, "saturated links", Integer.toString(x.network().saturated().size()), "utilisation >= 100 %");
        x.network().saturated().stream().limit(SATURATED_SHOWN).forEach(l -> b.append(String.format(Locale.ROOT,
                "    link %d (router %d -> %d): %s %% by %s%n", l.link(), l.fromRouter(), l.toRouter(),
                fmt(100 * l.utilisation()), l.layer())));
        if (x.network().saturated().size() > SATURATED_SHOWN) {
            b.append("    ... ").append(x.network().saturated().size() - SATURATED_SHOWN).append(" more (--format json lists all)\n");
        }
    }

    /** A multi-chip system's board: the traffic between its chips and what their links cost. */
    private static void board(StringBuilder b, Architecture a, Metrics x) {
        org.memdse.core.arch.Board board = a.board().orElseThrow();
        b.append("\nchips (").append(a.chips()).append(" on a ").append(board.topology().key()).append(" board, ")
                .append(board.link().orElseThrow().effectiveKind().key()).append(" links)\n");
        line(b, "chip-crossing traffic", fmt(x.network().chipCrossingBits()), "bit per inference");
        x.network().chipTraffic().parts().forEach((pair, bits) -> b.append(String.format(Locale.ROOT,
                "    chip %s: %s bit%n", pair.replace("->", " -> chip "), fmt(bits))));
        line(b, "board energy", fmt(x.energyByKind().get("chip_link") * 1e12), "pJ");
        line(b, "board link utilisation, max", fmt(100 * x.network().boardUtilisation()), "%");
        line(b, "board queueing delay", fmt(x.network().boardQueueingS() * 1e9), "ns");
    }

    /** The learning pass's figures, when a learning mode ran. */
    private static void learningTable(StringBuilder b, LearningFigures l) {
        if (!l.active()) {
            return;
        }
        boolean training = l.mode() == EvaluationMode.TRAINING;
        b.append(training ? "\ntraining (in-situ, per sample / batch / epoch)\n" : "\nonline learning (per inference)\n");
        line(b, "energy per sample", fmt(l.energyPerSampleJ() * 1e12), "pJ");
        line(b, "time per sample", fmt(l.timePerSampleS() * 1e9), "ns");
        if (training) {
            line(b, "energy per batch", fmt(l.energyPerBatchJ() * 1e12), "pJ");
            line(b, "time per batch", fmt(l.timePerBatchS() * 1e9), "ns");
            line(b, "energy per epoch", fmt(l.energyPerEpochJ() * 1e12), "pJ");
            line(b, "time per epoch", fmt(l.timePerEpochS() * 1e9), "ns");
            line(b, "TOPS/W (training)", fmt(l.topsPerWatt()), "TOPS/W");
            line(b, "area added for training", fmt(l.areaAddedM2() * 1e6), "mm^2 (gradient unit, batch sums, transposed-read converters)");
        }
        line(b, "cells written per update", fmt(l.cellsWrittenPerUpdate()), "cells");
        line(b, "pulses per written cell", fmt(l.pulsesPerCellPerUpdate()), "pulses");
        line(b, "pulses of the busiest cell", fmt(l.pulsesOfBusiestCell()), "pulses per update");
        line(b, "write energy per synaptic update", fmt(l.writeEnergyPerUpdateJ() * 1e12), "pJ");
        line(b, "written precision (sigma)", fmt(l.writtenPrecisionLevels()), "level spacings");
        line(b, "lifetime", fmt(l.lifetimeS()), "s");
        if (training) {
            line(b, "epochs the chip survives", fmt(l.epochsSurvived()), "epochs");
        }
        shares(b, training ? "energy per epoch by phase" : "energy per inference by phase", l.energyByPhase(), 1e12, "pJ");
        shares(b, training ? "time per epoch by phase" : "time per inference by phase", l.timeByPhase(), 1e9, "ns");
    }

    /**
     * The accuracy estimate: the network's output SNR and what it would be with one source alone,
     * worst first (the per-layer figures are in the JSON and CSV).
     */
    private static void accuracy(StringBuilder b, Metrics x, TrainedWeights weights) {
        if (Double.isNaN(x.snrDb())) {
            return;
        }
        b.append("\naccuracy (analytic estimate, not a measured accuracy)\n");
        if (!weights.isEmpty()) {
            b.append("  weights: trained for ").append(String.join(", ", weights.layers().keySet())).append(" (")
                    .append(weights.source()).append("); other layers assumed uniform\n");
        }
        line(b, "output SNR", x.snrDb() >= Metrics.NO_ERROR_DB ? "no error" : fmt(x.snrDb()), "dB");
        x.snrDbBySource().parts().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> line(b, "  " + e.getKey().replace('_', ' ') + " alone", fmt(e.getValue()), "dB"));
    }

    /** Each layer's time split by cause, one column per cause any layer spends time on, slowest layer first. */
    private static void latencyByLayer(StringBuilder b, Metrics x) {
        List<LatencyCause> causes = new ArrayList<>();
        for (LatencyCause c : LatencyCause.values()) {
            if (x.latencyByCause().get(c.key()) != 0) {
                causes.add(c);
            }
        }
        b.append("\nlatency by layer and cause (ns)\n");
        b.append(String.format(Locale.ROOT, "  %-28s %14s", "layer", "total"));
        for (LatencyCause c : causes) {
            b.append(String.format(Locale.ROOT, " %14s", c.key()));
        }
        b.append('\n');
        x.latencyByLayer().parts().entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> {
                    b.append(String.format(Locale.ROOT, "  %-28s %14s", e.getKey(), fmt(e.getValue() * 1e9)));
                    Breakdown layer = x.latencyByLayerAndCause().getOrDefault(e.getKey(), Breakdown.EMPTY);
                    for (LatencyCause c : causes) {
                        b.append(String.format(Locale.ROOT, " %14s", fmt(layer.get(c.key()) * 1e9)));
                    }
                    b.append('\n');
                });
    }

    /** When most of the chip idles: how much of it, how much of the energy is leakage, and what would help. */
    private static void idle(StringBuilder b, Architecture a, Metrics x, boolean replicated) {
        if (!x.mostlyIdle()) {
            return;
        }
        IdleHardware i = x.idle();
        b.append(i.idleShare() > Metrics.MOSTLY_IDLE ? "\nmost of the chip is idle" : "\nmost of the energy is leakage")
                .append(i.powerGated() ? " (idle tiles and cores are switched off)" : "").append('\n');
        if (i.tiles() > 0) {
            line(b, "CIM tiles holding no weights", i.idleTiles() + " of " + i.tiles(),
                    "(" + percent((double) i.idleTiles() / i.tiles()) + ")");
        }
        if (i.cores() > 0) {
            line(b, "SNN cores holding no neurons", i.idleCores() + " of " + i.cores(),
                    "(" + percent((double) i.idleCores() / i.cores()) + ")");
        }
        line(b, "static (leakage) energy", percent(x.staticShare()), "of the energy");
        b.append("  what would help:\n");
        for (String advice : advice(a, x, replicated)) {
            b.append("    - ").append(advice).append('\n');
        }
    }

    /** What would put the idle hardware to work or stop it leaking (empty unless most of the chip idles). */
    static List<String> advice(Architecture a, Metrics x, boolean replicated) {
        List<String> out = new ArrayList<>();
        if (!x.mostlyIdle()) {
            return out;
        }
        IdleHardware i = x.idle();
        long idle = i.idleTiles() + i.idleCores();
        if (!replicated && i.idleTiles() > 0) {
            out.add("--replicate: copy the slowest layers onto the idle tiles (a shorter pipeline interval and latency,"
                    + " so less leakage per inference)");
        }
        if (!i.powerGated() && idle > 0) {
            out.add("power_gating: {gate: unused} in the description: switch the idle tiles and cores off (each then"
                    + " leaks " + percent(a.powerGating().residualLeakage()) + " of its leakage; sleep switches add"
                    + " a little area)");
        }
        if (idle > 0) {
            List<String> used = new ArrayList<>();
            if (i.idleTiles() > 0) {
                used.add((i.tiles() - i.idleTiles()) + " of its " + i.tiles() + " CIM tiles");
            }
            if (i.idleCores() > 0) {
                used.add((i.cores() - i.idleCores()) + " of its " + i.cores() + " SNN cores");
            }
            out.add("a smaller chip: this mapping uses " + String.join(" and ", used)
                    + " (the subsystems' count: in the description)");
        }
        if (out.isEmpty()) {
            // A chip already on low-standby-power logic (zhong2021-reservoir) was told to switch to it.
            out.add("less leakage per inference: a shorter latency (a faster clock or converters, fewer input cycles)"
                    + (a.technology().flavour() == TransistorFlavour.LSTP ? ""
                    : " or low-standby-power logic (technology.flavour: lstp)"));
        }
        return out;
    }

    private static void shares(StringBuilder b, String title, Breakdown breakdown, double scale, String unit) {
        b.append('\n').append(title).append(" (").append(unit).append(", share)\n");
        breakdown.parts().entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> b.append(String.format(Locale.ROOT, "  %-28s %14s  %5.1f %%%n", e.getKey(),
                        fmt(e.getValue() * scale), 100 * breakdown.share(e.getKey()))));
    }

    private static void line(StringBuilder b, String label, String value, String unit) {
        b.append(String.format(Locale.ROOT, "  %-28s %14s  %s%n", label, value, unit));
    }

    /** A share as a percentage with one decimal, e.g. {@code 80.4 %}. */
    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    /** Four significant digits, no exponent for everyday magnitudes. */
    static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e9) {
            int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(abs)));
            return String.format(Locale.ROOT, "%,." + decimals + "f", v);
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
