package org.memdse.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.spec.SpecLoader.LoadedDocument;
import org.memdse.core.units.Dimension;

class SpecLoaderTest {
    private final Diagnostics diagnostics = new Diagnostics();
    private final SpecContext context = new SpecContext(diagnostics);

    private Optional<SpecNode> compose(String text) {
        return SpecLoader.compose(SpecSource.ofText("t.yaml", text), context);
    }

    private List<String> messages() {
        return diagnostics.sorted().stream().map(Diagnostic::toString).toList();
    }

    // ---- composing one document --------------------------------------------------------------

    @Test
    void invalidYamlGivesADiagnosticWithLineAndColumn() {
        Optional<SpecNode> root = compose("a: 1\nb: [1, 2\nc: 3\n");

        assertThat(root).isEmpty();
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.position().file()).isEqualTo("t.yaml");
            assertThat(d.position().line()).isEqualTo(3);
            assertThat(d.position().column()).isEqualTo(2);
            assertThat(d.message()).startsWith("not valid YAML: while parsing a flow sequence (from line 2, column 4), ");
        });
    }

    @Test
    void aBadIndentIsReportedWhereItIs() {
        compose("a:\n  b: 1\n c: 2\n");
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.position().line()).isEqualTo(3);
            assertThat(d.message()).startsWith("not valid YAML: ");
        });
    }

    @Test
    void twoDocumentsInOneFileAreAnError() {
        compose("a: 1\n---\nb: 2\n");
        assertThat(messages()).containsExactly(
                "t.yaml:2:1: error: not valid YAML: expected a single document in the stream, but found another document");
    }

    @Test
    void anEmptyDocumentIsAnError() {
        assertThat(compose("")).isEmpty();
        assertThat(compose("# only a comment\n\n")).isEmpty();
        assertThat(messages()).containsExactly(
                "t.yaml:1:1: error: the document is empty; expected a mapping of keys to values");
    }

    @Test
    void aScalarDocumentComposesButIsNotAMapping() {
        SpecNode root = compose("just text\n").orElseThrow();
        SpecMap map = root.asMap();
        map.string("name", "a name");
        context.finish();
        assertThat(messages()).containsExactly(
                "t.yaml:1:1: error: expected a mapping of keys to values, found 'just text'");
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() {
        SpecMap map = compose("name: a\nrows: 1\nname: b\n").orElseThrow().asMap();

        assertThat(map.string("name", "a name")).as("the first one counts").isEqualTo("a");
        assertThat(messages()).containsExactly(
                "t.yaml:3:1: error: name: duplicate key 'name' (first given at line 1); remove one of them");
    }

    @Test
    void duplicateBlockKeysGiveTheKeysLinesNotTheirValues() {
        SpecMap map = compose("top:\n  x:\n    a: 1\n  y: 2\n  x:\n    a: 3\n").orElseThrow().asMap();
        map.map("top", "a mapping").entries();
        assertThat(messages()).containsExactly(
                "t.yaml:5:3: error: top.x: duplicate key 'x' (first given at line 2); remove one of them");
    }

    @Test
    void unknownKeysAreReportedAtTheKeyWithDidYouMean() {
        SpecMap map = compose("macro:\n  rows: 1\nmacor:\n  rows: 2\n").orElseThrow().asMap();
        map.get("macro");
        map.get("macros");
        context.finish();
        assertThat(messages()).containsExactly("t.yaml:3:1: error: macor: unknown key 'macor' (did you mean 'macro'?);"
                + " allowed here: macro, macros");
    }

    @Test
    void freeFormMappingsAcceptEveryKey() {
        SpecMap map = compose("devices:\n  anything: {}\n  goes: {}\n").orElseThrow().asMap();
        assertThat(map.map("devices", "devices").entries()).containsOnlyKeys("anything", "goes");
        context.finish();
        assertThat(diagnostics.hasErrors()).isFalse();
    }

    @Test
    void aMissingMappingIsReportedOnceNotWithEachOfItsKeys() {
        SpecMap root = compose("name: x\nsub: 3\n").orElseThrow().asMap();
        SpecMap technology = root.map("technology", "node, vdd and clock");
        technology.quantity("node", Dimension.LENGTH, null, "feature size");
        SpecMap sub = root.map("sub", "a mapping");
        sub.integer("rows", 1, 10, "rows");
        root.string("name", "a name");
        context.finish();
        assertThat(messages()).containsExactly(
                "t.yaml:1:1: error: technology: missing required key 'technology' (node, vdd and clock)",
                "t.yaml:2:6: error: sub: expected a mapping of keys to values, found '3'");
    }

    @Test
    void typedGettersReportAndGoOn() {
        SpecMap m = compose("""
                bits: 17
                rows: many
                flag: yes
                t: 10 V
                r: -1 Ohm
                kind: 1T1T
                name: ''
                """).orElseThrow().asMap();
        assertThat(m.integer("bits", 1, 16, "bits")).isEqualTo(1);
        assertThat(m.integer("rows", 1, Integer.MAX_VALUE, "rows")).isEqualTo(1);
        assertThat(m.bool("flag", true)).isFalse();
        assertThat(m.quantity("t", Dimension.TIME, null, "a time")).isPositive();
        assertThat(m.quantity("r", Dimension.RESISTANCE, null, "a resistance")).isPositive();
        assertThat(m.string("name", "a name")).isEmpty();
        assertThat(m.string("absent", "something")).isEmpty();
        context.finish();
        assertThat(messages()).containsExactly(
                "t.yaml:1:1: error: absent: missing required key 'absent' (something)",
                "t.yaml:1:7: error: bits: expected an integer 1..16, found '17'",
                "t.yaml:2:7: error: rows: expected an integer >= 1, found 'many'",
                "t.yaml:3:7: error: flag: expected true or false, found 'yes'",
                "t.yaml:4:4: error: t: expected a time such as '10 ns', found '10 V' (a voltage)",
                "t.yaml:5:4: error: r: expected a positive value, found '-1 Ohm'",
                "t.yaml:6:1: error: kind: unknown key 'kind'; allowed here: bits, rows, flag, t, r, name, absent",
                "t.yaml:7:7: error: name: expected a non-empty text, found ''");
    }

    // ---- includes ------------------------------------------------------------------------

    @Test
    void includesResolveRelativeToTheIncludingFileAndAreReadOnce(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib/sub"));
        write(dir.resolve("main.yaml"), "include: [lib/a.yaml, lib/b.yaml]\nx: 1\n");
        write(dir.resolve("lib/a.yaml"), "include: sub/c.yaml\na: 1\n");
        write(dir.resolve("lib/b.yaml"), "include: [sub/c.yaml]\nb: 1\n");
        write(dir.resolve("lib/sub/c.yaml"), "c: 1\n");

        List<LoadedDocument> documents = SpecLoader.composeWithIncludes(SpecSource.of(dir.resolve("main.yaml")), context);

        assertThat(diagnostics.hasErrors()).isFalse();
        assertThat(documents).extracting(d -> Path.of(d.source().displayName()).getFileName().toString())
                .as("depth-first, each once").containsExactly("main.yaml", "a.yaml", "c.yaml", "b.yaml");
    }

    @Test
    void anIncludeCycleIsReportedAtTheIncludeThatClosesIt(@TempDir Path dir) throws IOException {
        write(dir.resolve("a.yaml"), "x: 1\ninclude: b.yaml\n");
        write(dir.resolve("b.yaml"), "include:\n  - c.yaml\n");
        write(dir.resolve("c.yaml"), "y: 2\ninclude: [./a.yaml]\n");

        List<LoadedDocument> documents = SpecLoader.composeWithIncludes(SpecSource.of(dir.resolve("a.yaml")), context);

        assertThat(documents).hasSize(3);
        String c = dir.resolve("c.yaml").toString();
        assertThat(messages()).containsExactly(c + ":2:11: error: include[0]: include cycle: './a.yaml' is already"
                + " being read (" + dir.resolve("a.yaml") + " -> " + dir.resolve("b.yaml") + " -> " + c
                + " -> " + dir.resolve("a.yaml") + "); remove one of the includes");
    }

    @Test
    void aFileIncludingItselfIsACycle(@TempDir Path dir) throws IOException {
        write(dir.resolve("a.yaml"), "include: a.yaml\n");
        SpecLoader.composeWithIncludes(SpecSource.of(dir.resolve("a.yaml")), context);
        assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
            assertThat(d.position().line()).isEqualTo(1);
            assertThat(d.path()).isEqualTo("include");
            assertThat(d.message()).startsWith("include cycle: 'a.yaml' is already being read");
        });
    }

    @Test
    void aMissingIncludeIsReportedAtTheInclude(@TempDir Path dir) throws IOException {
        write(dir.resolve("a.yaml"), "x: 1\ninclude: [gone.yaml]\n");
        Files.createDirectories(dir.resolve("folder"));
        write(dir.resolve("b.yaml"), "include: folder\n");

        SpecLoader.composeWithIncludes(SpecSource.of(dir.resolve("a.yaml")), context);
        SpecLoader.composeWithIncludes(SpecSource.of(dir.resolve("b.yaml")), context);

        assertThat(messages()).containsExactly(
                dir.resolve("a.yaml") + ":2:11: error: include[0]: cannot include 'gone.yaml': no such file (looked at "
                        + dir.resolve("gone.yaml") + ")",
                dir.resolve("b.yaml") + ":1:10: error: include: cannot include 'folder': is a directory, not a file"
                        + " (looked at " + dir.resolve("folder") + ")");
    }

    @Test
    void aMissingMainFileIsADiagnosticWithoutALine(@TempDir Path dir) {
        List<LoadedDocument> documents = SpecLoader.composeWithIncludes(SpecSource.of(dir.resolve("none.yaml")), context);
        assertThat(documents).isEmpty();
        assertThat(messages()).containsExactly(dir.resolve("none.yaml") + ": error: cannot read the file: no such file");
    }

    @Test
    void bundledResourcesIncludeOtherResources() {
        SpecSource source = SpecSource.ofResource(getClass().getClassLoader(),
                "org/memdse/core/arch/read/malformed/46-duplicate-device-across-include.yaml");
        List<LoadedDocument> documents = SpecLoader.composeWithIncludes(source, context);
        assertThat(documents).extracting(d -> d.source().displayName()).containsExactly(
                "bundled:org/memdse/core/arch/read/malformed/46-duplicate-device-across-include.yaml",
                "bundled:org/memdse/core/arch/read/malformed/lib/rram-library.yaml");
    }

    // ---- diagnostics -----------------------------------------------------------------------

    @Test
    void diagnosticsPrintAsFileLineColumnPathMessageAndSortByPosition() {
        diagnostics.error(new SourcePosition("b.yaml", 1, 1), "x", "third");
        diagnostics.error(new SourcePosition("a.yaml", 14, 7), "templates.cim-tile.adc.bits", "second");
        diagnostics.error(new SourcePosition("a.yaml", 2, 9), "", "first");
        diagnostics.error(new SourcePosition("a.yaml", 2, 9), "", "first");

        assertThat(messages()).containsExactly(
                "a.yaml:2:9: error: first",
                "a.yaml:14:7: error: templates.cim-tile.adc.bits: second",
                "b.yaml:1:1: error: x: third");
        assertThatThrownBy(diagnostics::throwIfAny).isInstanceOf(SpecException.class)
                .hasMessage(String.join("\n", messages()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
    }
}
