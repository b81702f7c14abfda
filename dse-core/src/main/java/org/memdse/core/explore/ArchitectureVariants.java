package org.memdse.core.explore;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.Suggestions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The architectures of a sweep's points: the base description, resolved (includes inlined,
 * defaults explicit, as {@link ArchitectureWriter} writes it) and composed once into a YAML node
 * tree; each point puts its variant's settings, then its parameters' values, into that tree at
 * their paths (copying only the nodes on those paths, sharing the rest) and reads the result with
 * {@link ArchitectureReader},
 * so every point is validated exactly as a file would be (STYLE §2.5: values are applied before
 * pass 1). Paths that start with {@code network.} set the workload, not the chip: they are left
 * to {@link WorkloadVariants}. Thread-safe: the base tree is never changed.
 */
public final class ArchitectureVariants {
    /** A parameter path: keys separated by dots, each optionally followed by list indexes ({@code buffers[0]}). */
    public static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\[[0-9]+])*(\\.[A-Za-z0-9_-]+(\\[[0-9]+])*)*");
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[[0-9]+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[([0-9]+)]");

    private final String name;
    private final Node base;
    private final List<Parameter> parameters;
    /** Per parameter: its own path's steps, then each tied path's. */
    private final List<List<Object[]>> steps;
    private final List<Variant> variants;
    /** Per variant: each setting's steps (null for a network path). */
    private final List<List<Object[]>> variantSteps;

    private ArchitectureVariants(String name, Node base, List<Parameter> parameters, List<List<Object[]>> steps,
                                 List<Variant> variants, List<List<Object[]>> variantSteps) {
        this.name = name;
        this.base = base;
        this.parameters = parameters;
        this.steps = steps;
        this.variants = variants;
        this.variantSteps = variantSteps;
    }

    /**
     * Prepares the points of {@code base} for a sweep without variants.
     *
     * @throws SpecException at the sweep file's path if a parameter path is not in the base description
     */
    public static ArchitectureVariants of(Architecture base, List<Parameter> parameters) {
        return of(base, parameters, List.of());
    }

    /**
     * Prepares the points of {@code base}: every variant crossed with the parameters' values.
     *
     * @throws SpecException at the sweep file's path if a parameter's or a variant's path is not in the
     *                       base description (every such path at once, each with a did-you-mean)
     */
    public static ArchitectureVariants of(Architecture base, List<Parameter> parameters, List<Variant> variants) {
        LoaderOptions options = new LoaderOptions();
        Node root = new Yaml(new SafeConstructor(options)).compose(new StringReader(ArchitectureWriter.toYaml(base)));
        List<Diagnostic> problems = new ArrayList<>();
        List<List<Object[]>> steps = new ArrayList<>();
        // Network paths set the workload (WorkloadVariants checks and applies them): no step here.
        for (Parameter p : parameters) {
            List<Object[]> mine = new ArrayList<>();
            if (!WorkloadVariants.isNetworkPath(p.path())) {
                mine.add(check(root, p.path(), p.at(), base.name(), problems));
            }
            for (int t = 0; t < p.tied().size(); t++) {
                if (!WorkloadVariants.isNetworkPath(p.tied().get(t))) {
                    mine.add(check(root, p.tied().get(t), p.tiedAt().get(t), base.name(), problems));
                }
            }
            steps.add(mine);
        }
        List<List<Object[]>> variantSteps = new ArrayList<>();
        for (Variant v : variants) {
            List<Object[]> mine = new ArrayList<>();
            for (Variant.Setting s : v.settings()) {
                mine.add(WorkloadVariants.isNetworkPath(s.path()) ? null
                        : check(root, s.path(), s.at(), base.name(), problems));
            }
            variantSteps.add(mine);
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems.stream().sorted().toList());
        }
        return new ArchitectureVariants(base.name(), root, List.copyOf(parameters), steps, List.copyOf(variants),
                variantSteps);
    }

    /** The base architecture's name. */
    public String name() {
        return name;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public List<Variant> variants() {
        return variants;
    }

    /**
     * The architecture of one point, read and checked in full.
     *
     * @throws SpecException if the point's description is not valid (see {@link #reason(SpecException)})
     */
    public Architecture build(DesignPoint point) {
        return ArchitectureReader.read(name + " (point " + point.id() + ")", tree(point));
    }

    /**
     * The point's description as a YAML node tree (shares unchanged subtrees with the base): its
     * variant's settings first (the variant is the chip), then the parameters' values.
     */
    public Node tree(DesignPoint point) {
        Node root = base;
        if (!variants.isEmpty()) {
            Variant v = variants.get(point.variant());
            List<Object[]> paths = variantSteps.get(point.variant());
            for (int s = 0; s < paths.size(); s++) {
                if (paths.get(s) != null) {
                    root = with(root, paths.get(s), 0, v.settings().get(s).value(), v.settings().get(s).path());
                }
            }
        }
        for (int p = 0; p < parameters.size(); p++) {
            Node value = parameters.get(p).values().get(point.choice(p)).node();
            for (Object[] path : steps.get(p)) {
                root = with(root, path, 0, value, parameters.get(p).path());
            }
        }
        return root;
    }

    /** Why a point is invalid, for the CSV: each problem as {@code path: message}, without the file position. */
    public static String reason(SpecException e) {
        return e.diagnostics().stream().map(d -> d.path().isEmpty() ? d.message() : d.path() + ": " + d.message())
                .collect(Collectors.joining("; "));
    }

    /** A copy of {@code node} with {@code value} at {@code path[from..]}; nodes off the path are shared. */
    private static Node with(Node node, Object[] path, int from, Node value, String parameter) {
        if (from == path.length) {
            return value;
        }
        Object step = path[from];
        if (step instanceof String key && node instanceof MappingNode map) {
            List<NodeTuple> tuples = new ArrayList<>(map.getValue());
            for (int i = 0; i < tuples.size(); i++) {
                NodeTuple t = tuples.get(i);
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    if (from == path.length - 1 && isNull(value)) {
                        tuples.remove(i); // a choice of ~ removes the key (e.g. no DAC for pulse-width inputs)
                    } else {
                        tuples.set(i, new NodeTuple(t.getKeyNode(), with(t.getValueNode(), path, from + 1, value,
                                parameter)));
                    }
                    return new MappingNode(map.getTag(), true, tuples, map.getStartMark(), map.getEndMark(), map.getFlowStyle());
                }
            }
        } else if (step instanceof Integer index && node instanceof SequenceNode seq && index < seq.getValue().size()) {
            List<Node> items = new ArrayList<>(seq.getValue());
            items.set(index, with(items.get(index), path, from + 1, value, parameter));
            return new SequenceNode(seq.getTag(), true, items, seq.getStartMark(), seq.getEndMark(), seq.getFlowStyle());
        }
        // Only after an earlier setting (the variant's or a parameter's) replaced a block that held this path.
        throw new SpecException(List.of(new Diagnostic(SourcePosition.ofFile(""), parameter,
                "the path does not exist in this point's description (the variant or another parameter replaced "
                        + "the block that held it)")));
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL);
    }

    /** The steps of a path (keys and list indexes), or an error if the base description has no such node. */
    private static Object[] check(Node root, String path, SourcePosition at, String baseName, List<Diagnostic> problems) {
        List<Object> steps = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                problems.add(new Diagnostic(at, path, "not a valid path segment: '" + segment + "'"));
                return new Object[0];
            }
            steps.add(m.group(1));
            Matcher idx = INDEX.matcher(m.group(2));
            while (idx.find()) {
                steps.add(Integer.parseInt(idx.group(1)));
            }
        }
        Node node = root;
        StringBuilder walked = new StringBuilder();
        for (Object step : steps) {
            String here = walked.length() == 0 ? "the top level" : "'" + walked + "'";
            if (step instanceof String key) {
                if (!(node instanceof MappingNode map)) {
                    problems.add(new Diagnostic(at, path, "no key '" + key + "' in " + here + " of " + baseName
                            + ": it is " + describe(node) + ", not a mapping"));
                    return new Object[0];
                }
                Optional<Node> child = Optional.empty();
                List<String> keys = new ArrayList<>();
                for (NodeTuple t : map.getValue()) {
                    String k = ((ScalarNode) t.getKeyNode()).getValue();
                    keys.add(k);
                    if (k.equals(key)) {
                        child = Optional.of(t.getValueNode());
                    }
                }
                if (child.isEmpty()) {
                    problems.add(new Diagnostic(at, path, "no key '" + key + "' in " + here + " of " + baseName
                            + Suggestions.didYouMean(key, keys) + "; keys there: " + String.join(", ", keys)));
                    return new Object[0];
                }
                node = child.get();
                walked.append(walked.length() == 0 ? "" : ".").append(key);
            } else {
                int index = (Integer) step;
                if (!(node instanceof SequenceNode seq) || index >= seq.getValue().size()) {
                    int size = node instanceof SequenceNode s ? s.getValue().size() : -1;
                    problems.add(new Diagnostic(at, path, "no item [" + index + "] in " + here + " of " + baseName
                            + (size < 0 ? ": it is " + describe(node) + ", not a list" : ": it has " + size + " items")));
                    return new Object[0];
                }
                node = seq.getValue().get(index);
                walked.append('[').append(index).append(']');
            }
        }
        return steps.toArray();
    }

    private static String describe(Node node) {
        return node instanceof ScalarNode s ? "the value '" + s.getValue() + "'" : node instanceof SequenceNode ? "a list"
                : "a mapping";
    }
}
