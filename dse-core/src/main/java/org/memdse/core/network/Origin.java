package org.memdse.core.network;

import java.util.Map;
import java.util.Objects;
import org.memdse.core.spec.SourcePosition;

/**
 * Where a node was defined, so that graph checks (dangling inputs, cycles, shape mismatches) can
 * point into the input: a YAML mapping ({@code net.yaml:12:5}, path {@code layers[3]}) with the
 * positions of its keys, or an ONNX node ({@code model.onnx}, path {@code graph.node[17] (Conv_17)}).
 *
 * @param keys the origins of the node's keys (e.g. {@code in_features}), for messages about one key
 */
public record Origin(SourcePosition position, String path, Map<String, Origin> keys) {
    public Origin {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(path, "path");
        keys = Map.copyOf(keys);
    }

    public static Origin of(SourcePosition position, String path) {
        return new Origin(position, path, Map.of());
    }

    /** An origin with no line: a whole file or a programmatically built network. */
    public static Origin ofFile(String file, String path) {
        return of(SourcePosition.ofFile(file), path);
    }

    /** The origin of one of the node's keys, or the node's own when the key was not written. */
    public Origin at(String key) {
        return keys.getOrDefault(key, this);
    }
}
