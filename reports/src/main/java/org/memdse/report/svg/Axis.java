package org.memdse.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * A numeric axis: maps data values to pixels between two ends, linear or logarithmic, with
 * "nice" tick values (1, 2, 5 × 10^k on linear axes, powers of ten on log axes).
 */
public final class Axis {
    private final double lo;
    private final double hi;
    private final boolean log;
    private final double from;
    private final double to;
    private final List<Double> ticks;

    private Axis(double lo, double hi, boolean log, double from, double to, List<Double> ticks) {
        this.lo = lo;
        this.hi = hi;
        this.log = log;
        this.from = from;
        this.to = to;
        this.ticks = List.copyOf(ticks);
    }

    /** A linear axis over {@code [min, max]} widened to nice ticks, drawn from pixel {@code from} to {@code to}. */
    public static Axis linear(double min, double max, double from, double to, int targetTicks) {
        if (!(max > min)) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
            if (min < 0 && max - pad >= 0 && max - pad - pad <= 0) {
                min = 0;
            }
        }
        double step = niceStep((max - min) / Math.max(1, targetTicks));
        double lo = Math.floor(min / step) * step;
        double hi = Math.ceil(max / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = lo; t <= hi + step * 1e-6; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return new Axis(lo, hi, false, from, to, ticks);
    }

    /** A log axis over {@code [min, max]} (both > 0) widened to powers of ten. */
    public static Axis log(double min, double max, double from, double to) {
        double lo = Math.pow(10, Math.floor(Math.log10(min)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        List<Double> ticks = new ArrayList<>();
        int decades = (int) Math.round(Math.log10(hi / lo));
        int stride = Math.max(1, (decades + 5) / 6);
        for (int i = 0; i <= decades; i += stride) {
            ticks.add(lo * Math.pow(10, i));
        }
        return new Axis(lo, hi, true, from, to, ticks);
    }

    /** Log when all values are positive and span more than two decades, linear otherwise. */
    public static Axis auto(double min, double max, double from, double to, int targetTicks, boolean startAtZero) {
        if (min > 0 && max / min > 300) {
            return log(min, max, from, to);
        }
        return linear(startAtZero ? Math.min(0, min) : min, max, from, to, targetTicks);
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** The same axis with its ends set exactly to {@code [newLo, newHi]} (categorical axes). */
    Axis rescaled(double newLo, double newHi) {
        return new Axis(newLo, newHi, false, from, to, List.of());
    }

    /** The pixel position of {@code v}. */
    public double map(double v) {
        double t;
        if (log) {
            t = (Math.log10(Math.max(v, lo * 1e-3)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        } else {
            t = (v - lo) / (hi - lo);
        }
        return from + t * (to - from);
    }

    /** A tick label with as many decimals as the tick step needs (so neighbouring ticks never read alike). */
    public String label(double t) {
        if (log || ticks.size() < 2) {
            return Numbers.tick(t);
        }
        double step = Math.abs(ticks.get(1) - ticks.get(0));
        double big = Math.max(Math.abs(ticks.get(0)), Math.abs(ticks.get(ticks.size() - 1)));
        if (big >= 1e6 || big < 1e-3) {
            return Numbers.tick(t);
        }
        int d = 0;
        while (d < 8 && Math.abs(Math.rint(step * Math.pow(10, d)) - step * Math.pow(10, d)) > 1e-6) {
            d++;
        }
        return String.format(java.util.Locale.ROOT, "%." + d + "f", t);
    }

    public List<Double> ticks() {
        return ticks;
    }

    public boolean isLog() {
        return log;
    }

    public double lo() {
        return lo;
    }

    public double hi() {
        return hi;
    }
}
