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
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A streamed list's items composed without SnakeYAML's Composer (in a text with no anchor, alias
 * or tag) are the nodes the Composer makes: the same kinds, tags, values, marks, styles and merge
 * flags, and the same problems (nesting too deep, YAML errors) after the same items.
 */
class PlainItemsTest {
    private static final YamlMutations MUTATIONS = new YamlMutations(List.of(
            "name: net\nweight_bits: 8\nlayers:\n  - {name: input, kind: input, shape: [1, 28, 28]}\n"
                    + "  # a comment\n  - name: c1\n    kind: conv2d\n    out_channels: 6\n    kernel: 5\n"
                    + "    padding: [1, 2]\n  - {name: fc, kind: linear, out_features: 10, inputs: [c1], "
                    + "note: 'quoted', more: \"double\"}\n  - name: text\n    about: |\n      block\n      text\n"
                    + "  - - nested\n    - [list, {of: maps}]\n  - ~\n  - {<<: {a: 1}, b: 2}\n"),
            List.of("name", "kind", "layers", "inputs", "shape"), List.of("0", "-1", "1e99"));

    @Property(tries = 300, seed = "20261207", shrinking = ShrinkingMode.BOUNDED)
    void composesWhatTheComposerComposes(@ForAll("documents") String text) {
        assertThat(read(text, true)).isEqualTo(read(text, false));
    }

    @Provide
    Arbitrary<String> documents() {
        return MUTATIONS.documents();
    }

    @Test
    void theSeedAndItsMergeKeyAndStylesAreComposedPlainly() {
        String text = "name: net\nlayers:\n  - {<<: {a: 1}, b: 'q', c: \"d\", e: [1, 2]}\n  - x: |\n      y\n";
        assertThat(plainText(text)).isTrue();
        List<String> plain = read(text, true);
        assertThat(plain).isEqualTo(read(text, false));
        assertThat(plain.get(1)).contains("merged"); // after the start
    }

    @Test
    void anItemNestedTooDeepIsRefusedAtTheSameNode() {
        for (int levels : List.of(97, 98, 99, 100)) {
            String text = "name: net\nlayers:\n  - {name: a}\n  - " + "[".repeat(levels) + "x" + "]".repeat(levels) + "\n";
            List<String> plain = read(text, true);
            assertThat(plain).as("%d levels", levels).isEqualTo(read(text, false));
            assertThat(plain.get(plain.size() - 1)).as("%d levels", levels)
                    .contains(levels >= 99 ? "Nesting Depth exceeded max 100" : "no diagnostic");
        }
    }

    @Test
    void aTextWithAnAnchorAliasOrTagCharacterIsComposedByTheComposer() {
        assertThat(plainText("a: b\n")).isTrue();
        assertThat(plainText("a: b & c\n")).isFalse();
        assertThat(plainText("a: *b\n")).isFalse();
        assertThat(plainText("a: !!str 1\n")).isFalse();
    }

    private static boolean plainText(String text) {
        return new WholeTextReader(text).withoutNodeProperties();
    }

    /** The items handed over, each as a dump of its nodes, then the diagnostics. */
    private static List<String> read(String text, boolean plain) {
        List<String> out = new ArrayList<>();
        Diagnostics diagnostics = new Diagnostics();
        Diagnostics itemDiagnostics = new Diagnostics();
        SpecLoader.compose(SpecSource.ofText("t.yaml", text), new SpecContext(diagnostics), "layers", itemDiagnostics,
                new SpecLoader.ItemReader() {
                    @Override
                    public void start(SpecMap before) {
                        out.add("start " + before.keys());
                    }

                    @Override
                    public void item(SpecNode item) {
                        out.add(dump(item.yaml()));
                    }
                }, plain);
        List<Diagnostic> all = new ArrayList<>(diagnostics.sorted());
        all.addAll(itemDiagnostics.sorted());
        out.add(all.isEmpty() ? "no diagnostic" : all.toString());
        return out;
    }

    private static String dump(Node node) {
        return dump(node, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** A node and what is under it; a node met again on its own path (recursion through an alias) as "again". */
    private static String dump(Node node, java.util.Set<Node> open) {
        if (!open.add(node)) {
            return "again";
        }
        StringBuilder b = new StringBuilder();
        b.append(node.getNodeId()).append(' ').append(node.getTag()).append(' ').append(at(node.getStartMark()))
                .append('-').append(at(node.getEndMark())).append(' ').append(node.getAnchor());
        if (node instanceof ScalarNode s) {
            b.append(" '").append(s.getValue()).append("' ").append(s.getScalarStyle());
        } else if (node instanceof SequenceNode s) {
            b.append(' ').append(s.getFlowStyle()).append(" [");
            for (Node item : s.getValue()) {
                b.append(dump(item, open)).append(", ");
            }
            b.append(']');
        } else if (node instanceof MappingNode m) {
            b.append(' ').append(m.getFlowStyle()).append(m.isMerged() ? " merged" : "").append(" {");
            for (NodeTuple t : m.getValue()) {
                b.append(dump(t.getKeyNode(), open)).append(": ").append(dump(t.getValueNode(), open)).append(", ");
            }
            b.append('}');
        }
        open.remove(node);
        return b.toString();
    }

    private static String at(Mark m) {
        return m == null ? "-" : m.getIndex() + ":" + m.getLine() + ":" + m.getColumn();
    }
}
