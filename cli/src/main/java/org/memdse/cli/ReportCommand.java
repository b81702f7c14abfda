package org.memdse.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memdse.core.explore.Metric;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.SweepReader;
import org.memdse.report.ReportFiles;
import org.memdse.report.csv.SweepResultsReader;
import org.memdse.report.html.SweepHtmlWriter;
import org.memdse.report.sweep.FrontBasis;
import org.memdse.report.sweep.SweepResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memdse report}: a sweep's results CSV as an HTML report. */
@Command(name = "report",
        header = "Turn a sweep's results CSV into an HTML report with its Pareto front.", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a self-contained HTML report of a sweep's results CSV: the Pareto front as a "
            + "scatter plot of two metrics (front points marked, joined by a line only when the front is over exactly "
            + "those two; infeasible points apart), the effect of each swept parameter on each objective, and a "
            + "table of the Pareto-optimal designs. The front is the one the sweep marked, or the one over the "
            + "objectives given with --objective.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:the report could not be written (a full disk, an I/O error)",
            "2:bad input (the CSV, a metric that is not one of its columns, or the output path)"})
final class ReportCommand implements Callable<Integer> {
    /** Objectives of the small multiples when none are named (those the CSV has). */
    static final List<String> DEFAULT_OBJECTIVES = List.of("area_mm2", "energy_pj", "latency_ns", "tops_per_w");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS.csv", description = "A results CSV written by 'memdse sweep'.")
    Path csv;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The report, e.g. sweep.html.")
    Path output;

    @Option(names = "--x", paramLabel = "METRIC", defaultValue = "energy_pj",
            description = "Metric column on the front's x axis (default: ${DEFAULT-VALUE}).")
    String x;

    @Option(names = "--y", paramLabel = "METRIC", defaultValue = "latency_ns",
            description = "Metric column on the front's y axis (default: ${DEFAULT-VALUE}).")
    String y;

    @Option(names = "--objective", paramLabel = "DIR:METRIC",
            description = "An objective of the Pareto front, as for 'memdse sweep': minimise:METRIC or maximise:METRIC "
                    + "(repeat). Given any, the report computes the front over exactly these (per network, among the ok "
                    + "rows) instead of using the sweep's marks, whose objectives the CSV does not record. A METRIC "
                    + "without a direction only adds it to the parameter plots and the table. Default plots: area_mm2, "
                    + "energy_pj, latency_ns, tops_per_w.")
    List<String> objectives;

    @Override
    public Integer call() {
        if (csv.toString().isBlank()) {
            throw new UserInputException("the results file is empty ('" + csv + "'); give the CSV a sweep wrote");
        }
        if (!Files.isRegularFile(csv)) {
            throw new UserInputException(csv + ": " + (Files.isDirectory(csv) ? "is a folder" : "no such file")
                    + "; give the CSV a sweep wrote");
        }
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new UserInputException("-o " + output + ": expected a file ending in .html");
        }
        Path target = OutputPaths.file("-o", output);
        OutputPaths.notAnInput("-o", target, Map.of(csv, "the results CSV this report reads"));
        SweepResults results;
        try {
            results = SweepResultsReader.read(csv);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        List<Objective> front = new ArrayList<>();
        List<String> plotted = new ArrayList<>();
        for (String o : objectives == null ? List.<String>of() : objectives) {
            if (o.contains(":")) {
                Objective objective = SweepReader.objective(o).orElseThrow(() -> new UserInputException("--objective '"
                        + o + "': expected minimise:METRIC or maximise:METRIC (or a METRIC alone); metrics: "
                        + String.join(", ", Metric.keys())));
                if (front.stream().anyMatch(f -> f.metric() == objective.metric())) {
                    throw new UserInputException("--objective '" + o + "': an objective on '" + objective.metric().key()
                            + "' is already given");
                }
                front.add(objective);
                plotted.add(objective.metric().key());
            } else {
                plotted.add(o);
            }
        }
        try {
            write(results, target, x, y, plotted, new FrontBasis(front));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage());
        }
        spec.commandLine().getOut().println("wrote " + output);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** Writes the report with the sweep's Pareto marks; {@code objectives} null or empty means the defaults the CSV has. */
    static void write(SweepResults results, Path output, String x, String y, List<String> objectives) {
        write(results, output, x, y, objectives, FrontBasis.sweepMarks());
    }

    /** Writes the report with the front {@code basis} gives; {@code objectives} empty means the defaults the CSV has. */
    static void write(SweepResults results, Path output, String x, String y, List<String> objectives, FrontBasis basis) {
        List<String> chosen = objectives;
        if (chosen == null || chosen.isEmpty()) {
            chosen = new ArrayList<>();
            for (String o : DEFAULT_OBJECTIVES) {
                if (results.metrics().contains(o)) {
                    chosen.add(o);
                }
            }
        }
        ReportFiles.write(output, SweepHtmlWriter.write(results, x, y, chosen, basis));
    }
}
