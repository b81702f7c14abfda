package org.memdse.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.memdse.core.explore.ExplorationEngine;

/**
 * Progress of a sweep on stderr, redrawn in place at most four times a second: points done of
 * the total, the rate, the time left and how many mappings were solved and reused. Silent when
 * stderr is not a terminal or with --quiet.
 */
final class SweepProgress implements ExplorationEngine.ProgressListener {
    private static final long INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final SweepCaches.MappingCache mappings;
    private long lastDraw = Long.MIN_VALUE;
    private boolean drawn;

    SweepProgress(PrintWriter err, SweepCaches.MappingCache mappings) {
        this.err = err;
        this.mappings = mappings;
    }

    /** Progress on a terminal, nothing otherwise. */
    static ExplorationEngine.ProgressListener forTerminal(PrintWriter err, boolean quiet,
                                                          SweepCaches.MappingCache mappings) {
        return quiet || System.console() == null ? ExplorationEngine.ProgressListener.NONE
                : new SweepProgress(err, mappings);
    }

    @Override
    public synchronized void progress(long done, long total, long elapsedNanos) {
        long now = System.nanoTime();
        if (done < total && lastDraw != Long.MIN_VALUE && now - lastDraw < INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        err.print("\r" + line(done, total, elapsedNanos) + ", " + mappings(mappings.solved(), mappings.reused())
                + "   ");
        if (done >= total) {
            err.println();
        }
        err.flush();
        drawn = true;
    }

    /** Ends the progress line if the run stopped early. */
    synchronized void end() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }

    static String line(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? clock((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "sweep: %,d/%,d points (%.1f%%), %.1f points/s, %s left", done, total,
                total == 0 ? 100.0 : 100.0 * done / total, rate, eta);
    }

    /** How many mappings were solved and how many points reused one. */
    static String mappings(long solved, long reused) {
        return String.format(Locale.ROOT, "mappings: %,d solved, %,d reused", solved, reused);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
