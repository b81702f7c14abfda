package org.memdse.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Writes report files whole: each to a temporary file beside its target, then renamed over it,
 * so a reader (or a failure half-way: a full disk, a permission) never leaves half a file. The
 * target's folder must exist: memdse creates the files it is asked for, never folders above them.
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * Writes {@code text} to {@code target}.
     *
     * @throws OutputFailure if the operating system refuses; the target is then as it was
     */
    public static void write(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            tmp.toFile().deleteOnExit(); // Ctrl-C between here and the rename leaves no hidden file
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw OutputFailure.writing(target, e, Files.exists(target) ? target.getFileName() + " is unchanged"
                    : "nothing was written");
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Writes several files, named relative to {@code dir}, each whole (see {@link #write}). */
    public static void writeAll(Path dir, Map<String, String> files) {
        for (Map.Entry<String, String> f : files.entrySet()) {
            write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /** Renames atomically where the file system can, so the target is the old file or the new one. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a temporary file if there is one; a leftover is harmless, so a failure is ignored. */
    public static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the file system refuses even this: the temporary file stays, the target is intact
        }
    }
}
