package org.memdse.nir;

import java.util.Map;
import java.util.Optional;

/**
 * One node of a NIR graph as the file holds it: its primitive ({@code type}), its numeric
 * parameters by dataset name, its string parameters (a Conv's "same" padding), and the
 * sub-groups of dictionaries (an Input's {@code input_type}).
 *
 * @param name    the node's name in {@code node/nodes}
 * @param type    the primitive: Affine, LIF, Conv2d, ...
 * @param arrays  numeric datasets, flattened
 * @param strings string datasets
 * @param groups  sub-groups' numeric datasets, by group then dataset name
 */
record NirNode(String name, String type, Map<String, NirArray> arrays, Map<String, String> strings,
               Map<String, Map<String, NirArray>> groups) {
    NirNode {
        arrays = Map.copyOf(arrays);
        strings = Map.copyOf(strings);
        groups = Map.copyOf(groups);
    }

    /** Where it is in the file, for messages: {@code node/nodes/lif1 (LIF)}. */
    String path() {
        return "node/nodes/" + name + " (" + type + ")";
    }

    Optional<NirArray> array(String key) {
        return Optional.ofNullable(arrays.get(key));
    }

    NirArray required(String key) {
        return array(key).orElseThrow(() -> new NirImportProblem("the " + type + " has no '" + key
                + "' dataset, which the NIR specification requires"));
    }
}
