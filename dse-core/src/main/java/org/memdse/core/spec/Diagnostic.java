package org.memdse.core.spec;

import java.util.Objects;

/**
 * One finding about an input, in the form {@code file:line:col: error: path: message} (or
 * {@code warning:}). An error rejects the input; a warning is printed and the run goes on.
 *
 * @param position where it is
 * @param path     the path in the document, e.g. {@code templates.cim-tile.macro.adc.bits}; may be empty
 * @param message  what was expected and what was found, with a fix where one is known
 * @param severity whether it rejects the input
 */
public record Diagnostic(SourcePosition position, String path, String message, Severity severity)
        implements Comparable<Diagnostic> {
    /** How serious a finding is. */
    public enum Severity {
        /** The input is rejected (exit code 2); nothing is built from it. */
        ERROR("error"),
        /** The input is accepted, but a figure computed from it may mislead (e.g. outside a model's calibration). */
        WARNING("warning");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        /** {@code error} or {@code warning}, as printed. */
        public String label() {
            return label;
        }
    }

    public Diagnostic {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    /** An error. */
    public Diagnostic(SourcePosition position, String path, String message) {
        this(position, path, message, Severity.ERROR);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Diagnostic other) {
        int byPosition = position.compareTo(other.position);
        if (byPosition != 0) {
            return byPosition;
        }
        int bySeverity = severity.compareTo(other.severity);
        return bySeverity != 0 ? bySeverity : message.compareTo(other.message);
    }

    @Override
    public String toString() {
        return position + ": " + severity.label() + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
