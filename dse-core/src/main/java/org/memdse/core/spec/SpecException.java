package org.memdse.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input: carries every diagnostic of the input that was rejected. The command line prints
 * them one per line and exits with code 2; nothing of the input was built.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public SpecException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        if (diagnostics.isEmpty()) {
            throw new IllegalArgumentException("a SpecException needs at least one diagnostic");
        }
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** A single problem, e.g. a file that cannot be read. */
    public static SpecException of(SourcePosition position, String path, String message) {
        return new SpecException(List.of(new Diagnostic(position, path, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
