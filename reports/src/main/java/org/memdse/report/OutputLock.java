package org.memdse.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An exclusive hold on an output file for as long as a process writes it (a sweep's results:
 * two sweeps appending to one file would interleave their rows). The hold is an operating-system
 * lock on a lock file beside the output ({@code results.csv.lock}), never on the output itself:
 * the output is read back and renamed over while held, and on POSIX systems closing any other
 * descriptor of a locked file drops the lock. The operating system releases the lock when the
 * process ends in any way (normal exit, Ctrl-C, a crash, {@code kill -9}), so a stale lock file
 * never blocks anyone; {@link #close()} also deletes the file.
 */
public final class OutputLock implements AutoCloseable {
    /** Attempts when the lock file is replaced between opening and locking it (a holder finishing). */
    private static final int ATTEMPTS = 8;

    /**
     * The lock files this process holds. A second lock in the same process is refused from here,
     * without opening the file: on Linux, closing any descriptor of a locked file drops the lock.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path target;
    private final Path lockFile;
    private final Path id;
    private final FileChannel channel;
    private final FileLock lock;
    private final Object key;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OutputLock(Path target, Path lockFile, Path id, FileChannel channel, FileLock lock, Object key) {
        this.target = target;
        this.lockFile = lockFile;
        this.id = id;
        this.channel = channel;
        this.lock = lock;
        this.key = key;
    }

    /** Another process (or another writer in this one) holds the output; nothing was changed. */
    public static final class HeldException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    /** The lock file of an output: beside it, its name plus {@code .lock}. */
    public static Path lockFileOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    /**
     * Takes the lock on {@code target} at once, or refuses.
     *
     * @throws HeldException  if another memdse process (or this one) holds it
     * @throws OutputFailure  if the lock file cannot be created (a permission, a full disk)
     */
    public static OutputLock acquire(Path target) {
        Path lockFile = lockFileOf(target);
        Path id = identity(lockFile);
        if (!HELD.add(id)) {
            throw new HeldException(target + " is being written already by this memdse process; write to another "
                    + "file");
        }
        try {
            return lock(target, lockFile, id);
        } catch (RuntimeException e) {
            HELD.remove(id);
            throw e;
        }
    }

    private static OutputLock lock(Path target, Path lockFile, Path id) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                Object opened = key(lockFile);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // this process holds it already, through another channel
                }
                if (lock == null) {
                    channel.close();
                    throw new HeldException(target + " is being written by another memdse process"
                            + holder(lockFile) + "; wait for it to finish, or write to another file (the lock is "
                            + lockFile + ", released when that process ends)");
                }
                // The holder before us deletes its lock file as it finishes: if it did so between our
                // open and our lock, we hold a lock on a file nobody else will find. Start again.
                boolean gone = !Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS);
                if (gone || (opened != null && !opened.equals(key(lockFile)))) {
                    lock.release();
                    channel.close();
                    continue;
                }
                writePid(channel);
                return new OutputLock(target, lockFile, id, channel, lock, opened);
            } catch (NoSuchFileException e) {
                closeQuietly(channel); // deleted under us by a finishing holder: try again
            } catch (IOException e) {
                closeQuietly(channel);
                throw OutputFailure.writing(lockFile, e, "nothing was written");
            }
        }
        throw new HeldException(target + ": its lock file " + lockFile + " keeps being replaced; is another memdse "
                + "process starting and finishing on it? Write to another file");
    }

    /** The file this lock guards. */
    public Path target() {
        return target;
    }

    /** The lock file beside it. */
    public Path lockFile() {
        return lockFile;
    }

    /** Deletes the lock file (while still holding it, so nobody takes over a file that is going away), then releases. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (Objects.equals(key, key(lockFile))) {
                Files.deleteIfExists(lockFile);
            }
        } catch (IOException ignored) {
            // a lock file left behind is harmless: it is not locked once we release
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it as well
        }
        closeQuietly(channel);
        HELD.remove(id);
    }

    /** The lock file's absolute path with its folder's symbolic links resolved (two spellings, one key). */
    private static Path identity(Path lockFile) {
        Path abs = lockFile.toAbsolutePath().normalize();
        try {
            return abs.getParent().toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }

    /** The file's identity (device and inode on Unix), or null when it is gone or the platform keeps none. */
    private static Object key(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Our process id into the lock file, for the message another process gives. Best effort: on
     * a full disk the lock still holds without it.
     */
    private static void writePid(FileChannel channel) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
        } catch (IOException e) {
            // the message then names no process id
        }
    }

    /** " (pid N)" from the lock file, when the holder wrote it. */
    private static String holder(Path lockFile) {
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]{1,19}") ? " (pid " + pid + ")" : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
