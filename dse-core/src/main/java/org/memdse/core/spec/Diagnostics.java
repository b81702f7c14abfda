package org.memdse.core.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every finding of a reading pass so that all are reported together. Readers keep
 * going after an error (with a harmless placeholder value) and build nothing if any was found.
 * Warnings are kept apart: they never stop a read. Not thread-safe: one instance per read.
 */
public final class Diagnostics {
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    /** Every finding once: a file with an error on each of 20,000 layers must not compare each with all. */
    private final Set<Diagnostic> seen = new HashSet<>();

    public void error(SourcePosition position, String path, String message) {
        add(new Diagnostic(position, path, message, Diagnostic.Severity.ERROR));
    }

    public void warning(SourcePosition position, String path, String message) {
        add(new Diagnostic(position, path, message, Diagnostic.Severity.WARNING));
    }

    /** Adds a finding of either severity, once. */
    public void add(Diagnostic d) {
        if (seen.add(d)) {
            (d.isError() ? errors : warnings).add(d);
        }
    }

    public void addAll(List<Diagnostic> diagnostics) {
        diagnostics.forEach(this::add);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The number of errors so far (readers compare it before and after a part to skip cross checks). */
    public int size() {
        return errors.size();
    }

    /** All errors, sorted by file, line and column. */
    public List<Diagnostic> sorted() {
        return sortedCopy(errors);
    }

    /** All warnings, sorted by file, line and column. */
    public List<Diagnostic> warnings() {
        return sortedCopy(warnings);
    }

    private static List<Diagnostic> sortedCopy(List<Diagnostic> list) {
        List<Diagnostic> copy = new ArrayList<>(list);
        copy.sort(null);
        return List.copyOf(copy);
    }

    /** Throws a {@link SpecException} carrying every error (and the warnings beside them), if there is any. */
    public void throwIfAny() {
        if (hasErrors()) {
            throw new SpecException(sorted(), warnings());
        }
    }
}
