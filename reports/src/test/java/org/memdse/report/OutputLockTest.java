package org.memdse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exclusive hold on a sweep's output: two channels in one process, and two processes. */
class OutputLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHoldInTheSameProcessIsRefusedUntilTheFirstIsReleased() {
        Path target = dir.resolve("results.csv");
        try (OutputLock first = OutputLock.acquire(target)) {
            assertThat(first.lockFile()).exists().hasFileName("results.csv.lock");
            // Another spelling of the same file is the same lock.
            assertThatThrownBy(() -> OutputLock.acquire(dir.resolve("./x/../results.csv")))
                    .isInstanceOf(OutputLock.HeldException.class)
                    .hasMessageContaining("results.csv is being written already by this memdse process");
            assertThat(first.lockFile()).as("still held after the refusal").exists();
        }
        assertThat(dir.resolve("results.csv.lock")).doesNotExist();
        try (OutputLock again = OutputLock.acquire(target)) {
            assertThat(again.target()).isEqualTo(target);
        }
    }

    @Test
    void aStaleLockFileLeftByAKilledRunDoesNotBlock() throws IOException {
        Path target = dir.resolve("r.csv");
        Files.writeString(OutputLock.lockFileOf(target), "12345\n"); // a run killed with kill -9 left it
        try (OutputLock lock = OutputLock.acquire(target)) {
            assertThat(Files.readString(lock.lockFile()).strip()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(OutputLock.lockFileOf(target)).doesNotExist();
    }

    @Test
    void aLockFileThatCannotBeCreatedIsAnOutputFailureInWords() throws IOException {
        Path target = dir.resolve("r.csv");
        Files.createDirectory(OutputLock.lockFileOf(target)); // a folder where the lock file goes
        assertThatThrownBy(() -> OutputLock.acquire(target)).isInstanceOf(OutputFailure.class)
                .hasMessageContaining("r.csv.lock").hasMessageNotContaining("Exception");
    }

    /** Another process holds the lock: refused at once, naming it; killed with -9, the lock dies with it. */
    @Test
    void anotherProcessHoldsItUntilItIsKilled() throws Exception {
        Path target = dir.resolve("results.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), target.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("the holder's first line").isEqualTo("locked " + holder.pid());
            assertThatThrownBy(() -> OutputLock.acquire(target)).isInstanceOf(OutputLock.HeldException.class)
                    .hasMessageContaining(target + " is being written by another memdse process (pid " + holder.pid()
                            + ")")
                    .hasMessageContaining("results.csv.lock");
            holder.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(OutputLock.lockFileOf(target)).as("a killed holder leaves its lock file").exists();
            try (OutputLock mine = OutputLock.acquire(target)) {
                assertThat(mine.lockFile()).exists();
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    /** A holder that finishes normally deletes its lock file and lets the next one in. */
    @Test
    void anotherProcessThatFinishesReleasesIt() throws Exception {
        Path target = dir.resolve("results.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), target.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("locked ");
            holder.getOutputStream().close(); // end of input: the holder closes its lock
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(holder.exitValue()).isZero();
            assertThat(OutputLock.lockFileOf(target)).doesNotExist();
            try (OutputLock mine = OutputLock.acquire(target)) {
                assertThat(mine.lockFile()).exists();
            }
        } finally {
            holder.destroyForcibly();
        }
    }
}
