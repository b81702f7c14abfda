package org.memdse.core.spec;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each value a reader built was written: so that a later check on the built model (e.g.
 * "no cost model prices this ADC") can point into the file like a reading error does. Keyed by
 * identity, since equal records written at two places are two values. Read-only once built.
 */
public final class SourceMap {
    /** A map that knows no value (a model built in code). */
    public static final SourceMap EMPTY = new SourceMap(new IdentityHashMap<>());

    /**
     * Where a value was written.
     *
     * @param position its node's file, line and column
     * @param path     its document path, e.g. {@code templates.cim-tile.macro.adc}
     */
    public record Location(SourcePosition position, String path) {
        public Location {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(path, "path");
        }
    }

    private final Map<Object, Location> locations;

    private SourceMap(Map<Object, Location> locations) {
        this.locations = locations;
    }

    /** Where {@code value} (the very object a reader built) was written, if this read built it. */
    public Optional<Location> locate(Object value) {
        return Optional.ofNullable(locations.get(value));
    }

    /** Collects locations during one read. Not thread-safe. */
    public static final class Builder {
        private final Map<Object, Location> locations = new IdentityHashMap<>();

        /** Records that {@code value} was built from {@code node}; returns the value. */
        public <T> T put(T value, SpecNode node) {
            locations.putIfAbsent(value, new Location(node.position(), node.path()));
            return value;
        }

        public SourceMap build() {
            return new SourceMap(new IdentityHashMap<>(locations));
        }
    }
}
