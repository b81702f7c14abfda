package org.memdse.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process for {@link OutputLockTest}: takes the lock on the file named by its argument,
 * prints "locked", and holds it until its standard input closes (or it is killed).
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (OutputLock lock = OutputLock.acquire(Path.of(args[0]))) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the parent closes our input
            }
        }
    }
}
