package org.memdse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Topology;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.cost.registry.NoModelException;
import org.memdse.mapping.topology.NetworkTopology;
import org.memdse.report.ReportFiles;
import org.memdse.report.compare.Comparison;
import org.memdse.report.compare.DesignOutcome;
import org.memdse.report.compare.Floorplan;
import org.memdse.report.compare.NetworkComparison;
import org.memdse.report.html.CompareHtmlWriter;
import org.memdse.report.markdown.CompareMarkdownWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memdse compare}: evaluates architectures side by side and writes an HTML or Markdown report. */
@Command(name = "compare",
        header = "Compare architectures on networks in an HTML or Markdown report.", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Map one or more networks onto two or more architectures, evaluate them, and write a "
            + "comparison report: a summary table (best value marked, ratios to the first architecture), area and "
            + "energy by component kind, energy and latency by layer, each mapping drawn on its interconnect, and "
            + "the parameters that differ. -o report.html writes one self-contained page (inline SVG, no scripts); "
            + "-o report.md writes Markdown with the charts as SVG files beside it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written (architectures that could not be evaluated are listed in it)",
            "1:the report could not be written (a full disk, an I/O error)", "2:bad input (a file, an option, or the output path)"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "ARCH", description = "Architectures (YAML files or bundled ids); the first is the reference.")
    List<String> architectures;

    @Option(names = "--network", required = true, paramLabel = "NAME|FILE",
            description = "Network YAML, ONNX file or bundled id; repeat for several networks.")
    List<String> networks;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "report.html or report.md.")
    Path output;

    @Mixin
    MapperMixin mapping;

    @Option(names = "--ops", paramLabel = "CONVENTION", defaultValue = "int8",
            description = "Op convention for TOPS: int8 or int16 (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Ops ops;

    @Override
    public Integer call() {
        String file = output.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean markdown = file.endsWith(".md") || file.endsWith(".markdown");
        if (!markdown && !file.endsWith(".html") && !file.endsWith(".htm")) {
            throw new UserInputException("-o " + output + ": expected a file ending in .html or .md");
        }
        Path target = OutputPaths.file("-o", output);
        Map<Path, String> inputs = new LinkedHashMap<>();
        for (String a : architectures) {
            inputs.putIfAbsent(Path.of(a), "the architecture " + a);
        }
        for (String n : networks) {
            inputs.putIfAbsent(Path.of(n), "the network " + n);
        }
        OutputPaths.notAnInput("-o", target, inputs);
        List<Architecture> read = new ArrayList<>();
        for (String a : architectures) {
            read.add(ArchitectureArgument.readPriced(a, spec.commandLine().getErr()));
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Architecture> archs = distinctNames(read, architectures, err);
        List<NetworkGraph> graphs = new ArrayList<>();
        for (String n : networks) {
            graphs.add(NetworkLoader.load(n));
        }
        Mapper m = mapping.mapper();
        Comparison comparison = compare(archs, graphs, m, mapping.options(), ops.convention, err);
        write(comparison, target, inputs);
        spec.commandLine().getOut().println("wrote " + output);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /**
     * The architectures under names the report can tell apart. A researcher who compares a
     * bundled system with an edited copy of it ({@code describe --format yaml} keeps the name)
     * expects both in the report, told apart by where they came from: two that share a name are
     * shown as {@code name (file name)}, or {@code name (bundled)} for a bundled id, and by
     * their position on the command line if even that is the same. Says so on {@code err}.
     */
    static List<Architecture> distinctNames(List<Architecture> archs, List<String> arguments, PrintWriter err) {
        Map<String, Long> byName = archs.stream().collect(Collectors.groupingBy(Architecture::name, Collectors.counting()));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < archs.size(); i++) {
            String name = archs.get(i).name();
            labels.add(byName.get(name) == 1 ? name : name + " (" + origin(arguments.get(i)) + ")");
        }
        Map<String, Long> byLabel = labels.stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
        List<Architecture> out = new ArrayList<>();
        for (int i = 0; i < archs.size(); i++) {
            String label = byLabel.get(labels.get(i)) == 1 ? labels.get(i) : labels.get(i) + " #" + (i + 1);
            Architecture a = archs.get(i);
            if (!label.equals(a.name())) {
                err.println("memdse: more than one architecture is named '" + a.name() + "'; the report calls "
                        + arguments.get(i) + " '" + label + "'");
                a = new Architecture(label, a.description(), a.technology(), a.devices(), a.templates(),
                        a.subsystems(), a.interconnect());
            }
            out.add(a);
        }
        return out;
    }

    /** Where an architecture argument came from: its file name, or "bundled" for a bundled id. */
    private static String origin(String argument) {
        Path path = Path.of(argument);
        return Files.exists(path) ? String.valueOf(path.getFileName()) : "bundled";
    }

    /**
     * Writes the report as HTML or (for .md) Markdown with SVG files beside it. The SVG files are
     * checked like the output before any is written, and written before the Markdown that shows them.
     *
     * @param inputs the files the comparison read, which no file written may replace
     */
    static void write(Comparison comparison, Path output, Map<Path, String> inputs) {
        String file = output.getFileName().toString();
        if (file.toLowerCase(Locale.ROOT).endsWith(".md") || file.toLowerCase(Locale.ROOT).endsWith(".markdown")) {
            String base = file.substring(0, file.lastIndexOf('.'));
            Path dir = output.toAbsolutePath().getParent();
            Map<String, String> files = CompareMarkdownWriter.write(comparison, base);
            List<Map.Entry<Path, String>> targets = new ArrayList<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                if (!f.getKey().equals(file)) {
                    Path svg = OutputPaths.file("-o " + output + ": the chart", dir.resolve(f.getKey()));
                    OutputPaths.notAnInput("-o " + output + ": the chart", svg, inputs);
                    targets.add(Map.entry(svg, f.getValue()));
                }
            }
            for (Map.Entry<Path, String> t : targets) {
                ReportFiles.write(t.getKey(), t.getValue());
            }
            ReportFiles.write(output, files.get(file));
        } else {
            ReportFiles.write(output, CompareHtmlWriter.write(comparison));
        }
    }

    /** Maps and evaluates every architecture on every network; progress goes to {@code err}. */
    static Comparison compare(List<Architecture> archs, List<NetworkGraph> graphs, Mapper mapper, MapperOptions options,
                              OpConvention convention, PrintWriter err) {
        Set<String> names = new HashSet<>();
        for (Architecture a : archs) {
            if (!names.add(a.name())) {
                throw new UserInputException("two architectures are both named '" + a.name()
                        + "'; give one another name (the 'name:' key of its YAML)");
            }
        }
        SystemEvaluator evaluator = new SystemEvaluator(ComponentModelRegistry.load());
        List<NetworkComparison> out = new ArrayList<>();
        for (NetworkGraph g : graphs) {
            List<DesignOutcome> designs = new ArrayList<>();
            for (Architecture a : archs) {
                err.println("memdse: mapping " + g.name() + " onto " + a.name() + " (" + mapper.name() + ")...");
                err.flush();
                designs.add(evaluate(a, g, mapper, options, convention, evaluator));
            }
            out.add(new NetworkComparison(g, designs));
        }
        return new Comparison(archs, out, mapper.name(), convention.toString());
    }

    static DesignOutcome evaluate(Architecture a, NetworkGraph g, Mapper mapper, MapperOptions options,
                                  OpConvention convention, SystemEvaluator evaluator) {
        MappingOutcome outcome = mapper.map(a, g, options);
        if (outcome instanceof MappingOutcome.DoesNotFit d) {
            return new DesignOutcome.Failed(a.name(), g.name() + " does not fit: " + d.reason());
        }
        Mapping mapping = ((MappingOutcome.Mapped) outcome).mapping();
        Metrics metrics;
        try {
            metrics = evaluator.evaluate(a, g, mapping, convention);
        } catch (NoModelException e) {
            return new DesignOutcome.Failed(a.name(), e.getMessage());
        }
        return new DesignOutcome.Evaluated(a.name(), metrics, mapping, floorplan(a));
    }

    /** How to draw a system's on-chip network: its router grid, the leaves of its H-tree, or its bus. */
    static Floorplan floorplan(Architecture a) {
        NetworkTopology t = NetworkTopology.of(a);
        String kind = t.kind().key();
        if (t.kind() == Topology.MESH || t.kind() == Topology.TORUS) {
            return Floorplan.grid(kind, t.columns(), t.rows());
        }
        if (t.kind() == Topology.HTREE) {
            return Floorplan.leaves(kind, t.routerCount(), (t.routerCount() + 1) / 2);
        }
        return Floorplan.single(kind);
    }
}
