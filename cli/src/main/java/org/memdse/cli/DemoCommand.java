package org.memdse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.memdse.report.csv.MetricsCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code memdse demo}: runs what memdse can do today on the bundled default (the Fig. 4 hybrid
 * system) and writes the results into a folder it names. Grows with the pipeline: mapping,
 * evaluation and reports join it as they are built.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Check every bundled architecture, describe the default Fig. 4 hybrid system, map the",
            "bundled hybrid SNN -> ANN network onto it and evaluate it, and write the results (resolved",
            "description, hierarchy, evaluation as text, JSON and CSV) into a folder (default: memdse-demo)."})
final class DemoCommand implements Callable<Integer> {
    static final String DEFAULT_SYSTEM = "fig4-hybrid";

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, defaultValue = "memdse-demo", description = "Folder for the results (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
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
        String table = EvaluateCommand.table(system, network, mapper, metrics);
        StringBuilder csv = new StringBuilder();
        MetricsCsv.write(metrics, csv);
        out.println();
        out.print(table);
        try {
            Files.createDirectories(output);
            writeAtomically(output.resolve(DEFAULT_SYSTEM + ".yaml"), ArchitectureWriter.toYaml(system));
            writeAtomically(output.resolve(DEFAULT_SYSTEM + ".txt"), hierarchy);
            writeAtomically(output.resolve("evaluation.txt"), table);
            writeAtomically(output.resolve("evaluation.json"), EvaluateCommand.json(system, network, mapper, metrics));
            writeAtomically(output.resolve("evaluation.csv"), csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo results into " + output + ": " + e.getMessage(), e);
        }
        out.println();
        out.println("wrote " + output.toAbsolutePath().normalize() + "/ (" + DEFAULT_SYSTEM + ".yaml, "
                + DEFAULT_SYSTEM + ".txt, evaluation.txt, evaluation.json, evaluation.csv)");
        out.flush();
        return ExitCodes.OK;
    }

    /** Writes to a temporary file beside the target, then renames: a reader never sees half a file. */
    static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
