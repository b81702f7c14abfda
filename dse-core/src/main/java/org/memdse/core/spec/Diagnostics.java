package org.memdse.core.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a reading pass so that all are reported together. Readers keep
 * going after an error (with a harmless placeholder value) and build nothing if any was found.
 * Not thread-safe: one instance per read.
 */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public void error(SourcePosition position, String path, String message) {
        Diagnostic d = new Diagnostic(position, path, message);
        if (!items.contains(d)) {
            items.add(d);
        }
    }

    public void addAll(List<Diagnostic> diagnostics) {
        diagnostics.forEach(d -> error(d.position(), d.path(), d.message()));
    }

    public boolean hasErrors() {
        return !items.isEmpty();
    }

    public int size() {
        return items.size();
    }

    /** All problems, sorted by file, line and column. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(null);
        return List.copyOf(copy);
    }

    /** Throws a {@link SpecException} carrying every problem, if there is any. */
    public void throwIfAny() {
        if (hasErrors()) {
            throw new SpecException(sorted());
        }
    }
}
