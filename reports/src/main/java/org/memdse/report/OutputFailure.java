package org.memdse.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file memdse writes (or reads back, like a results file it is finishing) that the operating
 * system refused: a full disk, a permission, a read-only file system, an I/O error. The message
 * names the file, says what went wrong in words, what is still valid on disk, and what to do;
 * the command line prints it without a stack trace.
 */
public final class OutputFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    private OutputFailure(Path file, String message, IOException cause) {
        super(message, cause);
        this.file = file;
    }

    /**
     * {@code file} could not be written.
     *
     * @param state what is on disk now (e.g. "the 120 rows before it are complete"); may be empty
     */
    public static OutputFailure writing(Path file, IOException cause, String state) {
        return of(file, "cannot write " + file, cause, state);
    }

    /** {@code file} could not be read back. */
    public static OutputFailure reading(Path file, IOException cause, String state) {
        return of(file, "cannot read " + file, cause, state);
    }

    /**
     * Something done to {@code file} failed: {@code what} says what ("cannot sort results.csv").
     *
     * @param state what is on disk now; may be empty
     */
    public static OutputFailure of(Path file, String what, IOException cause, String state) {
        StringBuilder m = new StringBuilder(what).append(": ").append(reason(cause));
        if (!state.isEmpty()) {
            m.append("; ").append(state);
        }
        hint(cause).ifPresent(h -> m.append(" (").append(h).append(')'));
        return new OutputFailure(file, m.toString(), cause);
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /**
     * What the operating system said, in words. NIO's exceptions for a refused permission or a
     * missing file carry only the path as their message; their class is the reason.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder" + (n.getFile() != null ? " (" + n.getFile() + ")" : "");
        }
        if (e instanceof NotDirectoryException n) {
            return "not a folder (" + n.getFile() + ")";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() != null ? " (" + f.getFile() + ")" : "");
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** What usually helps, for the common failures. */
    static java.util.Optional<String> hint(IOException e) {
        String r = reason(e).toLowerCase(Locale.ROOT);
        String h = null;
        if (r.contains("no space left") || r.contains("quota")) {
            h = "free some space or write to another disk";
        } else if (r.contains("read-only file system")) {
            h = "write to a folder on a writable file system";
        } else if (r.contains("permission denied") || r.contains("operation not permitted")) {
            h = "check the file's and its folder's permissions, or write elsewhere";
        } else if (r.contains("too many open files")) {
            h = "raise the limit with 'ulimit -n'";
        } else if (r.contains("input/output error")) {
            h = "the device reported an error; check the disk";
        }
        return java.util.Optional.ofNullable(h);
    }
}
