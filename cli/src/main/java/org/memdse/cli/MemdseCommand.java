package org.memdse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memdse.core.eval.NonFiniteResultException;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;
import org.memdse.cost.registry.NoModelException;
import org.memdse.report.OutputFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command: {@code memdse <subcommand>}. */
@Command(name = "memdse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Design-space exploration for memristor-based neuromorphic systems. "
            + "Describe a system in YAML, give it a network, get area, energy and latency.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:failure (a bug or an output that could not be written)",
            "2:bad input (a file, option or argument; the message says what and where)"})
public final class MemdseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of unexpected failures.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            CatalogCommand.class,
            ValidateCommand.class,
            DescribeCommand.class,
            NetworkCommand.class,
            MapCommand.class,
            EvaluateCommand.class,
            SimulateCommand.class,
            CalibrateCommand.class,
            SweepCommand.class,
            MergeCommand.class,
            CompareCommand.class,
            ReportCommand.class,
            BenchCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class);

    /** The configured command line: exit codes, error handling, output streams. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** The same, writing to the given streams (tests capture them), with every subcommand. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, SUBCOMMANDS);
    }

    /**
     * The command line for these arguments: when they name a subcommand, the root holds that one
     * alone. picocli builds a subcommand's model (its options, mixins and their help texts, by
     * reflection) when it is added, and the fifteen of them were a quarter of a short command's
     * run; a root with one subcommand parses those arguments exactly as the whole tree would.
     * Without a known name (no subcommand, 'help', a misspelt one) every subcommand is there, for
     * the usage, the help and picocli's suggestions.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        return commandLine(out, err, invoked(args).<List<Class<?>>>map(List::of).orElse(SUBCOMMANDS));
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> subcommands) {
        MemdseCommand root = new MemdseCommand();
        CommandLine cl = new CommandLine(root);
        for (Class<?> subcommand : subcommands) {
            cl.addSubcommand(subcommand);
        }
        return configure(cl, out, err, () -> root.verbose);
    }

    /**
     * The subcommand the arguments name: the first argument that is not one of the root's options
     * (--verbose, --help, --version: none takes a value), if a subcommand other than help has that name.
     */
    static Optional<Class<?>> invoked(String... args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            for (Class<?> c : SUBCOMMANDS) {
                if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(arg)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Gives a command line memdse's streams and error handling: bad input (a {@link SpecException},
     * a {@link UserInputException}, a bad option) is exit code 2 with its message, an I/O failure
     * exit code 1 in words, anything else an internal error (the stack trace when {@code verbose}).
     * Other front ends (the Spark job) use it too.
     */
    public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err,
                                        java.util.function.BooleanSupplier verbose) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> t instanceof SpecException || t instanceof NonFiniteResultException
                || t instanceof NoModelException ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("memdse: " + ex.getMessage());
            // "Did you mean: memdse evaluate?" for a misspelt command or option.
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof SpecException spec) {
                printDiagnostics(e, spec);
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof UserInputException user) {
                e.println("memdse: " + user.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof NonFiniteResultException overflow) {
                e.println("memdse: cannot evaluate: " + overflow.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof NoModelException noModel) {
                e.println("memdse: " + noModel.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            Optional<String> io = ioFailure(ex);
            if (io.isPresent()) {
                e.println("memdse: " + io.get());
                if (verbose.getAsBoolean()) {
                    ex.printStackTrace(e);
                }
                return ExitCodes.FAILURE;
            }
            e.println("memdse: internal error: " + ex);
            if (verbose.getAsBoolean()) {
                ex.printStackTrace(e);
            } else {
                e.println("(run with --verbose for the stack trace, and please report it)");
            }
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    /**
     * A file the operating system refused to read or write (a full disk, a permission, an I/O
     * error), in words: not a bug, so not an "internal error", and no stack trace.
     */
    static Optional<String> ioFailure(Exception ex) {
        if (ex instanceof OutputFailure f) {
            return Optional.of(f.getMessage());
        }
        IOException cause = ex instanceof IOException io ? io
                : ex instanceof UncheckedIOException u ? u.getCause() : null;
        if (cause == null) {
            return Optional.empty();
        }
        String reason = OutputFailure.reason(cause);
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        if (message.isBlank() || message.equals(cause.toString())) {
            return Optional.of("input/output error: " + reason);
        }
        return Optional.of(message.contains(reason) ? message : message + " (" + reason + ")");
    }

    /** One diagnostic per line (the errors and the warnings beside them), sorted, then a count. */
    static void printDiagnostics(PrintWriter err, SpecException ex) {
        List<Diagnostic> all = new ArrayList<>(ex.diagnostics());
        all.addAll(ex.warnings());
        all.sort(null);
        for (Diagnostic d : all) {
            err.println(d);
        }
        int n = ex.diagnostics().size();
        int w = ex.warnings().size();
        err.println(n + (n == 1 ? " error" : " errors") + (w == 0 ? "" : ", " + w + (w == 1 ? " warning" : " warnings")));
        err.flush();
    }

    /**
     * Warnings about an accepted input (values outside a model's calibrated range, settings no
     * model uses yet), one per line; they never change the exit code.
     */
    static void printWarnings(PrintWriter err, List<Diagnostic> warnings) {
        for (Diagnostic d : warnings) {
            err.println(d);
        }
        err.flush();
    }
}
