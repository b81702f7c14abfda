package org.memdse.core.explore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.explore.SweepPlan.Reference;
import org.memdse.core.explore.SweepPlan.Sampling;
import org.memdse.core.explore.SweepPlan.Strategy;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.Keyed;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecContext;
import org.memdse.core.spec.SpecLoader;
import org.memdse.core.spec.SpecMap;
import org.memdse.core.spec.SpecNode;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.Suggestions;
import org.memdse.core.units.Dimension;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a sweep file strictly (unknown keys, types, ranges, metric names; every mistake at
 * once with file, line, column and path). Whether the parameter paths exist in the base
 * architecture is checked later, by {@link ArchitectureVariants}, once the base is read.
 */
public final class SweepReader {
    /** The sweep format version this reader understands. */
    public static final int FORMAT_VERSION = 1;

    /** More values than this in one parameter is almost certainly a mistake in a range. */
    public static final int MAX_VALUES = 100_000;
    /**
     * The most rows (points × variants × networks) a sweep may have. The plan is never expanded and the
     * samplers hold nothing per point, but {@code --resume} indexes the rows already written
     * with one bit each: 64 MB at this limit, which a default Java heap holds even on a 1 GB
     * machine. The results file would be about {@link #ROW_BYTES} bytes a row (190 GB here).
     */
    public static final long MAX_ROWS = 1L << 29;
    /** A results row's typical size in bytes (a 1,000,001-line sweep's CSV took 343 MB). */
    static final long ROW_BYTES = 350;

    private static final Pattern NUMBER_WITH_UNIT =
            Pattern.compile("\\s*([-+]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\\s*([A-Za-z][A-Za-z0-9^/]*)?\\s*");
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*([A-Za-z0-9_.]+)\\s*(<=|>=|<|>|=<|=>|==|=)\\s*(.*?)\\s*");

    /** Range scales. */
    enum Scale implements Keyed {
        LINEAR("linear"), LOG("log");

        private final String key;

        Scale(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    /** Op conventions by their YAML name. */
    enum Ops implements Keyed {
        INT8("int8", OpConvention.INT8), INT16("int16", OpConvention.INT16);

        private final String key;
        private final OpConvention convention;

        Ops(String key, OpConvention convention) {
            this.key = key;
            this.convention = convention;
        }

        @Override
        public String key() {
            return key;
        }
    }

    private SweepReader() {
    }

    /**
     * Reads a sweep file.
     *
     * @throws org.memdse.core.spec.SpecException with every problem found
     */
    public static SweepPlan read(SpecSource source) {
        Diagnostics diagnostics = new Diagnostics();
        SpecContext context = new SpecContext(diagnostics);
        Optional<SpecNode> root = SpecLoader.compose(source, context);
        SweepPlan plan = null;
        if (root.isPresent()) {
            plan = read(source.displayName(), root.get().asMap());
        }
        context.finish();
        diagnostics.throwIfAny();
        return plan;
    }

    private static SweepPlan read(String file, SpecMap top) {
        top.get("version").ifPresent(v -> {
            if (v.asInt(1, Integer.MAX_VALUE) != FORMAT_VERSION) {
                v.error("unsupported version; this memdse reads version " + FORMAT_VERSION);
            }
        });
        String name = top.string("name", "the sweep's name");
        String description = top.optionalString("description").orElse("");
        Reference architecture = reference(top, "architecture", "the base architecture: a file or a bundled id");
        List<Reference> networks = networks(top);

        Reference mapper = new Reference("sequential", top.node().position());
        Optional<Duration> timeLimit = Optional.empty(); // the step budget alone ends a solve
        long seed = 42;
        boolean replicate = false;
        OptionalLong steps = OptionalLong.empty();
        Optional<SpecNode> mapperNode = top.get("mapper");
        if (mapperNode.isPresent()) {
            SpecNode m = mapperNode.get();
            if (m.isMapping()) {
                SpecMap mm = m.asMap();
                mapper = reference(mm, "name", "the mapper: sequential, random or solver");
                Optional<SpecNode> limit = mm.get("time_limit");
                Optional<SpecNode> stepNode = mm.get("steps");
                if (stepNode.isPresent()) {
                    steps = OptionalLong.of(stepNode.get().asInt(1, Integer.MAX_VALUE));
                    String problem = MapperOptions.stepLimitProblem("mapper.steps", steps.getAsLong(), limit.isPresent());
                    if (problem != null) {
                        stepNode.get().error(problem);
                    }
                }
                if (limit.isPresent()) {
                    double seconds = limit.get().asQuantity(Dimension.TIME, null, 0, true);
                    timeLimit = Optional.of(Duration.ofNanos(Math.max(1, Math.round(seconds * 1e9))));
                }
                seed = mm.get("seed").map(s -> (long) s.asInt(0, Integer.MAX_VALUE)).orElse(42L);
                replicate = mm.get("replicate").map(SpecNode::asBoolean).orElse(false);
            } else {
                mapper = new Reference(m.asString(), m.position());
            }
        }
        OpConvention convention = top.enumValue("ops", Ops.class, Ops.INT8).convention;
        EvaluationMode mode = top.enumValue("mode", EvaluationMode.class, EvaluationMode.INFERENCE);
        SourcePosition modeAt = top.get("mode").map(SpecNode::position).orElse(top.node().position());
        boolean hasVariants = top.has("variants");
        List<Parameter> parameters = parameters(top, hasVariants);
        List<Variant> variants = variants(top, parameters);
        Sampling sampling = sampling(top, parameters, new Rows(variants.size(), networks.size()));
        List<DesignConstraint> constraints = new ArrayList<>();
        for (SpecNode c : top.list("constraints")) {
            constraint(c).ifPresent(constraints::add);
        }
        List<Objective> objectives = new ArrayList<>();
        for (SpecNode o : top.list("objectives")) {
            objective(o).ifPresent(ob -> {
                if (objectives.stream().anyMatch(x -> x.metric() == ob.metric())) {
                    o.error("objective on '" + ob.metric().key() + "' given twice");
                } else {
                    objectives.add(ob);
                }
            });
        }
        // A reference that is missing or no text (the architecture, the networks, the mapper's name) has been
        // reported: no plan is built around its absence.
        if (architecture == null || mapper == null || networks.isEmpty() || (parameters.isEmpty() && variants.isEmpty())) {
            return null; // already reported
        }
        return new SweepPlan(file, name, description, architecture, networks, mapper, timeLimit, seed, convention,
                sampling, parameters, constraints, objectives, variants, replicate, steps, mode, modeAt);
    }

    private static Reference reference(SpecMap map, String key, String what) {
        Optional<SpecNode> node = map.required(key, what);
        if (node.isEmpty()) {
            return null;
        }
        String text = node.get().asString();
        return text.isEmpty() ? null : new Reference(text, node.get().position());
    }

    private static List<Reference> networks(SpecMap top) {
        Optional<SpecNode> node = top.required("networks", "a network file or bundled id, or a list of them");
        if (node.isEmpty()) {
            return List.of();
        }
        List<SpecNode> items = node.get().isSequence() ? node.get().asList() : List.of(node.get());
        if (node.get().isSequence() && items.isEmpty()) {
            node.get().error("expected at least one network, found an empty list");
        }
        List<Reference> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SpecNode item : items) {
            String text = item.asString();
            if (text.isEmpty()) {
                continue;
            }
            if (!seen.add(text)) {
                item.error("network '" + text + "' listed twice");
                continue;
            }
            out.add(new Reference(text, item.position()));
        }
        return out;
    }

    private static Sampling sampling(SpecMap top, List<Parameter> parameters, Rows rows) {
        Optional<SpecNode> node = top.get("sampling");
        if (node.isEmpty()) {
            checkGrid(top.get("parameters"), parameters, rows);
            return new Sampling(Strategy.GRID, 0, 0);
        }
        if (node.get().isScalar()) {
            Strategy s = node.get().asEnum(Strategy.class);
            if (s != Strategy.GRID) {
                node.get().error("strategy '" + s.key() + "' needs samples: write {strategy: " + s.key()
                        + ", samples: N, seed: S}");
            } else {
                checkGrid(node, parameters, rows);
            }
            return new Sampling(s, 0, 0);
        }
        SpecMap m = node.get().asMap();
        Strategy strategy = m.enumValue("strategy", Strategy.class, "grid, random or latin-hypercube");
        long seed = m.get("seed").map(s -> (long) s.asInt(0, Integer.MAX_VALUE)).orElse(42L);
        long samples = 0;
        if (strategy == Strategy.GRID) {
            m.get("samples").ifPresent(s -> s.error("a grid visits every combination; 'samples' is for random "
                    + "and latin-hypercube"));
            checkGrid(node, parameters, rows);
        } else {
            samples = m.required("samples", "how many points to draw").map(s -> samples(s, rows)).orElse(1L);
        }
        return new Sampling(strategy, samples, seed);
    }

    /**
     * The rows a sampled point becomes: one per variant it is crossed with (at least one) and per
     * network.
     */
    private record Rows(int variants, int networks) {
        long perPoint() {
            return (long) Math.max(1, variants) * Math.max(1, networks);
        }

        /** "N point(s) x V variant(s) x K network(s)". */
        String of(long points) {
            return String.format(Locale.ROOT, "%,d point(s)", points)
                    + (variants > 0 ? " x " + variants + " variant(s)" : "") + " x " + networks + " network(s)";
        }
    }

    /** A random or Latin-hypercube sample count: a positive integer within {@link #MAX_ROWS}. */
    private static long samples(SpecNode node, Rows rows) {
        Optional<Long> value = node.isScalar() ? parseLong(node.asString()) : Optional.empty();
        if (value.isPresent() && value.get() >= 1) {
            long limit = MAX_ROWS / rows.perPoint();
            if (value.get() > limit) {
                node.error("expected at most " + String.format(Locale.ROOT, "%,d", limit) + " samples, found "
                        + node.asString() + ": " + tooMany(value.get(), rows) + "; draw fewer samples, or split "
                        + "the sweep into several files");
                return 1;
            }
            return value.get();
        }
        return node.asInt(1, Integer.MAX_VALUE); // reports the mistake
    }

    /** A grid's size, checked against {@link #MAX_ROWS} at {@code at} (the sampling or parameters key). */
    private static void checkGrid(Optional<SpecNode> at, List<Parameter> parameters, Rows rows) {
        if (parameters.isEmpty() || at.isEmpty()) {
            return;
        }
        int[] radices = Sampler.radices(parameters);
        String product = String.join(" x ", java.util.Arrays.stream(radices).mapToObj(Integer::toString).toList());
        long size;
        try {
            size = GridSampler.size(radices);
            Math.multiplyExact(size, rows.perPoint());
        } catch (ArithmeticException e) {
            at.get().error("the grid has " + product + " points, more than a 64-bit count: sample it instead, e.g. "
                    + "sampling: {strategy: latin-hypercube, samples: 10000, seed: 1}");
            return;
        }
        if (size * rows.perPoint() > MAX_ROWS) {
            at.get().error("the grid has " + product + " = " + String.format(Locale.ROOT, "%,d", size) + " points: "
                    + tooMany(size, rows) + "; sample it instead, e.g. sampling: {strategy: latin-hypercube, "
                    + "samples: 10000, seed: 1}, or sweep fewer values");
        }
    }

    private static String tooMany(long points, Rows rows) {
        long total = points > Long.MAX_VALUE / rows.perPoint() ? Long.MAX_VALUE : points * rows.perPoint();
        return rows.of(points) + String.format(Locale.ROOT, " is more than the %,d rows a sweep may have (--resume "
                + "keeps one bit per row in memory, 64 MB at that limit; the results CSV would take %s)", MAX_ROWS,
                bytes(total > Long.MAX_VALUE / ROW_BYTES ? Long.MAX_VALUE : total * ROW_BYTES));
    }

    private static String bytes(long b) {
        if (b >= 1L << 50) {
            return "over a petabyte";
        }
        return b >= 1_000_000_000_000L ? String.format(Locale.ROOT, "about %,.0f TB", b / 1e12)
                : String.format(Locale.ROOT, "about %,.0f GB", b / 1e9);
    }

    /** An integer, saturated at {@code Long.MAX_VALUE} (a count too large for a long is still too large). */
    private static Optional<Long> parseLong(String text) {
        String digits = text.trim().replace("_", "");
        if (digits.matches("\\+?[0-9]{19,}")) {
            return Optional.of(new java.math.BigInteger(digits).min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                    .longValue());
        }
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // ---- parameters ----------------------------------------------------------------------------

    /** The parameters; optional when the file has variants (then a sweep may be its variants alone). */
    private static List<Parameter> parameters(SpecMap top, boolean optional) {
        Optional<SpecNode> node = optional ? top.get("parameters")
                : top.required("parameters", "the swept parameters: a list of {path, values}, or 'variants'");
        if (node.isEmpty()) {
            return List.of();
        }
        List<SpecNode> items = node.get().asList();
        if (node.get().isSequence() && items.isEmpty()) {
            node.get().error("expected at least one parameter, found an empty list");
        }
        List<Parameter> out = new ArrayList<>();
        Map<String, SourcePosition> paths = new HashMap<>();
        for (SpecNode item : items) {
            parameter(item, paths).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Parameter> parameter(SpecNode item, Map<String, SourcePosition> paths) {
        SpecMap m = item.asMap();
        Optional<SpecNode> pathNode = m.required("path", "where in the architecture, e.g. templates.cim-tile.macro.adc.bits");
        String path = pathNode.map(SweepReader::pathText).orElse("");
        List<String> tied = new ArrayList<>();
        List<SourcePosition> tiedAt = new ArrayList<>();
        Optional<SpecNode> tiedNode = m.get("tied");
        if (tiedNode.isPresent()) {
            List<SpecNode> list = tiedNode.get().isSequence() ? tiedNode.get().asList() : List.of(tiedNode.get());
            for (SpecNode t : list) {
                String p = pathText(t);
                if (!p.isEmpty() && unique(p, t, paths)) {
                    tied.add(p);
                    tiedAt.add(t.position());
                }
            }
        }
        if (!path.isEmpty() && !unique(path, pathNode.get(), paths)) {
            path = "";
        }
        List<ParameterValue> values = new ArrayList<>();
        int forms = 0;
        Optional<SpecNode> valuesNode = m.get("values");
        Optional<SpecNode> rangeNode = m.get("range");
        Optional<SpecNode> choicesNode = m.get("choices");
        forms += valuesNode.isPresent() ? 1 : 0;
        forms += rangeNode.isPresent() ? 1 : 0;
        forms += choicesNode.isPresent() ? 1 : 0;
        if (forms == 0) {
            m.missing("values", "the values: 'values: [..]', 'range: {from, to, step|count}' or 'choices: {name: ..}'");
        } else if (forms > 1) {
            item.error("give exactly one of 'values', 'range' and 'choices'");
        }
        valuesNode.ifPresent(v -> values.addAll(listValues(v)));
        rangeNode.ifPresent(r -> values.addAll(rangeValues(r)));
        choicesNode.ifPresent(c -> values.addAll(choiceValues(c)));
        if (path.isEmpty() || values.isEmpty() || forms != 1) {
            return Optional.empty();
        }
        return Optional.of(new Parameter(path, tied, values, pathNode.get().position(), tiedAt));
    }

    private static boolean unique(String path, SpecNode at, Map<String, SourcePosition> paths) {
        SourcePosition before = paths.putIfAbsent(path, at.position());
        if (before != null) {
            at.error("path '" + path + "' is swept twice (first at line " + before.line() + "); a path takes one "
                    + "parameter (use 'tied' to set two paths together)");
            return false;
        }
        return true;
    }

    private static String pathText(SpecNode node) {
        String text = node.asString();
        if (text.isEmpty()) {
            return "";
        }
        if (!ArchitectureVariants.PATH.matcher(text).matches()) {
            node.error("expected a path such as templates.cim-tile.macro.adc.bits (keys separated by dots, "
                    + "list items as buffers[0]), found '" + text + "'");
            return "";
        }
        return text;
    }

    private static List<ParameterValue> listValues(SpecNode node) {
        List<SpecNode> items = node.asList();
        if (node.isSequence() && items.isEmpty()) {
            node.error("expected at least one value, found an empty list");
        }
        List<ParameterValue> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (SpecNode item : items) {
            if (!item.isScalar()) {
                item.error("expected a value such as 128 or '1.2 GHz', found " + item.describeFound()
                        + "; to swap whole blocks use 'choices: {name: {...}}'");
                continue;
            }
            String text = item.asString();
            if (!seen.add(text)) {
                item.error("value '" + text + "' listed twice");
                continue;
            }
            out.add(new ParameterValue(text, item.yaml()));
        }
        return out;
    }

    private static List<ParameterValue> choiceValues(SpecNode node) {
        SpecMap m = node.asMap();
        if (node.isMapping() && m.keys().isEmpty()) {
            node.error("expected at least one choice, found an empty mapping");
        }
        List<ParameterValue> out = new ArrayList<>();
        for (Map.Entry<String, SpecNode> e : m.entries().entrySet()) {
            out.add(new ParameterValue(e.getKey(), e.getValue().yaml()));
        }
        return out;
    }

    /** A number as written with an optional unit ({@code 1.2 GHz}). */
    private record Number(BigDecimal value, String unit, boolean integer) {
    }

    private static Optional<Number> number(SpecNode node) {
        Optional<String> text = node.asText("a number, optionally with a unit such as '1.2 GHz'");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher mm = NUMBER_WITH_UNIT.matcher(text.get());
        if (!mm.matches()) {
            node.error("expected a number, optionally with a unit such as '1.2 GHz', found '" + text.get() + "'");
            return Optional.empty();
        }
        String digits = mm.group(1);
        boolean integer = !digits.contains(".") && !digits.contains("e") && !digits.contains("E");
        return Optional.of(new Number(new BigDecimal(digits), mm.group(2) == null ? "" : mm.group(2), integer));
    }

    private static List<ParameterValue> rangeValues(SpecNode node) {
        SpecMap m = node.asMap();
        Optional<Number> from = m.required("from", "the first value").flatMap(SweepReader::number);
        Optional<Number> to = m.required("to", "the last value").flatMap(SweepReader::number);
        Scale scale = m.enumValue("scale", Scale.class, Scale.LINEAR);
        Optional<SpecNode> stepNode = m.get("step");
        Optional<SpecNode> countNode = m.get("count");
        if (stepNode.isPresent() == countNode.isPresent()) {
            node.error("give exactly one of 'step' (" + (scale == Scale.LOG ? "a factor > 1" : "an increment")
                    + ") and 'count' (how many values, ends included)");
            return List.of();
        }
        if (from.isEmpty() || to.isEmpty()) {
            return List.of();
        }
        Number a = from.get();
        Number b = to.get();
        if (!a.unit().equals(b.unit())) {
            m.get("to").get().error("'from' and 'to' must have the same unit, found '" + a.unit() + "' and '"
                    + b.unit() + "'");
            return List.of();
        }
        if (a.value().compareTo(b.value()) > 0) {
            m.get("to").get().error("expected 'to' >= 'from' (" + a.value().toPlainString() + "), found '"
                    + b.value().toPlainString() + "'");
            return List.of();
        }
        if (scale == Scale.LOG && a.value().signum() <= 0) {
            m.get("from").get().error("a log range needs 'from' > 0, found '" + a.value().toPlainString() + "'");
            return List.of();
        }
        List<Double> raw = new ArrayList<>();
        boolean integers = a.integer() && b.integer();
        double x0 = a.value().doubleValue();
        double x1 = b.value().doubleValue();
        if (countNode.isPresent()) {
            int count = countNode.get().asInt(1, MAX_VALUES);
            for (int i = 0; i < count; i++) {
                double t = count == 1 ? 0 : (double) i / (count - 1);
                raw.add(scale == Scale.LOG ? x0 * Math.pow(x1 / x0, t) : x0 + (x1 - x0) * t);
            }
            // Integer ends give integers: a log range rounds (log-spaced counts), a linear one only
            // if every value is whole (1 to 2 in 3 values is 1, 1.5, 2).
            if (scale == Scale.LINEAR) {
                integers &= raw.stream().allMatch(x -> Math.abs(x - Math.rint(x)) < 1e-9);
            }
        } else {
            Optional<Number> step = number(stepNode.get());
            if (step.isEmpty()) {
                return List.of();
            }
            double s = step.get().value().doubleValue();
            if (scale == Scale.LOG && !(s > 1)) {
                stepNode.get().error("a log range's step is a factor; expected a number > 1, found '"
                        + step.get().value().toPlainString() + "'");
                return List.of();
            }
            if (scale == Scale.LINEAR && !(s > 0)) {
                stepNode.get().error("expected a step > 0, found '" + step.get().value().toPlainString() + "'");
                return List.of();
            }
            if (!step.get().unit().isEmpty() && !step.get().unit().equals(a.unit())) {
                stepNode.get().error("the step's unit must be that of 'from' ('" + a.unit() + "'), found '"
                        + step.get().unit() + "'");
                return List.of();
            }
            integers &= scale == Scale.LOG || step.get().integer();
            double tolerance = 1e-9 * Math.max(Math.abs(x0), Math.abs(x1));
            for (int i = 0; ; i++) {
                double x = scale == Scale.LOG ? x0 * Math.pow(s, i) : x0 + i * s;
                if (x > x1 + tolerance) {
                    break;
                }
                if (raw.size() >= MAX_VALUES) {
                    node.error("the range gives more than " + MAX_VALUES + " values; use a larger step");
                    return List.of();
                }
                raw.add(x);
            }
        }
        List<ParameterValue> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (double x : raw) {
            String number = integers ? Long.toString(Math.round(x))
                    : new BigDecimal(x).round(new MathContext(12)).stripTrailingZeros().toPlainString();
            String text = a.unit().isEmpty() ? number : number + " " + a.unit();
            if (seen.add(text)) {
                out.add(new ParameterValue(text, scalar(text, node.yaml())));
            }
        }
        return out;
    }

    /** A plain scalar holding {@code text}, positioned at {@code at} (the range it came from). */
    static ScalarNode scalar(String text, Node at) {
        return new ScalarNode(Tag.STR, text, at.getStartMark(), at.getEndMark(), DumperOptions.ScalarStyle.PLAIN);
    }

    // ---- variants ------------------------------------------------------------------------------

    /**
     * {@code variants:} a list of {@code {name, set: {path: value, ...}}}. Names are unique; a path
     * appears once per variant (YAML's duplicate-key check) and is not also a swept parameter (which
     * of the two would win is not obvious). Whether the paths exist is checked with the base, by
     * {@link ArchitectureVariants}.
     */
    private static List<Variant> variants(SpecMap top, List<Parameter> parameters) {
        Optional<SpecNode> node = top.get("variants");
        if (node.isEmpty()) {
            return List.of();
        }
        List<SpecNode> items = node.get().asList();
        if (node.get().isSequence() && items.isEmpty()) {
            node.get().error("expected at least one variant, found an empty list; remove 'variants' or add "
                    + "{name: NAME, set: {PATH: VALUE}}");
        }
        Map<String, SourcePosition> swept = new HashMap<>();
        for (Parameter p : parameters) {
            swept.put(p.path(), p.at());
            for (int t = 0; t < p.tied().size(); t++) {
                swept.put(p.tied().get(t), p.tiedAt().get(t));
            }
        }
        List<Variant> out = new ArrayList<>();
        Map<String, SourcePosition> names = new HashMap<>();
        boolean broken = false;
        for (SpecNode item : items) {
            if (!item.isMapping()) {
                item.error("expected a variant {name: NAME, set: {PATH: VALUE, ...}}, found " + item.describeFound());
                broken = true;
                continue;
            }
            SpecMap m = item.asMap();
            Optional<SpecNode> nameNode = m.required("name", "the variant's name, written in the CSV's 'variant' column");
            String name = nameNode.map(SpecNode::asString).orElse("");
            if (!name.isEmpty()) {
                SourcePosition before = names.putIfAbsent(name, nameNode.get().position());
                if (before != null) {
                    nameNode.get().error("variant '" + name + "' is named twice (first at line " + before.line()
                            + "); each variant needs its own name");
                    name = "";
                }
            }
            List<Variant.Setting> settings = new ArrayList<>();
            Optional<SpecNode> setNode = m.get("set");
            if (setNode.isPresent() && !setNode.get().isNull()) {
                SpecMap set = setNode.get().asMap();
                for (Map.Entry<String, SpecNode> e : set.entries().entrySet()) {
                    SpecNode key = set.keyNode(e.getKey());
                    String path = e.getKey();
                    if (!ArchitectureVariants.PATH.matcher(path).matches()) {
                        key.error("expected a path such as templates.cim-tile.macro.adc.bits (keys separated by dots, "
                                + "list items as buffers[0]), found '" + path + "'");
                        broken = true;
                        continue;
                    }
                    SourcePosition parameter = swept.get(path);
                    if (parameter != null) {
                        key.error("path '" + path + "' is also swept by the parameter at line " + parameter.line()
                                + "; set it in every variant or sweep it, not both");
                        broken = true;
                        continue;
                    }
                    settings.add(new Variant.Setting(path, e.getValue().yaml(), key.position()));
                }
            }
            if (name.isEmpty()) {
                broken = true;
                continue;
            }
            out.add(new Variant(name, settings, item.position()));
        }
        return broken ? List.of() : out;
    }

    // ---- constraints and objectives ------------------------------------------------------------

    private static Optional<DesignConstraint> constraint(SpecNode node) {
        Optional<String> text = node.asText("a constraint such as 'area_mm2 <= 100'");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher mm = CONSTRAINT.matcher(text.get());
        if (!mm.matches()) {
            node.error("expected a constraint such as 'area_mm2 <= 100' (a metric, <=, >=, < or >, a number), found '"
                    + text.get() + "'");
            return Optional.empty();
        }
        Optional<Metric> metric = metric(node, mm.group(1));
        Optional<DesignConstraint.Operator> op = DesignConstraint.Operator.of(mm.group(2));
        if (op.isEmpty()) {
            node.error("expected <=, >=, < or >, found '" + mm.group(2) + "' in '" + text.get() + "'");
        }
        double bound;
        try {
            bound = Double.parseDouble(mm.group(3));
        } catch (NumberFormatException e) {
            bound = Double.NaN;
        }
        if (!Double.isFinite(bound)) {
            node.error("expected a number after '" + mm.group(2) + "' (the unit is in the metric's name), found '"
                    + mm.group(3) + "'");
            return Optional.empty();
        }
        if (metric.isEmpty() || op.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DesignConstraint(metric.get(), op.get(), bound));
    }

    private static Optional<Metric> metric(SpecNode node, String key) {
        Optional<Metric> metric = Metric.byKey(key);
        if (metric.isEmpty()) {
            node.error("unknown metric '" + key + "'" + Suggestions.didYouMean(key, Metric.keys()) + "; metrics: "
                    + String.join(", ", Metric.keys()));
        }
        return metric;
    }

    private static Optional<Objective> objective(SpecNode node) {
        if (!node.isMapping()) {
            node.error("expected {minimise: METRIC} or {maximise: METRIC}, found " + node.describeFound());
            return Optional.empty();
        }
        SpecMap m = node.asMap();
        Optional<SpecNode> min = m.get("minimise");
        Optional<SpecNode> max = m.get("maximise");
        if (min.isPresent() == max.isPresent()) {
            node.error("expected exactly one of 'minimise' and 'maximise'");
            return Optional.empty();
        }
        SpecNode metricNode = min.orElseGet(max::get);
        String key = metricNode.asString();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return metric(metricNode, key).map(x -> new Objective(x,
                min.isPresent() ? Objective.Direction.MINIMISE : Objective.Direction.MAXIMISE));
    }

    /** An objective written on the command line as {@code minimise:METRIC} or {@code maximise:METRIC}. */
    public static Optional<Objective> objective(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String dir = text.substring(0, colon).trim();
        Optional<Metric> metric = Metric.byKey(text.substring(colon + 1).trim());
        if (metric.isEmpty()) {
            return Optional.empty();
        }
        if (dir.equals("minimise")) {
            return Optional.of(new Objective(metric.get(), Objective.Direction.MINIMISE));
        }
        if (dir.equals("maximise")) {
            return Optional.of(new Objective(metric.get(), Objective.Direction.MAXIMISE));
        }
        return Optional.empty();
    }
}
