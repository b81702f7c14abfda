package org.memdse.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
import org.yaml.snakeyaml.scanner.Scanner;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.Token;

/**
 * The scanner run ahead on its own thread gives the parser what the scanner alone gives: the
 * parser makes the same events in the same order, peeked and checked as the composer does, and
 * meets a YAML error at the same event with the same marks, after every event before it.
 */
class ScannerAheadTest {
    private static final YamlMutations MUTATIONS = new YamlMutations(List.of(
            "name: net\nweight_bits: 8\nlayers:\n  - {name: input, kind: input, shape: [1, 28, 28]}\n"
                    + "  # a comment\n  - name: c1\n    kind: conv2d\n    out_channels: 6\n    kernel: 5\n"
                    + "  - {name: fc, kind: linear, out_features: 10, inputs: [c1]}\n",
            "a: &x {b: [1, 2, 'three'], c: \"four\"}\nd: *x\ne: |\n  block\n  text\nf: !!str 5\n"),
            List.of("name", "kind", "layers", "inputs", "shape"), List.of("0", "-1", "1e99"));

    @Property(tries = 300, seed = "20261206", shrinking = ShrinkingMode.BOUNDED)
    void givesTheEventsAndTheErrorTheScannerAloneGives(@ForAll("documents") String text) {
        assertThat(events(ahead(text))).isEqualTo(events(new ParserImpl(new WholeTextReader(text), new LoaderOptions())));
    }

    @Property(tries = 200, seed = "20261207", shrinking = ShrinkingMode.BOUNDED)
    void givesTheTokensAndTheErrorTheScannerAloneGivesLookedAtAsTheParserDoes(@ForAll("documents") String text) {
        ScannerAhead ahead = new ScannerAhead(scanner(text));
        try {
            assertThat(tokens(ahead)).isEqualTo(tokens(scanner(text)));
        } finally {
            ahead.close();
        }
    }

    @Provide
    Arbitrary<String> documents() {
        return MUTATIONS.documents();
    }

    @Test
    void aLongDocumentOverManyBatchesAndAnErrorAtItsEnd() {
        StringBuilder b = new StringBuilder("layers:\n");
        for (int i = 0; i < 5000; i++) {
            b.append("  - {name: l").append(i).append(", kind: linear, out_features: ").append(i % 7 + 1).append("}\n");
        }
        String valid = b.toString();
        String broken = valid + "  - {name: x, kind: [linear\n";
        for (String text : List.of(valid, broken)) {
            List<String> alone = events(new ParserImpl(new WholeTextReader(text), new LoaderOptions()));
            assertThat(events(ahead(text))).isEqualTo(alone);
            assertThat(alone.size()).isGreaterThan(5000 * 8); // about 80 batches of tokens: 17 tokens an item
        }
        assertThat(events(ahead(broken))).last().asString().startsWith("error: while parsing a flow sequence");
    }

    @Test
    void closingStopsTheThreadOfADocumentLeftHalfRead() {
        String text = "items:\n" + "  - {a: 1, b: [2, 3]}\n".repeat(20_000);
        ScannerAhead ahead = new ScannerAhead(scanner(text));
        for (int i = 0; i < 100; i++) {
            ahead.peekToken();
            ahead.getToken();
        }
        ahead.close();
        assertThat(ahead.stopped()).isTrue();
    }

    private static ScannerImpl scanner(String text) {
        return new ScannerImpl(new WholeTextReader(text), new LoaderOptions());
    }

    /** A parser over a scanner run ahead; closed by {@link #events}. */
    private static Parser ahead(String text) {
        return new AheadParser(new ScannerAhead(scanner(text)));
    }

    private static final class AheadParser extends ParserImpl {
        final ScannerAhead ahead;

        AheadParser(ScannerAhead ahead) {
            super(ahead);
            this.ahead = ahead;
        }
    }

    /**
     * Each token with its marks, looked at as the parser looks before it takes one (a check for
     * a kind, a check for one of two, a peek; every third token with a peek alone), then the
     * error with its marks if there is one.
     */
    private static List<String> tokens(Scanner scanner) {
        List<String> out = new ArrayList<>();
        try {
            for (int i = 0; ; i++) {
                if (i % 3 == 2) {
                    Token peeked = scanner.peekToken();
                    assertThat(scanner.getToken()).isSameAs(peeked);
                    out.add(peeked.getTokenId() + " " + at(peeked.getStartMark()) + "-" + at(peeked.getEndMark()));
                    continue;
                }
                boolean key = scanner.checkToken(Token.ID.Key);
                boolean either = scanner.checkToken(Token.ID.Value, Token.ID.StreamEnd);
                if (!scanner.checkToken()) {
                    out.add("end");
                    break;
                }
                Token peeked = scanner.peekToken();
                assertThat(key).isEqualTo(peeked.getTokenId() == Token.ID.Key);
                assertThat(either).isEqualTo(peeked.getTokenId() == Token.ID.Value
                        || peeked.getTokenId() == Token.ID.StreamEnd);
                Token t = scanner.getToken();
                out.add(t.getTokenId() + " " + at(t.getStartMark()) + "-" + at(t.getEndMark()));
            }
        } catch (MarkedYAMLException e) {
            out.add("error: " + e.getContext() + " " + at(e.getContextMark()) + " " + e.getProblem() + " "
                    + at(e.getProblemMark()));
        } catch (IndexOutOfBoundsException e) {
            out.add("no token: " + e.getMessage());
        }
        return out;
    }

    /**
     * Each event with its marks, read as the composer reads (check, peek, then get), then the
     * error with its marks if there is one; a scanner run ahead is closed after.
     */
    private static List<String> events(Parser parser) {
        List<String> out = new ArrayList<>();
        try {
            while (true) {
                boolean end = parser.checkEvent(Event.ID.StreamEnd);
                Event peeked = parser.peekEvent();
                Event e = parser.getEvent();
                if (e == null) {
                    assertThat(peeked).isNull();
                    break;
                }
                assertThat(e).isSameAs(peeked);
                assertThat(end).isEqualTo(e.is(Event.ID.StreamEnd));
                out.add(e + " " + at(e.getStartMark()) + "-" + at(e.getEndMark()));
            }
            assertThat(parser.peekEvent()).isNull();
        } catch (MarkedYAMLException e) {
            out.add("error: " + e.getContext() + " " + at(e.getContextMark()) + " " + e.getProblem() + " "
                    + at(e.getProblemMark()));
        } finally {
            if (parser instanceof AheadParser p) {
                p.ahead.close();
                assertThat(p.ahead.stopped()).isTrue();
            }
        }
        return out;
    }

    private static String at(Mark m) {
        return m == null ? "-" : m.getIndex() + ":" + m.getLine() + ":" + m.getColumn();
    }
}
