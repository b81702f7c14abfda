package org.memdse.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The linear reader moves exactly as SnakeYAML's own: the same parse events at the same
 * index, line and column, and the same errors at the same marks, for documents made of YAML's
 * structural characters, line breaks of every kind, byte-order marks and characters outside
 * the basic plane.
 */
class WholeTextReaderTest {
    @Property(tries = 400, seed = "20261205", shrinking = ShrinkingMode.BOUNDED)
    void parsesAsSnakeYamlsOwnReaderDoes(@ForAll("documents") String text) {
        assertThat(events(new WholeTextReader(text))).isEqualTo(events(new StreamReader(new StringReader(text))));
    }

    @Test
    void bundledKindsOfText() {
        for (String text : List.of("a: 1\r\nb: [x, 'y',\r  \"z\"]\n", "\uFEFFname: \uD83D\uDE00 x\u2028y\u0085z\n",
                "k: |\n  block\n  text\n", "- &a {x: 1}\n- *a\n- !!str 5\n", "a: \"unterminated", "a: b: c\n",
                "key: " + "long".repeat(5000) + "\n", "")) {
            assertThat(events(new WholeTextReader(text))).as(text).isEqualTo(events(new StreamReader(
                    new StringReader(text))));
        }
    }

    @Test
    void codePointsAreStringsOwn() {
        // Pairs, lone high and low surrogates (in the middle and at the end), a pair split by a lone one.
        for (String text : List.of("", "plain", "a\uD83D\uDE00b", "\uD83Dx", "x\uDE00", "end\uD83D", "\uDE00\uD83D",
                "\uD83D\uD83D\uDE00", "\uD83D\uDE00\uDE00", "caf\u00e9 \u2028")) {
            assertThat(WholeTextReader.codePointsOf(text)).as(text).isEqualTo(text.codePoints().toArray());
        }
    }

    @Test
    void findsTheFirstCharacterYamlRefuses() {
        assertThat(WholeTextReader.firstNonPrintable("ok: 1\n".codePoints().toArray())).isEqualTo(-1);
        assertThat(WholeTextReader.firstNonPrintable("ok: \u0007\n".codePoints().toArray())).isEqualTo(4);
        assertThat(WholeTextReader.firstNonPrintable("\uD83D\uDE00: \u0000".codePoints().toArray())).isEqualTo(3);
    }

    @Test
    void latin1TextsReadAsTheirCodePointsDo() {
        // ASCII, Latin-1 line breaks and controls (U+0085, U+0080), a '?' as written, a refused character.
        for (String text : List.of("a: 1\n", "caf\u00e9: \u0085x\r\n\u00a0y\n", "q: ?x\n", "ok: \u0007\n",
                "a\u0080b: [c]\n", "x: \u00ff\u00fe\n")) {
            assertThat(WholeTextReader.latin1(text)).as(text).isNotNull();
            WholeTextReader bytes = new WholeTextReader(text);
            WholeTextReader exact = new WholeTextReader(text, true);
            assertThat(bytes.firstNonPrintable()).as(text).isEqualTo(exact.firstNonPrintable())
                    .isEqualTo(WholeTextReader.firstNonPrintable(text.codePoints().toArray()));
            if (bytes.firstNonPrintable() < 0) { // SnakeYAML's reader throws at a refused character, with no mark
                assertThat(events(new WholeTextReader(text))).as(text).isEqualTo(events(new WholeTextReader(text, true)))
                        .isEqualTo(events(new StreamReader(new StringReader(text))));
            }
        }
        assertThat(WholeTextReader.latin1("a: \u0100")).isNull();
        assertThat(WholeTextReader.latin1("a: \uD83D\uDE00")).isNull();
        assertThat(new WholeTextReader("\u2028x: \u0007").firstNonPrintable()).isEqualTo(4);
        // A character above U+00FF read as '?' by the encoding, before a refused one.
        assertThat(new WholeTextReader("a: \u0100?\u0007").firstNonPrintable()).isEqualTo(5);
        assertThat(WholeTextReader.latin1("a: \u0100?\u0007")).isNull();
    }

    @Test
    void tellsWhetherATextCanHoldAnchorsAliasesOrTags() {
        for (String text : List.of("a: b\n", "a: ?b\n", "caf\u00e9: \u00ff\n", "a: \u0100 b\n", "a: \uD83D\uDE00\n")) {
            assertThat(new WholeTextReader(text).withoutNodeProperties()).as(text).isTrue();
        }
        for (String text : List.of("a: &x b\n", "a: *x\n", "a: !!str 1\n", "caf\u00e9: b & c\n", "a: \u0100 *x\n",
                "a: ? \uD83D\uDE00 !t\n")) {
            assertThat(new WholeTextReader(text).withoutNodeProperties()).as(text).isFalse();
        }
    }

    /** Each event with its start and end marks, or the error with its mark, as text. */
    private static List<String> events(StreamReader reader) {
        List<String> out = new ArrayList<>();
        try {
            Parser parser = new ParserImpl(reader, new LoaderOptions());
            for (Event e = parser.getEvent(); e != null; e = parser.getEvent()) {
                out.add(e + " " + at(e.getStartMark()) + "-" + at(e.getEndMark()));
            }
        } catch (MarkedYAMLException e) {
            out.add("error: " + e.getProblem() + " " + at(e.getProblemMark()) + " " + e.getContext() + " "
                    + at(e.getContextMark()));
        }
        return out;
    }

    private static String at(Mark m) {
        return m == null ? "-" : m.getIndex() + ":" + m.getLine() + ":" + m.getColumn();
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> pieces = Arbitraries.of("a", "key", ": ", ":", "- ", "-", " ", "  ", "\t", "\n", "\r\n", "\r",
                "\u0085", "\u2028", "\u2029", "\uFEFF", "\uD83D\uDE00", "é", "'", "\"", "\\", "#", "&x ", "*x", "!!str ",
                "[", "]", "{", "}", ",", "?", "|", ">", "---", "...", "%YAML 1.1", "1.5", "~", "long".repeat(300));
        return pieces.list().ofMaxSize(40).map(list -> String.join("", list));
    }
}
