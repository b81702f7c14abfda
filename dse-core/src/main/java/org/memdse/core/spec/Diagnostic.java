package org.memdse.core.spec;

import java.util.Objects;

/**
 * One problem found in an input, in the form {@code file:line:col: error: path: message}.
 *
 * @param position where it is
 * @param path     the path in the document, e.g. {@code templates.cim-tile.macro.adc.bits}; may be empty
 * @param message  what was expected and what was found, with a fix where one is known
 */
public record Diagnostic(SourcePosition position, String path, String message) implements Comparable<Diagnostic> {
    public Diagnostic {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public int compareTo(Diagnostic other) {
        int byPosition = position.compareTo(other.position);
        return byPosition != 0 ? byPosition : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return position + ": error: " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
