package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project carries its own copy of every source it cites: no citation points outside it (the
 * team's {@code shared/} folder is not part of a clone), every {@code docs/...} path it names
 * exists, every {@code NAME.md §N} names a file in {@code docs/} that has section N, and every
 * other {@code NAME.md} it mentions is a file of the project. The copies under {@code docs/} are
 * not scanned: they cite the outside world (papers, other repositories) on purpose.
 */
class CitationsTest {
    private static final Path ROOT = ReadmeTutorialTest.readme().getParent();
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", ".jqwik-database", ".idea");
    private static final Set<String> TEXT = Set.of("java", "yaml", "yml", "md", "properties", "proto", "py", "txt",
            "sh", "xml", "csv", "config");
    /** Names of files the CLI writes, used in examples (not citations). */
    private static final Set<String> EXAMPLE_OUTPUTS = Set.of("report.md");

    private static final Pattern OUTSIDE = Pattern.compile("(?:\\.\\./)+shared/|\\bshared/(?:reference|seed)\\b|/work/");
    private static final Pattern DOCS_PATH = Pattern.compile("(?<![\\w./-])docs/[\\w./-]*[\\w-]");
    private static final Pattern SECTIONS = Pattern.compile(
            "(?<![\\w/.-])([\\w-]+\\.md)((?:\\s*(?:,|and|/)?\\s*§\\s?\\d+(?:\\.\\d+)*)+)");
    private static final Pattern SECTION = Pattern.compile("§\\s?(\\d+(?:\\.\\d+)*)");
    private static final Pattern BARE_MD = Pattern.compile("(?<![\\w/.-])([\\w-]+\\.md)\\b");

    /** Every file of the project: no build output, no version control. */
    static List<Path> projectFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                for (Path part : ROOT.relativize(p)) {
                    if (SKIPPED_FOLDERS.contains(part.toString())) {
                        return false;
                    }
                }
                return true;
            }).sorted().toList();
        }
    }

    /** The project's own text files, without the copies in docs/ (its README excepted). */
    static List<Path> scanned(List<Path> projectFiles) {
        return projectFiles.stream()
                .filter(p -> !ROOT.relativize(p).startsWith("docs") || ROOT.relativize(p).equals(Path.of("docs", "README.md")))
                .filter(p -> !p.getFileName().toString().equals("CitationsTest.java"))
                .filter(CitationsTest::isText).toList();
    }

    private static boolean isText(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? !name.isEmpty() : TEXT.contains(name.substring(dot + 1));
    }

    private static String read(Path p) throws IOException {
        try {
            return Files.readString(p);
        } catch (MalformedInputException e) {
            return "";
        }
    }

    @Test
    void everyCitedFileAndSectionIsInTheProject() throws IOException {
        List<Path> all = projectFiles();
        Set<String> names = all.stream().map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        List<Path> files = scanned(all);
        assertThat(files).as("files scanned").hasSizeGreaterThan(100);
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String text = read(file);
            String where = ROOT.relativize(file).toString();
            Matcher outside = OUTSIDE.matcher(text);
            while (outside.find()) {
                problems.add(where + ":" + line(text, outside.start()) + ": cites '" + outside.group()
                        + "', outside the project; copy the source into docs/ and cite it there");
            }
            Matcher docs = DOCS_PATH.matcher(text);
            while (docs.find()) {
                if (!Files.exists(ROOT.resolve(docs.group()))) {
                    problems.add(where + ":" + line(text, docs.start()) + ": " + docs.group() + " does not exist");
                }
            }
            Matcher sections = SECTIONS.matcher(text);
            while (sections.find()) {
                Path cited = inDocs(sections.group(1));
                if (cited == null) {
                    problems.add(where + ":" + line(text, sections.start()) + ": " + sections.group(1)
                            + " is not in docs/");
                    continue;
                }
                String target = Files.readString(cited);
                Matcher s = SECTION.matcher(sections.group(2));
                while (s.find()) {
                    String number = s.group(1);
                    if (!Pattern.compile("(?m)^#+\\s+" + Pattern.quote(number) + "[.\\s]").matcher(target).find()) {
                        problems.add(where + ":" + line(text, sections.start()) + ": " + sections.group(1) + " has no §"
                                + number);
                    }
                }
            }
            Matcher bare = BARE_MD.matcher(text);
            while (bare.find()) {
                String name = bare.group(1);
                if (!EXAMPLE_OUTPUTS.contains(name) && !names.contains(name)) {
                    problems.add(where + ":" + line(text, bare.start()) + ": mentions " + name
                            + ", which is no file of the project");
                }
            }
        }
        assertThat(problems).as("citations that do not resolve inside the project").isEmpty();
    }

    /** The one file of that name under docs/, or null. */
    private static Path inDocs(String name) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            List<Path> found = files.filter(p -> p.getFileName().toString().equals(name)).toList();
            return found.size() == 1 ? found.get(0) : null;
        }
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    @Test
    void theChecksRecogniseTheCitationForms() {
        Matcher m = SECTIONS.matcher("see published-figures.md §1.5/§4.1 and STYLE.md §2.1, the rest");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("published-figures.md");
        assertThat(SECTION.matcher(m.group(2)).results().map(r -> r.group(1)).toList()).containsExactly("1.5", "4.1");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("STYLE.md");
        assertThat(OUTSIDE.matcher("(`shared/seed/`)").find()).isTrue();
        assertThat(OUTSIDE.matcher("see ../shared/DESIGN.md").find()).isTrue();
        assertThat(OUTSIDE.matcher("a shared/exclusive lock").find()).isFalse();
        assertThat(DOCS_PATH.matcher("in docs/reference/published-figures.md.").results().map(r -> r.group()).toList())
                .containsExactly("docs/reference/published-figures.md");
    }
}
