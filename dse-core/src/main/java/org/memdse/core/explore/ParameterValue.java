package org.memdse.core.explore;

import java.util.Objects;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One value a parameter takes: the YAML that replaces the node at the parameter's path (a
 * scalar such as {@code 128} or {@code 1.2 GHz}, a whole block for a choice, or {@code ~} to remove
 * the key) and the label
 * written in the CSV (the scalar as written, or the choice's name).
 *
 * @param label the CSV text
 * @param node  the YAML node put into the architecture tree; never changed
 */
public record ParameterValue(String label, Node node) {
    public ParameterValue {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(node, "node");
    }

    @Override
    public String toString() {
        return label;
    }
}
