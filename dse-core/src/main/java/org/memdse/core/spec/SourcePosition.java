package org.memdse.core.spec;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where something stands in an input file. Lines and columns are 1-based, as editors show them
 * (SnakeYAML's marks are 0-based; {@link SpecNode} adds one).
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {
    private static final Comparator<SourcePosition> ORDER = Comparator.comparing(SourcePosition::file)
            .thenComparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column);

    public SourcePosition {
        Objects.requireNonNull(file, "file");
    }

    /** A position for a whole file, when no line is known (e.g. a file that cannot be read). */
    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 0, 0);
    }

    @Override
    public int compareTo(SourcePosition other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
