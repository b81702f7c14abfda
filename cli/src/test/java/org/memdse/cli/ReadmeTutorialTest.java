package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tutorial runs as written: every {@code ./memdse ...} line of its fenced
 * {@code sh} blocks runs in order, in-process, in one folder (later commands read what earlier
 * ones wrote), and every {@code yaml} block between them is applied to the file the tutorial
 * asks the reader to edit. Each must exit 0. The steps are read from the README itself, so
 * this test follows its edits.
 */
class ReadmeTutorialTest {
    /** File names in commands that live in the tutorial's folder (the rest are bundled ids). */
    private static final Set<String> FILE_EXTENSIONS = Set.of("yaml", "yml", "csv", "html", "htm", "md", "json", "onnx");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");

    @TempDir
    Path dir;

    /** A step of the tutorial: a command line, or an edit of a YAML file. */
    sealed interface Step permits Command, Edit {
    }

    record Command(String line) implements Step {
    }

    record Edit(List<String> lines) implements Step {
    }

    static Path readme() {
        Path cwd = Path.of("").toAbsolutePath();
        Path readme = cwd.resolve("README.md");
        return Files.isRegularFile(readme) ? readme : cwd.getParent().resolve("README.md");
    }

    /** The steps of every section whose heading names a tutorial, in README order. */
    static List<Step> steps(String readme) {
        List<Step> steps = new ArrayList<>();
        for (String section : readme.split("(?m)^(?=## )")) {
            String heading = section.lines().findFirst().orElse("");
            if (!heading.toLowerCase(java.util.Locale.ROOT).contains("tutorial")) {
                continue;
            }
            Matcher m = FENCE.matcher(section);
            while (m.find()) {
                String language = m.group(1);
                if (language.equals("sh")) {
                    m.group(2).lines().map(String::strip).filter(l -> l.startsWith("./memdse "))
                            .forEach(l -> steps.add(new Command(l)));
                } else if (language.equals("yaml")) {
                    steps.add(new Edit(m.group(2).lines().filter(l -> !l.isBlank()).toList()));
                }
            }
        }
        return steps;
    }

    @Test
    void everyTutorialCommandRunsAsWritten() throws IOException {
        List<Step> steps = steps(Files.readString(readme()));
        assertThat(steps).as("steps of the README's tutorial").filteredOn(Command.class::isInstance).hasSizeGreaterThan(10);
        Path lastWritten = null;
        for (Step step : steps) {
            if (step instanceof Edit edit) {
                assertThat(lastWritten).as("a file written by the tutorial before its edit").isNotNull();
                applyEdit(lastWritten, edit.lines());
                continue;
            }
            String line = ((Command) step).line();
            List<String> words = words(line);
            Path redirect = null;
            int gt = words.indexOf(">");
            if (gt >= 0) {
                redirect = dir.resolve(words.get(gt + 1));
                words = words.subList(0, gt);
            }
            List<String> args = new ArrayList<>();
            for (String w : words.subList(1, words.size())) {
                args.add(isFile(w) ? dir.resolve(w).toString() : w);
            }
            CliRunner r = CliRunner.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as("%s%nstderr:%n%s", line, r.err()).isZero();
            if (redirect != null) {
                Files.writeString(redirect, r.out());
                lastWritten = redirect;
            }
        }
    }

    /** The words of a command line, without its trailing {@code # comment}. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String w : line.strip().split("\\s+")) {
            if (w.startsWith("#")) {
                break;
            }
            words.add(w);
        }
        return words;
    }

    private static boolean isFile(String word) {
        int dot = word.lastIndexOf('.');
        return !word.startsWith("-") && dot > 0 && FILE_EXTENSIONS.contains(word.substring(dot + 1));
    }

    /**
     * Applies a README snippet such as {@code "      adc:"} followed by {@code "        bits: 6"}: the
     * first line must occur exactly once in the file, and every {@code key: value} under it
     * replaces the value of that key in the same block (the snippet is the block as it should read).
     */
    static void applyEdit(Path file, List<String> snippet) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String anchor = snippet.get(0);
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(anchor)) {
                at.add(i);
            }
        }
        assertThat(at).as("lines of %s equal to the README's '%s'", file.getFileName(), anchor).hasSize(1);
        int start = at.get(0);
        int blockIndent = indent(anchor);
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > blockIndent)) {
            end++;
        }
        for (String edit : snippet.subList(1, snippet.size())) {
            String key = edit.strip().substring(0, edit.strip().indexOf(':') + 1);
            int found = -1;
            for (int i = start + 1; i < end; i++) {
                if (indent(lines.get(i)) == indent(edit) && lines.get(i).strip().startsWith(key)) {
                    found = i;
                }
            }
            assertThat(found).as("'%s' in the block '%s' of %s", key, anchor.strip(), file.getFileName())
                    .isNotNegative();
            lines.set(found, edit);
        }
        Files.write(file, lines);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    @Test
    void theStepsAreReadFromTheReadmesShellAndYamlBlocks() {
        String readme = """
                # x
                ## Five-minute tutorial
                ```sh
                ./memdse describe --format yaml a > my.yaml   # a comment
                mvn verify
                ```
                ```yaml
                  adc:
                    bits: 6
                ```
                ```
                not a step
                ```
                ## Other
                ```sh
                ./memdse not-in-the-tutorial
                ```
                """;
        assertThat(steps(readme)).containsExactly(new Command("./memdse describe --format yaml a > my.yaml   # a comment"),
                new Edit(List.of("  adc:", "    bits: 6")));
        assertThat(words("./memdse describe --format yaml a > my.yaml   # a comment"))
                .containsExactly("./memdse", "describe", "--format", "yaml", "a", ">", "my.yaml");
    }

    @Test
    void anEditChangesOnlyTheKeysItNamesInItsBlock(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, "t:\n  adc:\n    kind: flash\n    bits: 5\n  dac:\n    bits: 1\n");
        applyEdit(file, List.of("  adc:", "    bits: 6"));
        assertThat(Files.readString(file)).isEqualTo("t:\n  adc:\n    kind: flash\n    bits: 6\n  dac:\n    bits: 1\n");
    }
}
