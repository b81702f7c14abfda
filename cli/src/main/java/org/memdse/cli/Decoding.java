package org.memdse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingUnit;
import org.memdse.core.mapping.Placement;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.registry.NoModelException;
import org.memdse.mapping.MappingAssembler;
import org.memdse.mapping.MappingProblem;
import org.memdse.core.network.TrainedWeights;
import org.memdse.onnx.OnnxKvCache;
import org.memdse.onnx.OnnxNetworkReader;

/**
 * {@code evaluate --decode NAME=TOKENS}: autoregressive decoding with a KV cache, token after
 * token. The ONNX file is one decoding step whose cache (past keys and values, graph inputs
 * concatenated into graph outputs) has the symbolic length NAME; generating token t after a
 * one-token prompt reads a cache of t positions, so step t is the file with NAME = t, evaluated
 * like any network on the placement of the last token's mapping (weights stay where they are
 * programmed; each step's routes and loads follow its own traffic). Per token: its latency and energy; over the run: first, mean and
 * last latency, the total, and the cache read at the first and last token.
 *
 * @param request    what was asked
 * @param latencyS   each token's latency, token 1 first
 * @param energyJ    each token's energy
 * @param cacheFirst values the first token reads from the cache
 * @param cacheLast  values the last token reads from the cache
 * @param appended   values each token appends to the cache
 */
record Decoding(Request request, double[] latencyS, double[] energyJ, long cacheFirst, long cacheLast, long appended) {
    /** At most this many tokens: each is a mapping and an evaluation. */
    static final int MAX_TOKENS = 4096;

    /** {@code NAME=TOKENS} as typed. */
    record Request(String dimension, int tokens, Path file) {
        static Request parse(String text, WorkloadMixin workload) {
            int eq = text.indexOf('=');
            String name = eq < 0 ? "" : text.substring(0, eq).trim();
            long tokens;
            try {
                tokens = eq < 0 ? -1 : Long.parseLong(text.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                tokens = -1;
            }
            if (name.isEmpty() || tokens < 1 || tokens > MAX_TOKENS) {
                throw new UserInputException("--decode " + text + ": expected NAME=TOKENS, the KV cache's symbolic past "
                        + "length and the tokens to generate (1.." + MAX_TOKENS + "), e.g. --decode past_len=128");
            }
            if (workload.imports.dims.containsKey(name)) {
                throw new UserInputException("--decode " + text + " and --dim " + name + "=" + workload.imports.dims.get(name)
                        + " both size '" + name + "'; --decode sizes it for each token: drop the --dim");
            }
            Path file = Path.of(workload.network);
            if (!Files.isRegularFile(file) || !NetworkLoader.isOnnx(file)) {
                throw new UserInputException("--decode needs an ONNX decoding step with a KV cache (graph inputs of "
                        + "past keys and values concatenated into graph outputs); '" + workload.network
                        + "' is no ONNX file");
            }
            return new Request(name, (int) tokens, file);
        }
    }

    /**
     * Maps and evaluates every token's step; empty (with the reason on {@code err}) when a step does
     * not fit the architecture. A file without a cache sized by the dimension is bad input.
     */
    static Optional<Decoding> run(Request r, WorkloadMixin workload, Architecture a, Mapper mapper,
                                  MapperOptions options, Mapping last, EvaluationMode mode, TrainedWeights weights,
                                  OpConvention convention, PrintWriter err) {
        OnnxKvCache first = cache(r, workload, 1);
        OnnxKvCache second = cache(r, workload, 2);
        if (!first.present()) {
            throw new UserInputException("--decode: " + r.file() + " has no KV cache (no graph input is concatenated "
                    + "into a graph output, as past_key/past_value into present_key/present_value)");
        }
        if (second.pastValues() == first.pastValues()) {
            throw new UserInputException("--decode " + r.dimension() + "=" + r.tokens() + ": '" + r.dimension()
                    + "' does not size the KV cache of " + r.file() + " (its inputs " + first.inputs()
                    + " keep " + first.pastValues() + " values); give the cache's past-length dimension");
        }
        SystemEvaluator evaluator = new SystemEvaluator(ComponentModelRegistry.load(),
                EvaluateCommand.withWeights(SystemEvaluator.passes(mode), weights));
        double[] latency = new double[r.tokens()];
        double[] energy = new double[r.tokens()];
        for (int t = 1; t <= r.tokens(); t++) {
            NetworkGraph g = workload.network(r.dimension(), t);
            Optional<Mapping> kept = samePlacement(a, g, options, last, mapper.name());
            MappingOutcome outcome = kept.<MappingOutcome>map(k -> new MappingOutcome.Mapped(k))
                    .orElseGet(() -> mapper.map(a, g, options));
            if (outcome instanceof MappingOutcome.DoesNotFit d) {
                err.println("memdse: token " + t + " (" + r.dimension() + " = " + t + ") of " + g.name()
                        + " does not fit " + a.name() + ": " + d.reason());
                return Optional.empty();
            }
            Metrics x;
            try {
                x = evaluator.evaluate(a, g, ((MappingOutcome.Mapped) outcome).mapping(), convention);
            } catch (NoModelException e) {
                throw new UserInputException(e.getMessage());
            }
            latency[t - 1] = x.latencyS();
            energy[t - 1] = x.energyJ();
        }
        long perPosition = second.pastValues() - first.pastValues();
        return Optional.of(new Decoding(r, latency, energy, first.pastValues(),
                first.pastValues() + (r.tokens() - 1) * perPosition, first.appendedValues()));
    }

    /**
     * The step's mapping with the weights where the last token's mapping put them: the weights do
     * not move between tokens, so every step keeps that placement, its routes and link loads
     * computed anew from its own traffic. Empty when the step's units differ from the last's.
     */
    static Optional<Mapping> samePlacement(Architecture a, NetworkGraph g, MapperOptions options, Mapping last,
                                           String mapperName) {
        MappingProblem.Preparation prep = MappingProblem.prepare(a, g, options);
        if (!(prep instanceof MappingProblem.Ready ready)) {
            return Optional.empty();
        }
        List<MappingUnit> units = ready.problem().partition().units();
        if (units.size() != last.units().size()) {
            return Optional.empty();
        }
        int[] endpointOf = new int[units.size()];
        java.util.Arrays.fill(endpointOf, -1);
        for (Placement p : last.placements()) {
            if (p.unit() < 0 || p.unit() >= endpointOf.length) {
                return Optional.empty();
            }
            endpointOf[p.unit()] = p.endpoint();
        }
        for (int i = 0; i < units.size(); i++) {
            if (!units.get(i).equals(last.units().get(i)) || units.get(i).id() != i || endpointOf[i] < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(MappingAssembler.assemble(ready.problem(), mapperName, endpointOf, 0).mapping());
    }

    private static OnnxKvCache cache(Request r, WorkloadMixin workload, long past) {
        return OnnxKvCache.of(OnnxNetworkReader.readLayers(r.file(), workload.imports.options(false, r.dimension(), past)));
    }

    double meanLatencyS() {
        return totalLatencyS() / latencyS.length;
    }

    double totalLatencyS() {
        double s = 0;
        for (double l : latencyS) {
            s += l;
        }
        return s;
    }

    double meanEnergyJ() {
        double s = 0;
        for (double e : energyJ) {
            s += e;
        }
        return s / energyJ.length;
    }

    /** The table's block. */
    String table() {
        StringBuilder b = new StringBuilder();
        int n = latencyS.length;
        b.append(String.format(Locale.ROOT, "%ndecoding %d tokens with the KV cache (%s = 1..%d, a one-token prompt; "
                + "each token's step evaluated on token %d's placement, whose figures are above)%n", n, request.dimension(), n,
                n, n));
        line(b, "KV cache read, first token", count(cacheFirst), "values");
        line(b, "KV cache read, last token", count(cacheLast), "values");
        line(b, "appended per token", count(appended), "values");
        line(b, "latency per token, first", EvaluateCommand.fmt(latencyS[0] * 1e9), "ns");
        line(b, "latency per token, mean", EvaluateCommand.fmt(meanLatencyS() * 1e9), "ns");
        line(b, "latency per token, last", EvaluateCommand.fmt(latencyS[n - 1] * 1e9), "ns");
        line(b, "decode time, " + n + " tokens", EvaluateCommand.fmt(totalLatencyS() * 1e9), "ns");
        line(b, "tokens per second", EvaluateCommand.fmt(n / totalLatencyS()), "tokens/s");
        line(b, "energy per token, mean", EvaluateCommand.fmt(meanEnergyJ() * 1e12), "pJ");
        return b.toString();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static void line(StringBuilder b, String label, String value, String unit) {
        b.append(String.format(Locale.ROOT, "  %-32s %16s  %s%n", label, value, unit));
    }

    /** {@code json} (an object) with a {@code decode} field added before its closing brace. */
    String intoJson(String json) {
        StringBuilder f = new StringBuilder("  \"decode\": {");
        f.append("\"dimension\": ").append(JsonText.string(request.dimension()));
        f.append(", \"tokens\": ").append(latencyS.length);
        f.append(", \"kv_cache_values_first\": ").append(cacheFirst);
        f.append(", \"kv_cache_values_last\": ").append(cacheLast);
        f.append(", \"kv_cache_values_appended\": ").append(appended);
        f.append(", \"latency_ns_first\": ").append(JsonText.number(latencyS[0] * 1e9));
        f.append(", \"latency_ns_mean\": ").append(JsonText.number(meanLatencyS() * 1e9));
        f.append(", \"latency_ns_last\": ").append(JsonText.number(latencyS[latencyS.length - 1] * 1e9));
        f.append(", \"latency_ns_total\": ").append(JsonText.number(totalLatencyS() * 1e9));
        f.append(", \"energy_pj_mean\": ").append(JsonText.number(meanEnergyJ() * 1e12));
        List<String> each = new ArrayList<>();
        for (double l : latencyS) {
            each.add(JsonText.number(l * 1e9));
        }
        f.append(", \"latency_ns_by_token\": [").append(String.join(", ", each)).append("]}\n");
        String body = json.stripTrailing();
        int close = body.lastIndexOf('}');
        String head = body.substring(0, close).stripTrailing();
        return head + ",\n" + f + body.substring(close) + "\n";
    }
}
