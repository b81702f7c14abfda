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

/**
 * The parser run ahead on its own thread gives the composer what the parser alone gives: the
 * same events in the same order, peeked and checked as the composer does, and a YAML error at
 * the same event with the same marks, after every event before it.
 */
class ParserAheadTest {
    private static final YamlMutations MUTATIONS = new YamlMutations(List.of(
            "name: net\nweight_bits: 8\nlayers:\n  - {name: input, kind: input, shape: [1, 28, 28]}\n"
                    + "  # a comment\n  - name: c1\n    kind: conv2d\n    out_channels: 6\n    kernel: 5\n"
                    + "  - {name: fc, kind: linear, out_features: 10, inputs: [c1]}\n",
            "a: &x {b: [1, 2, 'three'], c: \"four\"}\nd: *x\ne: |\n  block\n  text\nf: !!str 5\n"),
            List.of("name", "kind", "layers", "inputs", "shape"), List.of("0", "-1", "1e99"));

    @Property(tries = 300, seed = "20261206", shrinking = ShrinkingMode.BOUNDED)
    void givesTheEventsAndTheErrorTheParserAloneGives(@ForAll("documents") String text) {
        assertThat(events(ahead(text))).isEqualTo(events(new ParserImpl(new WholeTextReader(text), new LoaderOptions())));
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
            assertThat(alone.size()).isGreaterThan(5000 * 8); // 39 batches: a mapping and its six scalars an item
        }
        assertThat(events(ahead(broken))).last().asString().startsWith("error: while parsing a flow sequence");
    }

    @Test
    void closingStopsTheThreadOfADocumentLeftHalfRead() {
        String text = "items:\n" + "  - {a: 1, b: [2, 3]}\n".repeat(20_000);
        ParserAhead ahead = new ParserAhead(new ParserImpl(new WholeTextReader(text), new LoaderOptions()));
        for (int i = 0; i < 100; i++) {
            ahead.getEvent();
        }
        ahead.close();
        assertThat(ahead.stopped()).isTrue();
    }

    private static ParserAhead ahead(String text) {
        return new ParserAhead(new ParserImpl(new WholeTextReader(text), new LoaderOptions()));
    }

    /**
     * Each event with its marks, read as the composer reads (check, peek, then get), then the
     * error with its marks if there is one; a ParserAhead is closed after.
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
            if (parser instanceof ParserAhead ahead) {
                ahead.close();
                assertThat(ahead.stopped()).isTrue();
            }
        }
        return out;
    }

    private static String at(Mark m) {
        return m == null ? "-" : m.getIndex() + ":" + m.getLine() + ":" + m.getColumn();
    }
}
