package org.memdse.core.explore;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.memdse.core.spec.SourcePosition;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A named design point of a sweep file's {@code variants:} list: several paths of the base
 * architecture set at once (a single-knob study sets the knob and whatever the chip derives from
 * it, such as the tile count). Every variant is combined with every point of the parameter grid;
 * the CSV's {@code variant} column names it.
 *
 * @param name     the name written in the CSV; unique in its sweep
 * @param settings the paths it sets, in file order (none: the base itself)
 * @param at       where the variant is written
 */
public record Variant(String name, List<Setting> settings, SourcePosition at) {
    /**
     * One path and the YAML put there (a scalar, a block, or {@code ~} to remove the key).
     *
     * @param path  keys separated by dots, list items as {@code buffers[0]}
     * @param value the node put into the architecture tree; never changed
     * @param at    where the path is written
     */
    public record Setting(String path, Node value, SourcePosition at) {
        public Setting {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(at, "at");
        }
    }

    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(at, "at");
        settings = List.copyOf(settings);
        Set<String> paths = new HashSet<>();
        for (Setting s : settings) {
            if (!paths.add(s.path())) {
                throw new IllegalArgumentException("variant '" + name + "' sets '" + s.path() + "' twice");
            }
        }
    }
}
