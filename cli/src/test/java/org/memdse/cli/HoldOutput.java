package org.memdse.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.memdse.report.OutputLock;

/**
 * Another memdse process, for the tests: holds the output lock a sweep takes on the file named
 * by its argument, prints "locked PID", and keeps it until its input closes or it is killed.
 */
public final class HoldOutput {
    private HoldOutput() {
    }

    public static void main(String[] args) throws IOException {
        try (OutputLock lock = OutputLock.acquire(Path.of(args[0]))) {
            System.out.println("locked " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the input closes
            }
        }
    }
}
