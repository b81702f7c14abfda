package org.memdse.core.arch.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SpecException;

/**
 * Spec errors (STYLE.md §2.9): every {@code malformed/NN-name.yaml} is a description with one
 * mistake, and {@code NN-name.expected} holds the diagnostics it must produce, one per line, in
 * order (file names relative to the {@code malformed} folder). Files under {@code malformed/lib/}
 * are libraries that cases include; they are not cases themselves.
 *
 * <p>Add a case: copy the nearest case, make the one mistake, write the line you expect to read
 * as a user into the {@code .expected} file, and run this test.
 */
class MalformedArchitectureTest {
    /** Cases whose mistake concerns the whole document, so no document path can be named. */
    private static final Set<String> WHOLE_DOCUMENT = Set.of("34-yaml-syntax-error.yaml", "35-tab-indentation.yaml",
            "44-empty-file.yaml", "45-scalar-document.yaml");

    static Path folder() {
        try {
            return Path.of(MalformedArchitectureTest.class.getResource("malformed").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeast25CasesEachWithAnExpectation() throws IOException {
        List<String> cases = cases().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        for (String name : cases) {
            assertThat(folder().resolve(expectedName(name))).as("expectation of %s", name).exists();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRejectedWithFileLineColumnPathAndMessage(String name) throws IOException {
        Path file = folder().resolve(name);
        List<String> expected = Files.readAllLines(folder().resolve(expectedName(name)), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).toList();
        assertThat(expected).as("%s: the .expected file is empty", name).isNotEmpty();

        // Nothing is half-loaded: reading throws and returns no Architecture.
        SpecException e = catchThrowableOfType(SpecException.class, () -> ArchitectureReader.read(file));
        assertThat(e).as("%s was accepted", name).isNotNull();

        List<Diagnostic> diagnostics = e.diagnostics();
        assertThat(diagnostics).isSortedAccordingTo(Diagnostic::compareTo);
        assertThat(diagnostics.stream().map(MalformedArchitectureTest::relative).toList()).isEqualTo(expected);

        Diagnostic first = diagnostics.get(0);
        assertThat(first.position().file()).startsWith(folder().toString());
        assertThat(first.position().line()).as("line").isPositive();
        assertThat(first.position().column()).as("column").isPositive();
        if (!WHOLE_DOCUMENT.contains(name)) {
            assertThat(first.path()).as("document path").isNotEmpty();
        }
        assertThat(e.getMessage()).contains(first.message());
    }

    private static String expectedName(String yamlName) {
        return yamlName.substring(0, yamlName.length() - ".yaml".length()) + ".expected";
    }

    /** The diagnostic with the folder stripped from every file name (in its position and message). */
    private static String relative(Diagnostic d) {
        return d.toString().replace(folder().toString() + File.separator, "");
    }
}
