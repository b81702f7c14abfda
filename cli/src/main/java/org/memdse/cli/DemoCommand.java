package org.memdse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memdse.architectures.Catalog;
import org.memdse.architectures.CatalogEntry;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapper;
import org.memdse.core.mapping.MapperOptions;
import org.memdse.core.mapping.MappingOutcome;
import org.memdse.core.network.NetworkGraph;
import org.memdse.cost.evaluator.SystemEvaluator;
import org.memdse.cost.registry.ComponentModelRegistry;
import org.memdse.core.spec.SpecSource;
import org.memdse.report.OutputFailure;
import org.memdse.report.ReportFiles;
import org.memdse.report.compare.Comparison;
import org.memdse.report.csv.MetricsCsv;
import org.memdse.report.csv.SweepResultsReader;
import org.memdse.report.sweep.FrontBasis;
import org.memdse.report.sweep.SweepResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memdse demo}: runs what memdse can do today on the bundled default (the Fig. 4 hybrid
 * system) and writes the results into a folder it names. Grows with the pipeline: mapping,
 * evaluation and reports join it as they are built.
 */
@Command(name = "demo",
        header = "Run the whole pipeline on the bundled Fig. 4 hybrid system.", mixinStandardHelpOptions = true,
        description = "Check every bundled architecture, describe the default Fig. 4 hybrid system, map the "
            + "bundled hybrid SNN -> ANN network onto it and evaluate it, and write the results (resolved "
            + "description, hierarchy, evaluation as text, JSON and CSV), a comparison report of the system against "
            + "two variants (comparison.html) and a small bundled sweep with its report (sweep.csv, sweep.html) "
            + "into a folder (default: memdse-demo).")
final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_SYSTEM = "fig4-hybrid";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "memdse-demo", description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = OutputPaths.folder("-o", output);
        if (Files.isDirectory(folder)) {
            for (String name : FILES) {
                OutputPaths.file("-o " + output + ":", folder.resolve(name));
            }
        }
        Catalog catalog = Catalog.bundled();
        for (CatalogEntry entry : catalog.architectures()) {
            Architecture a = ArchitectureReader.read(catalog.source(entry));
            out.println("checked " + entry.id() + ": " + a.summary().crossbars() + " crossbars, "
                    + a.summary().snnCores() + " SNN cores");
        }
        Architecture system = ArchitectureReader.read(catalog.source(catalog.architecture(DEFAULT_SYSTEM).orElseThrow()));
        String hierarchy = HierarchyText.of(system);
        out.println();
        out.print(hierarchy);
        NetworkGraph network = NetworkLoader.load(DEFAULT_SYSTEM);
        Mapper mapper = MapCommand.resolve(null);
        MappingOutcome outcome = mapper.map(system, network, MapperOptions.DEFAULT);
        if (!(outcome instanceof MappingOutcome.Mapped mapped)) {
            throw new IllegalStateException("the bundled network no longer fits the bundled system: "
                    + ((MappingOutcome.DoesNotFit) outcome).reason());
        }
        Metrics metrics = new SystemEvaluator(ComponentModelRegistry.load()).evaluate(system, network, mapped.mapping(),
                OpConvention.INT8);
        String table = EvaluateCommand.table(system, network, mapper, metrics, false);
        StringBuilder csv = new StringBuilder();
        MetricsCsv.write(metrics, csv);
        out.println();
        out.print(table);
        try {
            Files.createDirectories(folder); // checked: no file in the way, the nearest existing folder writable
        } catch (IOException e) {
            throw OutputFailure.of(folder, "cannot create the folder " + output, e, "nothing was written");
        }
        writeAtomically(folder.resolve(DEFAULT_SYSTEM + ".yaml"), ArchitectureWriter.toYaml(system));
        writeAtomically(folder.resolve(DEFAULT_SYSTEM + ".txt"), hierarchy);
        writeAtomically(folder.resolve("evaluation.txt"), table);
        writeAtomically(folder.resolve("evaluation.json"), EvaluateCommand.json(system, network, mapper, metrics, false));
        writeAtomically(folder.resolve("evaluation.csv"), csv.toString());
        String reports = reports(system, network, mapper, folder, out);
        if (reports == null) {
            return sweepExit; // the sweep said why (a full disk, another sweep writing sweep.csv)
        }
        out.println();
        out.println("wrote " + output.toAbsolutePath().normalize() + "/ (" + DEFAULT_SYSTEM + ".yaml, "
                + DEFAULT_SYSTEM + ".txt, evaluation.txt, evaluation.json, evaluation.csv" + reports + ")");
        out.flush();
        return ExitCodes.OK;
    }

    /** The bundled sweep the demo runs and reports (small: 25 points, a few seconds). */
    static final String DEMO_SWEEP = "fig4-snn-cim";
    static final String COMPARISON = "comparison.html";
    static final String SWEEP_CSV = "sweep.csv";
    static final String SWEEP_REPORT = "sweep.html";
    /** Every file the demo writes into its folder (checked before any work). */
    static final List<String> FILES = List.of(DEFAULT_SYSTEM + ".yaml", DEFAULT_SYSTEM + ".txt", "evaluation.txt",
            "evaluation.json", "evaluation.csv", COMPARISON, SWEEP_CSV, "sweep.pareto.csv", SWEEP_REPORT);

    /** The bundled sweep's exit code when it failed (it printed why). */
    private int sweepExit;

    /**
     * Writes the comparison report (the default system against two variants) and the bundled
     * sweep's results and report; returns the file names written, for the closing line.
     */
    private String reports(Architecture system, NetworkGraph network, Mapper mapper, Path folder, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        List<Architecture> archs = List.of(system,
                variant(system, DEFAULT_SYSTEM + "-adc2", "2 columns share an ADC instead of 8",
                        Map.of("columns_per_adc: 8", "columns_per_adc: 2")),
                variant(system, DEFAULT_SYSTEM + "-xbar256", "256 x 256 crossbars instead of 128 x 128",
                        Map.of("        rows: 128\n        cols: 128\n", "        rows: 256\n        cols: 256\n")));
        Comparison comparison = CompareCommand.compare(archs, List.of(network), mapper, MapperOptions.DEFAULT,
                OpConvention.INT8, err);
        Path csvFile = folder.resolve(SWEEP_CSV);
        CompareCommand.write(comparison, folder.resolve(COMPARISON), Map.of());
        out.println();
        out.println("compared " + String.join(", ", comparison.names()) + " on " + network.name() + " -> "
                + COMPARISON);
        // The sweep runs through the 'sweep' command itself, so the demo shows exactly what a user gets.
        int code = MemdseCommand.commandLine(new PrintWriter(java.io.Writer.nullWriter()), err, "sweep")
                .execute("sweep", DEMO_SWEEP, "-o", csvFile.toString(), "--quiet");
        if (code != ExitCodes.OK) {
            sweepExit = code;
            return null;
        }
        SweepResults results = SweepResultsReader.read(csvFile);
        // The report draws the front over the sweep's own objectives (the CSV records only the marks).
        FrontBasis front = new FrontBasis(SweepSetup.prepare(DEMO_SWEEP).plan.objectives());
        ReportCommand.write(results, folder.resolve(SWEEP_REPORT), "area_mm2", "energy_pj", List.of(), front);
        long pareto = results.rows().stream().filter(SweepResults.Row::pareto).count();
        out.println("swept " + DEMO_SWEEP + ": " + results.rows().size() + " points, " + pareto
                + " Pareto-optimal -> " + SWEEP_CSV + ", " + SWEEP_REPORT);
        return ", " + COMPARISON + ", " + SWEEP_CSV + ", " + SWEEP_REPORT;
    }

    /** The default system with some lines of its resolved YAML replaced (each must match exactly once). */
    static Architecture variant(Architecture base, String name, String description, Map<String, String> edits) {
        String yaml = ArchitectureWriter.toYaml(base);
        for (Map.Entry<String, String> e : edits.entrySet()) {
            int at = yaml.indexOf(e.getKey());
            if (at < 0 || yaml.indexOf(e.getKey(), at + 1) >= 0) {
                throw new IllegalStateException("demo variant " + name + ": '" + e.getKey().strip()
                        + "' does not occur exactly once in " + base.name() + "'s description");
            }
            yaml = yaml.replace(e.getKey(), e.getValue());
        }
        yaml = yaml.replaceFirst("(?m)^name: .*$", "name: " + name)
                .replaceFirst("(?m)^description: .*$", "description: " + base.name() + " with " + description);
        return ArchitectureReader.read(SpecSource.ofText(name + ".yaml", yaml));
    }

    /** Writes to a temporary file beside the target, then renames: a reader never sees half a file. */
    static void writeAtomically(Path target, String text) {
        ReportFiles.write(target, text);
    }

}
