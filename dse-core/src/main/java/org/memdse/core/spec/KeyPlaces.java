package org.memdse.core.spec;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where some keys of one mapping were written, kept compactly for messages long after the YAML
 * tree is dropped: the keys, their lines and columns in two arrays, and the mapping's own place.
 * A key's place ({@link Located}: position, and the path {@code mapping.key} as
 * {@link SpecNode#path()} gives it) is made only when a message asks for it. A network's layers
 * keep theirs until the network is checked; as a map of {@link SpecNode#detached()} places they
 * were 40 % of what a 96,000-layer file kept while it was read. Immutable.
 */
public final class KeyPlaces extends AbstractMap<String, Located> {
    private final Located mapping;
    private final String file;
    private final String[] keys;
    /** Line and column of key {@code i} at {@code 2i} and {@code 2i + 1}, 1-based. */
    private final int[] at;

    private KeyPlaces(Located mapping, String file, String[] keys, int[] at) {
        this.mapping = mapping;
        this.file = file;
        this.keys = keys;
        this.at = at;
    }

    /** Collects the places of a mapping's values, key by key, then {@link #build}s them. */
    public static final class Builder {
        private String file;
        private String[] keys = new String[8];
        private int[] at = new int[16];
        private int size;

        /** Notes where {@code value}, the value under {@code key}, stands; a key noted before keeps its first place. */
        public Builder add(String key, SpecNode value) {
            for (int i = 0; i < size; i++) {
                if (keys[i].equals(key)) {
                    return this;
                }
            }
            SourcePosition p = value.position();
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                at = Arrays.copyOf(at, size * 4);
            }
            file = p.file();
            keys[size] = key;
            at[2 * size] = p.line();
            at[2 * size + 1] = p.column();
            size++;
            return this;
        }

        /** The places noted, under {@code mapping} (the node whose keys they are: paths are {@code mapping.key}). */
        public Map<String, Located> build(Located mapping) {
            return size == 0 ? Map.of()
                    : new KeyPlaces(mapping, file, Arrays.copyOf(keys, size), Arrays.copyOf(at, 2 * size));
        }
    }

    /** One key's place, made when asked for. */
    private record Place(Located mapping, SourcePosition position, String key) implements Located {
        @Override
        public String path() {
            String p = mapping.path();
            return p.isEmpty() ? key : p + "." + key;
        }
    }

    @Override
    public Located get(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return new Place(mapping, new SourcePosition(file, at[2 * i], at[2 * i + 1]), keys[i]);
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return Arrays.asList(keys).contains(key);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Set<Entry<String, Located>> entrySet() {
        Map<String, Located> all = new LinkedHashMap<>();
        for (String key : keys) {
            all.put(key, get(key));
        }
        return java.util.Collections.unmodifiableMap(all).entrySet();
    }
}
