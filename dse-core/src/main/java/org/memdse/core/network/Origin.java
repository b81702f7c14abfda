package org.memdse.core.network;

import java.util.Map;
import java.util.Objects;
import org.memdse.core.spec.Located;
import org.memdse.core.spec.SourcePosition;

/**
 * Where a node was defined, so that graph checks (dangling inputs, cycles, shape mismatches) can
 * point into the input: a YAML mapping ({@code net.yaml:12:5}, path {@code layers[3]}) with the
 * places of its keys, or an ONNX node ({@code model.onnx}, path {@code graph.node[17] (Conv_17)}).
 * A place given as a {@link Located} (a YAML node) is worked out only when a message asks for it.
 */
public final class Origin implements Located {
    /** A place already worked out. */
    private record Fixed(SourcePosition position, String path) implements Located {
        Fixed {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(path, "path");
        }
    }

    private final Located place;
    /** The places of the node's keys (e.g. {@code in_features}), for messages about one key. */
    private final Map<String, ? extends Located> keys;

    private Origin(Located place, Map<String, ? extends Located> keys) {
        this.place = Objects.requireNonNull(place, "place");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** An origin at a position and path, with the origins of its keys. */
    public Origin(SourcePosition position, String path, Map<String, Origin> keys) {
        this(new Fixed(position, path), Map.copyOf(keys));
    }

    public static Origin of(SourcePosition position, String path) {
        return new Origin(new Fixed(position, path), Map.of());
    }

    /**
     * An origin at {@code place} whose keys stand at {@code keys}' places; the map is read when a
     * message asks for a key, not copied.
     */
    public static Origin of(Located place, Map<String, ? extends Located> keys) {
        return new Origin(place, keys);
    }

    /** An origin with no line: a whole file or a programmatically built network. */
    public static Origin ofFile(String file, String path) {
        return of(SourcePosition.ofFile(file), path);
    }

    @Override
    public SourcePosition position() {
        return place.position();
    }

    @Override
    public String path() {
        return place.path();
    }

    /** The origin of one of the node's keys, or the node's own when the key was not written. */
    public Origin at(String key) {
        Located at = keys.get(key);
        if (at == null) {
            return this;
        }
        return at instanceof Origin o ? o : new Origin(at, Map.of());
    }

    @Override
    public String toString() {
        return "Origin[" + position() + ", " + path() + "]";
    }
}
