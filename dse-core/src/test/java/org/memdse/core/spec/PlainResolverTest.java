package org.memdse.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The readers' resolver gives the tags they look at (null, merge) exactly where SnakeYAML's does,
 * and a string for everything else.
 */
class PlainResolverTest {
    private static final List<Tag> KEPT = List.of(Tag.NULL, Tag.MERGE, Tag.YAML);

    private static Tag expected(String value, boolean implicit) {
        Tag full = new Resolver().resolve(NodeId.scalar, value, implicit);
        return KEPT.contains(full) ? full : Tag.STR;
    }

    @Test
    void tagsTheReadersLookAtAreSnakeYamlsOthersAreStrings() {
        List<String> values = new ArrayList<>(List.of("", "~", "null", "Null", "NULL", "nULL", "null ", " ", "nil",
                "<<", "<", "<<<", "!", "&", "*", "=", "true", "no", "1", "-1.5e3", "0x1f", "2001-12-14", ".inf",
                "12 nm", "conv2d", "~x", "Nope", "n"));
        Random random = new Random(1);
        String alphabet = "~nulNL<!&*= .0-x";
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(6); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(b.toString());
        }
        SpecLoader.PlainResolver plain = new SpecLoader.PlainResolver();
        for (String v : values) {
            for (boolean implicit : new boolean[] {true, false}) {
                assertThat(plain.resolve(NodeId.scalar, v, implicit)).as("'%s' implicit %s", v, implicit)
                        .isEqualTo(expected(v, implicit));
            }
        }
        assertThat(plain.resolve(NodeId.mapping, null, true)).isEqualTo(Tag.MAP);
        assertThat(plain.resolve(NodeId.sequence, null, true)).isEqualTo(Tag.SEQ);
    }
}
