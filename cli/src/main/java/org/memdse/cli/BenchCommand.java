package org.memdse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code memdse bench [what]}: benchmarks that report figures (never timed tests); plain {@code bench} runs {@code sweep}. */
@Command(name = "bench",
        header = "Benchmarks that print figures: sweep points per second, mapper solve times, loading long networks.", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (not tests: nothing fails on a slow machine). "
            + "Without a subcommand: 'bench sweep' (design points per second per thread count).",
        subcommands = {BenchSweepCommand.class, BenchMappingCommand.class, BenchPartitionCommand.class, BenchLoadCommand.class,
            CommandLine.HelpCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("sweep").execute();
    }
}
