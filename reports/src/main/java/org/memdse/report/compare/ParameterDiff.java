package org.memdse.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.SpecContext;
import org.memdse.core.spec.SpecLoader;
import org.memdse.core.spec.SpecNode;
import org.memdse.core.spec.SpecSource;

/**
 * The parameters that differ between architectures: each description is written out resolved
 * ({@link ArchitectureWriter#toYaml}: includes inlined, every default explicit), flattened to
 * {@code path = value} leaves, and the paths whose values are not all equal are listed.
 */
public final class ParameterDiff {
    /** Value shown for a path an architecture does not have. */
    public static final String ABSENT = "—";

    /**
     * One differing parameter.
     *
     * @param path   the path in the document ({@code templates.cim-tile.macro.adc.bits})
     * @param values the value per architecture, {@link #ABSENT} if it has none
     */
    public record Row(String path, List<String> values) {
        public Row {
            Objects.requireNonNull(path, "path");
            values = List.copyOf(values);
        }
    }

    private ParameterDiff() {
    }

    public static List<Row> of(List<Architecture> architectures) {
        List<Map<String, String>> trees = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (Architecture a : architectures) {
            Map<String, String> leaves = flatten(ArchitectureWriter.toYaml(a), a.name());
            trees.add(leaves);
            paths.addAll(leaves.keySet());
        }
        List<Row> rows = new ArrayList<>();
        for (String path : paths) {
            if (path.equals("name") || path.equals("description")) {
                continue;
            }
            List<String> values = trees.stream().map(t -> t.getOrDefault(path, ABSENT)).toList();
            if (values.stream().distinct().count() > 1) {
                rows.add(new Row(path, values));
            }
        }
        return rows;
    }

    /** The leaves of a YAML document, {@code path → scalar text}, in document order. */
    static Map<String, String> flatten(String yaml, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        SpecLoader.compose(SpecSource.ofText(name, yaml), new SpecContext(new Diagnostics()))
                .ifPresent(root -> walk(root, "", out));
        return out;
    }

    private static void walk(SpecNode node, String path, Map<String, String> out) {
        if (node.isMapping()) {
            Map<String, SpecNode> entries = node.asMap().entries();
            if (entries.isEmpty()) {
                out.put(path, "{}");
            }
            entries.forEach((k, v) -> walk(v, path.isEmpty() ? k : path + "." + k, out));
        } else if (node.isSequence()) {
            List<SpecNode> items = node.asList();
            if (items.isEmpty()) {
                out.put(path, "[]");
            }
            for (int i = 0; i < items.size(); i++) {
                SpecNode item = items.get(i);
                String key = item.isMapping() && item.asMap().has("name")
                        ? "[" + item.asMap().get("name").flatMap(n -> n.asText("a name")).orElse(Integer.toString(i)) + "]"
                        : "[" + i + "]";
                walk(item, path + key, out);
            }
        } else if (node.isNull()) {
            out.put(path, "null");
        } else {
            out.put(path, node.asText("a value").orElse(""));
        }
    }
}
