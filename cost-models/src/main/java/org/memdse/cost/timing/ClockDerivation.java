package org.memdse.cost.timing;

import java.util.Locale;
import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Technology;

/**
 * The chip clock and the path that sets it (docs/reference/timing.md §3). A macro without
 * sample-and-hold senses a column within clock cycles, so its {@link SensingPath} bounds the
 * period; with a sample-and-hold the array is sampled on its own read pulse and the converters run
 * at their own rate, so it sets no bound. With {@code clock: auto} (or no clock) the period is
 * β × the slowest such path (DNN+NeuroSim V1.4's synchronous mode, main.cpp:285-302 with
 * Param.cpp:373's β = 1.4); a given clock must leave at least the path itself, unless the reads are
 * self-timed ({@code timing: asynchronous}: the clock then times the digital logic only).
 */
public final class ClockDerivation {
    private ClockDerivation() {
    }

    /**
     * The slowest sensing path of the system's macros.
     *
     * @param where     the template path of the macro, e.g. {@code templates.neurosim-tile.macro}
     * @param path      its sensing path
     */
    public record Critical(String where, SensingPath path) {
        /** The clock this path allows with NeuroSim's margin β, Hz. */
        public double derivedClockHz() {
            return 1 / (SensingPath.BETA * path.total());
        }
    }

    /** The slowest sensing path over the macros without sample-and-hold, if any, at {@code tech}. */
    public static Optional<Critical> critical(Architecture a, Technology tech) {
        Critical worst = null;
        for (TileArray array : a.tileArrays()) {
            if (array.template() instanceof CimTileTemplate t && t.macro().sampleHold().isEmpty()) {
                SensingPath p = SensingPath.of(t.macro(), tech);
                if (worst == null || p.total() > worst.path().total()) {
                    worst = new Critical("templates." + t.name() + ".macro", p);
                }
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * {@code a} with its clock derived when it is {@code auto}; {@code a} itself otherwise.
     *
     * @throws IllegalArgumentException for {@code auto} on a system without a directly sensed macro
     */
    public static Architecture resolve(Architecture a) {
        Technology tech = a.technology();
        if (tech.clockGiven()) {
            return a;
        }
        Critical c = critical(a, tech).orElseThrow(() -> new IllegalArgumentException(noPathMessage()));
        return a.withTechnology(tech.withDerivedClock(c.derivedClockHz()));
    }

    /** Why {@code clock: auto} cannot be derived on a system without a directly sensed macro. */
    public static String noPathMessage() {
        return "'auto' derives the clock from the sensing path of a crossbar macro without sample-and-hold, and this"
                + " system has none; give the clock, e.g. 'clock: 1 GHz'";
    }

    /**
     * What is wrong with a given clock: empty when every directly sensed macro's path fits in one
     * period (or the clock is derived), else a message naming the path, by how much it misses and the fix.
     */
    public static Optional<String> shortfall(Architecture a) {
        Technology tech = a.technology();
        // Self-timed reads (timing: asynchronous) take their sensing path whatever the clock.
        if (!tech.clockGiven() || tech.selfTimed()) {
            return Optional.empty();
        }
        Optional<Critical> c = critical(a, tech);
        double period = 1 / tech.clockHz();
        if (c.isEmpty() || c.get().path().total() <= period * (1 + 1e-9)) {
            return Optional.empty();
        }
        SensingPath p = c.get().path();
        return Optional.of(String.format(Locale.ROOT, "a clock of %s (%.3f ns) is shorter than the slowest sensing path,"
                        + " %.3f ns at %s (%s), by %.0f %%; give at most %s, or 'clock: auto' to derive it (%s with"
                        + " NeuroSim's margin of 1.4)",
                hz(tech.clockHz()), period * 1e9, p.total() * 1e9, c.get().where(), p.describe(),
                (p.total() / period - 1) * 100, hz(1 / p.total()), hz(c.get().derivedClockHz())));
    }

    private static String hz(double hz) {
        boolean giga = hz >= 1e9;
        String digits = new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", giga ? hz / 1e9 : hz / 1e6))
                .stripTrailingZeros().toPlainString();
        return digits + (giga ? " GHz" : " MHz");
    }
}
