package org.memdse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * Checks the files and folders a command is about to write, before it does any work: a file's
 * folder must exist and be writable, a file must not be a folder, a device or read-only, two
 * outputs must not be one file, and an output must not be one of the command's inputs. Each
 * problem is a {@link UserInputException} (exit code 2) naming the path and the fix; nothing is
 * created or truncated. memdse creates the files it is asked for, never the folders above them;
 * a folder asked for (the demo's) is created with its missing parents. Read-only means what {@code access(2)} says or, since it lets root
 * write anything, a file or folder without any write permission bit.
 */
public final class OutputPaths {
    private static final Set<PosixFilePermission> WRITE_BITS = Set.of(PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private OutputPaths() {
    }

    /**
     * A file to write (replacing it if it exists).
     *
     * @param option how the user gave it, for the message ({@code -o}, {@code --pareto})
     * @return the file to write: absolute, with symbolic links resolved (so writes go to the file
     *         the link points to, and two spellings of one file compare equal)
     */
    public static Path file(String option, Path path) {
        return file(option, path, path);
    }

    /** {@code path} as the user wrote it (for messages), {@code at} where it leads (through symbolic links). */
    private static Path file(String option, Path path, Path at) {
        String named = option + " " + path + (at.equals(path) ? "" : " (-> " + at + ")");
        if (Files.isDirectory(at)) {
            throw new UserInputException(named + ": is a folder, not a file; name a file inside it (" + path
                    + "/NAME) or another file");
        }
        if (Files.exists(at)) {
            if (!Files.isRegularFile(at)) {
                throw new UserInputException(named + ": is not a regular file (a device, a pipe or a socket); name a "
                        + "regular file");
            }
            Path real = real(at);
            readOnly(real).ifPresent(why -> {
                throw new UserInputException(named + ": the file is read-only (" + why + "); make it writable (chmod "
                        + "u+w " + path + ") or write to another file");
            });
            writableFolder(named, real.getParent());
            return real;
        }
        if (Files.isSymbolicLink(at)) {
            return file(option, path, danglingTarget(named, at));
        }
        Path absolute = at.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        existingFolder(named, folder);
        writableFolder(named, folder);
        return real(folder).resolve(absolute.getFileName());
    }

    /**
     * A folder to write files into (the demo's); the command creates it later, with any missing
     * folders above it, like {@code mkdir -p}: a folder is what was asked for.
     *
     * @return the folder, absolute, symbolic links resolved where it exists
     */
    public static Path folder(String option, Path path) {
        String named = option + " " + path;
        if (Files.exists(path)) {
            if (!Files.isDirectory(path)) {
                throw new UserInputException(named + ": is a file, not a folder; name a new or existing folder");
            }
            Path real = real(path);
            writableFolder(named, real);
            return real;
        }
        if (Files.isSymbolicLink(path)) {
            throw new UserInputException(named + ": is a symbolic link to a missing folder (" + linkTarget(path)
                    + "); remove the link or write elsewhere");
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UserInputException(named + ": " + existing + " is a file, not a folder; write elsewhere");
        }
        if (existing != null) {
            writableFolder(named, existing);
        }
        return absolute;
    }

    /** Two outputs (each from {@link #file}) must be different files. */
    public static void distinct(String option, Path output, String otherOption, Path other) {
        if (output.equals(other)) {
            throw new UserInputException(option + ": is the same file as " + otherOption + " (" + output
                    + "); give two different files");
        }
    }

    /**
     * An output (from {@link #file}) must not be one of the inputs.
     *
     * @param inputs each input file and what it is ("the sweep file")
     */
    public static void notAnInput(String option, Path output, Map<Path, String> inputs) {
        if (!Files.exists(output)) {
            return;
        }
        for (Map.Entry<Path, String> in : inputs.entrySet()) {
            try {
                if (Files.exists(in.getKey()) && Files.isSameFile(output, in.getKey())) {
                    throw new UserInputException(option + " " + output + ": is " + in.getValue() + " (an input); "
                            + "writing there would destroy it; name another file");
                }
            } catch (IOException e) {
                // cannot tell: the input was read already, so it is not the output in practice
            }
        }
    }

    /** The folder of an output must exist; when it does not, say which part of the path is missing or a file. */
    private static void existingFolder(String named, Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UserInputException(named + ": " + existing + " is a file, not a folder; write elsewhere");
        }
        throw new UserInputException(named + ": the folder " + folder + " does not exist; create it first (mkdir -p "
                + folder + ") or write elsewhere");
    }

    private static void writableFolder(String named, Path folder) {
        readOnly(folder).ifPresent(why -> {
            throw new UserInputException(named + ": the folder " + folder + " is read-only (" + why + "); write "
                    + "elsewhere, or make it writable (chmod u+w " + folder + ")");
        });
    }

    /** Why a file or folder cannot be written, if it cannot. */
    private static java.util.Optional<String> readOnly(Path p) {
        try {
            if (Files.getFileStore(p).isReadOnly()) {
                return java.util.Optional.of("a read-only file system");
            }
        } catch (IOException e) {
            // cannot tell the store: the checks below still apply
        }
        Set<PosixFilePermission> perms = null;
        try {
            perms = Files.getPosixFilePermissions(p);
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system
        }
        String shown = perms == null ? "" : "permissions " + PosixFilePermissions.toString(perms);
        if (!Files.isWritable(p)) {
            return java.util.Optional.of(shown.isEmpty() ? "not writable by this user" : shown);
        }
        if (perms != null && perms.stream().noneMatch(WRITE_BITS::contains)) {
            return java.util.Optional.of(shown);
        }
        return java.util.Optional.empty();
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Where a symbolic link to a missing file leads (writing creates that file), at most 40 links deep. */
    private static Path danglingTarget(String named, Path link) {
        Path at = link;
        for (int depth = 0; depth < 40 && Files.isSymbolicLink(at); depth++) {
            try {
                Path parent = at.toAbsolutePath().getParent();
                at = parent.resolve(Files.readSymbolicLink(at)).normalize();
            } catch (IOException e) {
                break;
            }
        }
        if (Files.isSymbolicLink(at)) {
            throw new UserInputException(named + ": is a symbolic link that does not lead to a file (" + linkTarget(link)
                    + "); remove the link or write to another file");
        }
        return at;
    }

    private static String linkTarget(Path link) {
        try {
            return "-> " + Files.readSymbolicLink(link);
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
