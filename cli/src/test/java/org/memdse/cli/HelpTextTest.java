package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's --help is wrapped once, by picocli, at its usage width. Descriptions written
 * as arrays of pre-broken lines were wrapped a second time, so sentences broke mid-way ("... and
 * write a" / "comparison report: ..."). Two checks on every command's usage:
 * <ul>
 *   <li>rendered so wide that picocli wraps nothing, no line continues the sentence of the line
 *       before it (a line break in the source text);</li>
 *   <li>rendered at the usual 80 columns, no line is broken while the next word would still
 *       have fitted on it (a second wrap).</li>
 * </ul>
 */
class HelpTextTest {
    private static final int WIDTH = 80;
    /** A row of a table: options, commands, exit codes (an indented name, a gap, its text). */
    private static final Pattern ROW = Pattern.compile("^\\s+\\S+(?: \\S+)*\\s{2,}\\S.*");
    /** Picocli's columns may end a character or two before the width; a sooner break is a second wrap. */
    private static final int MARGIN = 2;

    /** The usage of every command and subcommand, rendered at {@code width}, by qualified name. */
    static Map<String, String> usages(int width) {
        CommandLine root = MemdseCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        root.setUsageHelpWidth(width);
        Map<String, String> usages = new LinkedHashMap<>();
        collect(root, usages);
        return usages;
    }

    private static void collect(CommandLine c, Map<String, String> usages) {
        usages.put(c.getCommandSpec().qualifiedName(), c.getUsageMessage(CommandLine.Help.Ansi.OFF));
        c.getSubcommands().values().forEach(s -> collect(s, usages));
    }

    /** A row of its own: an option, a command or an exit code, at the start of its table (not a continuation). */
    static boolean isRow(String line) {
        return indent(line) <= 6 && ROW.matcher(line).matches();
    }

    /** Whether a line goes on with the sentence of the line before: it starts lower-case (or, unindented, with a dash). */
    static boolean continuesASentence(String line) {
        String text = line.strip();
        if (text.isEmpty() || isRow(line)) {
            return false;
        }
        char first = text.charAt(0);
        return Character.isLowerCase(first) || first == '-' && indent(line) == 0;
    }

    /** Lines that continue the line before although nothing wrapped them: breaks written into the source. */
    static List<String> sourceBreaks(String usage) {
        List<String> problems = new ArrayList<>();
        String[] lines = usage.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i - 1].isBlank() && continuesASentence(lines[i])) {
                problems.add("'" + lines[i - 1].strip() + "' / '" + lines[i].strip() + "'");
            }
        }
        return problems;
    }

    /** Sentences broken although the next line's first word would have fitted: a second wrap. */
    static List<String> earlyBreaks(String usage, int width) {
        List<String> problems = new ArrayList<>();
        String[] lines = usage.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String before = lines[i - 1];
            String line = lines[i];
            if (before.isBlank() || !continuesASentence(line)) {
                continue;
            }
            String word = line.strip().split("\\s+")[0];
            if (before.stripTrailing().length() + 1 + word.length() <= width - MARGIN) {
                problems.add("'" + before.strip() + "' / '" + line.strip() + "'");
            }
        }
        return problems;
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    /**
     * Main gives the root only the subcommand the arguments name: that subcommand (and its own
     * subcommands) must read exactly as in the whole tree, and arguments that name none get them all.
     */
    @Test
    void aRootHoldingOneSubcommandShowsItAsTheWholeTreeDoes() {
        Map<String, String> whole = usages(WIDTH);
        StringWriter none = new StringWriter();
        for (String name : List.of("network", "evaluate", "sweep", "bench")) {
            CommandLine alone = MemdseCommand.commandLine(new PrintWriter(none), new PrintWriter(none), "--verbose", name, "x");
            assertThat(alone.getSubcommands()).as(name).containsOnlyKeys(name);
            alone.setUsageHelpWidth(WIDTH);
            Map<String, String> usages = new LinkedHashMap<>();
            collect(alone.getSubcommands().get(name), usages);
            usages.forEach((qualified, usage) -> assertThat(usage).as(qualified).isEqualTo(whole.get(qualified)));
        }
        int all = MemdseCommand.commandLine(new PrintWriter(none), new PrintWriter(none)).getSubcommands().size();
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "evaluate"}, {"evalute", "--arch", "x"}}) {
            assertThat(MemdseCommand.commandLine(new PrintWriter(none), new PrintWriter(none), args).getSubcommands())
                    .as(String.join(" ", args)).hasSize(all);
        }
        assertThat(all).isEqualTo(15);
        CliRunner misspelt = CliRunner.run("evalute", "--arch", "isaac-ce");
        assertThat(misspelt.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(misspelt.err()).contains("Unmatched arguments from index 0: 'evalute'", "Did you mean: memdse evaluate or");
    }

    @Test
    void everyCommandsHelpIsWrappedOnceAtItsWidth() {
        Map<String, String> wide = usages(1_000);
        Map<String, String> narrow = usages(WIDTH);
        assertThat(wide).containsKeys("memdse", "memdse compare", "memdse bench mapping");
        List<String> problems = new ArrayList<>();
        wide.forEach((command, usage) -> sourceBreaks(usage).forEach(p -> problems.add(command + ": line break in the"
                + " source text: " + p)));
        narrow.forEach((command, usage) -> {
            earlyBreaks(usage, WIDTH).forEach(p -> problems.add(command + ": wrapped twice: " + p));
            usage.lines().filter(l -> l.length() > WIDTH).forEach(l -> problems.add(command + ": wider than " + WIDTH
                    + ": " + l));
        });
        assertThat(problems).as("help text broken mid-sentence; write each paragraph as one string and let picocli"
                + " wrap it").isEmpty();
    }

    @Test
    void theChecksCatchTheBreaksOfPreBrokenLines() {
        // what compare --help printed when its description was an array of pre-broken lines
        String before = """
                Map one or more networks onto two or more architectures, evaluate them, and
                write a
                comparison report: a summary table (best value marked, ratios to the first
                architecture), area and
                energy by component kind, energy and latency by layer, each mapping drawn on
                      --replicate           Copy the slowest layers onto crossbars the network
                                              leaves free (ISAAC/PUMA-style
                                            pipeline balancing): each copy takes a share of the
                                              layer's input vectors. Off by default.
                """;
        assertThat(earlyBreaks(before, WIDTH)).hasSize(3);
        assertThat(sourceBreaks("Map one or more networks onto two or more architectures, and write a\n"
                + "comparison report.\n  -o, --output=FILE   report.html\n")).hasSize(1);
        // a table of commands or options is not a broken sentence
        assertThat(sourceBreaks("Commands:\n  catalog    List the bundled ones\n  validate   Check them\n")).isEmpty();
    }
}
