package org.memdse.core.explore;

import java.util.List;
import java.util.Objects;
import org.memdse.core.spec.SourcePosition;

/**
 * A swept parameter: a path into the architecture description, e.g.
 * {@code templates.cim-tile.macro.adc.bits} or {@code interconnect.on_chip}, and the values it
 * takes. Tied paths take the same value (e.g. {@code crossbars.cols} tied to {@code crossbars.rows}).
 *
 * @param path     the path (segments separated by dots; a list item as {@code buffers[0]})
 * @param tied     further paths set to the same value
 * @param values   the values, at least one
 * @param at       where the path is written in the sweep file
 * @param tiedAt   where each tied path is written
 */
public record Parameter(String path, List<String> tied, List<ParameterValue> values, SourcePosition at,
                        List<SourcePosition> tiedAt) {
    public Parameter {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(at, "at");
        tied = List.copyOf(tied);
        values = List.copyOf(values);
        tiedAt = List.copyOf(tiedAt);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("values must not be empty");
        }
        if (tiedAt.size() != tied.size()) {
            throw new IllegalArgumentException("tiedAt must match tied");
        }
    }

    public int size() {
        return values.size();
    }

    /** The CSV column of this parameter. */
    public String column() {
        return "param." + path;
    }
}
