package org.memdse.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.memdse.core.explore.Objective;
import org.memdse.report.OutputLock;
import org.memdse.report.csv.ShardMerger;
import org.memdse.report.csv.ShardRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code memdse merge}: joins the shards of a sweep into the results file one unsharded run writes. */
@Command(name = "merge",
        header = "Merge the shards of a sweep (sweep --shard i/n) into one results CSV with its Pareto front.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = "Merge the files that 'memdse sweep SWEEP --shard i/n -o FILE' wrote, one per shard, into the "
            + "results file an unsharded run writes: sorted into point order, the pareto column marked and the front "
            + "written as its own CSV. Each shard's record (FILE.shard.yaml, beside it) must name the same sweep "
            + "(the same files) and shard count, every shard 1..n must be given once and finished, and each must "
            + "hold exactly its points; otherwise nothing is written.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged",
            "1:failure (an output could not be written: it is left as it was)",
            "2:bad input (a missing, duplicated, unfinished or foreign shard; an output path, or an output another "
                + "memdse is writing)"})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "SHARD", description = "The shards' results files.")
    List<Path> shards = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Merged results CSV.")
    Path output;

    @Option(names = "--pareto", paramLabel = "FILE",
            description = "Pareto-front CSV (default: the output with .pareto.csv instead of .csv).")
    Path pareto;

    @Option(names = "--quiet", description = "Print nothing on success.")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path results = OutputPaths.file("-o", output);
        Path front = pareto != null ? OutputPaths.file("--pareto", pareto)
                : OutputPaths.file("the Pareto front's file (the default; choose another with --pareto)",
                SweepCommand.paretoPath(output));
        OutputPaths.distinct(pareto != null ? "--pareto " + pareto : "the Pareto front's file "
                + SweepCommand.paretoPath(output), front, "-o " + output, results);
        Map<Path, String> inputs = new LinkedHashMap<>();
        for (Path s : shards) {
            if (s.toString().isBlank()) {
                throw new UserInputException("a shard's file is empty ('" + s + "'); give the shards' results files"
                        + " (e.g. part-*.csv)");
            }
            if (!Files.isRegularFile(s)) {
                throw new UserInputException(s + ": " + (Files.isDirectory(s) ? "is a folder" : "no such file")
                        + "; give the shards' results files (e.g. part-*.csv)");
            }
            inputs.put(s, "a shard");
            inputs.put(ShardRecord.fileOf(s), "a shard's record");
        }
        OutputPaths.notAnInput("-o", results, inputs);
        OutputPaths.notAnInput("--pareto", front, inputs);
        ShardMerger.check(shards); // before taking any lock: bad input leaves no trace
        try (OutputLock lock = SweepCommand.lock(results); OutputLock frontLock = SweepCommand.lock(front)) {
            ShardMerger.Merged m = ShardMerger.merge(shards, results, front);
            if (!quiet) {
                err.printf(Locale.ROOT, "merge: %s: %d shards, %,d rows in %s%n", m.sweep(), m.shards(), m.rows(),
                        output);
                if (!m.objectives().isEmpty()) {
                    err.printf(Locale.ROOT, "merge: Pareto front (%s): %,d rows in %s%n",
                            String.join(", ", m.objectives().stream().map(Objective::toString).toList()), m.front(),
                            pareto != null ? pareto : SweepCommand.paretoPath(output));
                }
                err.flush();
            }
        }
        return ExitCodes.OK;
    }
}
