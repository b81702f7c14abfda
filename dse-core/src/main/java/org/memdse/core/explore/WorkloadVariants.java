package org.memdse.core.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.network.InputActivity;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.core.spec.Suggestions;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The workload side of a sweep's points: parameters and variant settings whose path starts with
 * {@code network.} set input-bit densities of the sweep's networks instead of values of the
 * architecture ({@link ArchitectureVariants} leaves them alone). Two paths exist:
 * <ul>
 *   <li>{@code network.input_bit_density}: as if every network file gave it at the top (crossbar
 *       layers with their own figure keep it);</li>
 *   <li>{@code network.layers.NAME.input_bit_density}: as if layer NAME gave it; NAME must be a
 *       crossbar layer (conv2d, linear, lstm, gru) of every network of the sweep.</li>
 * </ul>
 * Values are plain numbers in (0, 1]. Everything is checked when the sweep is set up, each
 * mistake at its place in the sweep file. The networks a point evaluates share their graph with
 * the loaded ones, so mappings are reused across densities. Immutable and thread-safe.
 */
public final class WorkloadVariants {
    /** Where network paths start. */
    public static final String PREFIX = "network.";
    private static final String KEY = "input_bit_density";
    private static final String FORMS = "network.input_bit_density and network.layers.NAME.input_bit_density";
    private static final WorkloadVariants NONE = new WorkloadVariants(List.of(), List.of());

    /** One density setting: a layer (null for the network's figure) and the value per choice. */
    private record Setting(String layer, double[] values) {
    }

    /** Per parameter: its network settings (its own path and tied ones), each with a value per choice. */
    private final List<List<Setting>> parameters;
    /** Per variant: its network settings, each with one value. */
    private final List<List<Setting>> variants;

    private WorkloadVariants(List<List<Setting>> parameters, List<List<Setting>> variants) {
        this.parameters = parameters;
        this.variants = variants;
    }

    /** No network paths: every point evaluates the networks as loaded. */
    public static WorkloadVariants none() {
        return NONE;
    }

    /** Whether {@code path} names a workload setting rather than a place in the architecture. */
    public static boolean isNetworkPath(String path) {
        return path.equals("network") || path.startsWith(PREFIX);
    }

    /**
     * The network settings of a sweep's parameters and variants, checked against its networks.
     *
     * @throws SpecException with every mistake, at its place in the sweep file: a path of another
     *                       form, a layer that is not a crossbar layer of every network (with a
     *                       did-you-mean), a network path tied to an architecture path, a value
     *                       that is not a number in (0, 1]
     */
    public static WorkloadVariants of(List<NetworkGraph> networks, List<Parameter> parameters, List<Variant> variants) {
        List<Diagnostic> problems = new ArrayList<>();
        List<List<Setting>> byParameter = new ArrayList<>();
        boolean any = false;
        for (Parameter p : parameters) {
            List<String> paths = new ArrayList<>();
            List<SourcePosition> at = new ArrayList<>();
            paths.add(p.path());
            at.add(p.at());
            paths.addAll(p.tied());
            at.addAll(p.tiedAt());
            long network = paths.stream().filter(WorkloadVariants::isNetworkPath).count();
            List<Setting> settings = new ArrayList<>();
            if (network > 0 && network < paths.size()) {
                problems.add(new Diagnostic(p.at(), p.path(), "a network path and an architecture path cannot be "
                        + "tied: the one sets the workload, the other the chip; sweep them as two parameters"));
            } else if (network > 0) {
                double[] values = new double[p.size()];
                for (int v = 0; v < p.size(); v++) {
                    values[v] = density(p.values().get(v).node(), p.at(), p.path(), problems);
                }
                for (int i = 0; i < paths.size(); i++) {
                    layer(paths.get(i), at.get(i), networks, problems)
                            .ifPresent(layer -> settings.add(new Setting(layer.isEmpty() ? null : layer, values)));
                }
                any = true;
            }
            byParameter.add(settings);
        }
        List<List<Setting>> byVariant = new ArrayList<>();
        for (Variant v : variants) {
            List<Setting> settings = new ArrayList<>();
            for (Variant.Setting s : v.settings()) {
                if (isNetworkPath(s.path())) {
                    double value = density(s.value(), s.at(), s.path(), problems);
                    layer(s.path(), s.at(), networks, problems).ifPresent(layer -> settings.add(
                            new Setting(layer.isEmpty() ? null : layer, new double[] {value})));
                    any = true;
                }
            }
            byVariant.add(settings);
        }
        if (!problems.isEmpty()) {
            throw new SpecException(problems.stream().sorted().toList());
        }
        return any ? new WorkloadVariants(List.copyOf(byParameter), List.copyOf(byVariant)) : NONE;
    }

    /** Whether no parameter or variant sets a network path. */
    public boolean isEmpty() {
        return this == NONE;
    }

    /**
     * {@code network} as point {@code point} evaluates it: the variant's settings first, then the
     * parameters' values, as {@link ArchitectureVariants} orders them. The network itself when no
     * path applies.
     */
    public NetworkGraph apply(NetworkGraph network, DesignPoint point) {
        if (isEmpty()) {
            return network;
        }
        NetworkGraph g = network;
        if (!variants.isEmpty()) {
            for (Setting s : variants.get(point.variant())) {
                g = set(g, s, 0);
            }
        }
        for (int p = 0; p < parameters.size(); p++) {
            for (Setting s : parameters.get(p)) {
                g = set(g, s, point.choice(p));
            }
        }
        return g;
    }

    private static NetworkGraph set(NetworkGraph g, Setting s, int choice) {
        double d = s.values()[choice];
        return s.layer() == null ? g.withNetworkInputBitDensity(d) : g.withLayerInputBitDensity(s.layer(), d);
    }

    /**
     * The layer a network path names: "" for {@code network.input_bit_density}, the name for
     * {@code network.layers.NAME.input_bit_density}, or empty after reporting why not.
     */
    private static Optional<String> layer(String path, SourcePosition at, List<NetworkGraph> networks,
                                                    List<Diagnostic> problems) {
        String[] parts = path.split("\\.");
        if (parts.length == 2 && parts[0].equals("network") && parts[1].equals(KEY)) {
            return Optional.of("");
        }
        if (parts.length == 4 && parts[0].equals("network") && parts[1].equals("layers") && parts[3].equals(KEY)) {
            String layer = parts[2];
            for (NetworkGraph g : networks) {
                Map<String, InputActivity> crossbar = g.inputActivities();
                if (crossbar.containsKey(layer)) {
                    continue;
                }
                String list = "; crossbar layers there: " + String.join(", ", crossbar.keySet());
                Optional<NetworkNode> other = g.node(layer);
                problems.add(new Diagnostic(at, path, other.isPresent()
                        ? "layer '" + layer + "' of network " + g.name() + " is a " + other.get().kind().key()
                                + " layer, which drives no crossbar rows and takes no input-bit density" + list
                        : "no crossbar layer '" + layer + "' in network " + g.name()
                                + Suggestions.didYouMean(layer, crossbar.keySet()) + list));
                return Optional.empty();
            }
            return Optional.of(layer);
        }
        String last = parts[parts.length - 1];
        String hint = last.equals(KEY) ? "" : Suggestions.didYouMean(last, List.of(KEY));
        problems.add(new Diagnostic(at, path, "not a network path" + hint + "; network paths are " + FORMS
                + " (the share of input bits that are 1)"));
        return Optional.empty();
    }

    /** A value given for a density: a plain number in (0, 1], or NaN after reporting why not. */
    private static double density(Node node, SourcePosition at, String path, List<Diagnostic> problems) {
        SourcePosition where = new SourcePosition(at.file(), node.getStartMark() == null ? at.line()
                : node.getStartMark().getLine() + 1, node.getStartMark() == null ? at.column()
                : node.getStartMark().getColumn() + 1);
        String text = node instanceof ScalarNode s ? s.getValue().trim() : null;
        double d;
        try {
            d = text == null ? Double.NaN : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d > 0 && d <= 1)) {
            problems.add(new Diagnostic(where, path, "expected the share of input bits that are 1, a number in (0, 1] "
                    + "such as 0.25; found " + (text == null ? "a block" : "'" + text + "'")));
            return Double.NaN;
        }
        return d;
    }
}
