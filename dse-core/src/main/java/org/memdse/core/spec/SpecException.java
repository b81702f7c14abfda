package org.memdse.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: carries every error of the input that was rejected, and the warnings found beside
 * them. The command line prints them one per line and exits with code 2; nothing of the input
 * was built.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;
    private final transient List<Diagnostic> warnings;

    public SpecException(List<Diagnostic> diagnostics) {
        this(diagnostics, List.of());
    }

    /**
     * @param diagnostics the errors (at least one)
     * @param warnings    warnings about the same input (may be empty)
     */
    public SpecException(List<Diagnostic> diagnostics, List<Diagnostic> warnings) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
        this.warnings = List.copyOf(warnings);
    }

    /** A single problem, e.g. a file that cannot be read. */
    public static SpecException of(SourcePosition position, String path, String message) {
        return new SpecException(List.of(new Diagnostic(position, path, message)));
    }

    /** The errors, sorted by position. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Warnings about the same input, sorted by position (printed with the errors). */
    public List<Diagnostic> warnings() {
        return warnings;
    }
}
