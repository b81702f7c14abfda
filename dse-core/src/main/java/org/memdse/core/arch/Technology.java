package org.memdse.core.arch;

import java.util.Objects;

/**
 * The process technology of a system.
 *
 * @param nodeMeters feature size F in metres (e.g. 32e-9); also the unit of {@code F^2} areas
 * @param vdd        supply voltage in volts
 * @param clockHz    clock of the digital logic in hertz; when the clock is derived, a placeholder until
 *                   the cost models derive it from the critical path ({@link #AUTO_CLOCK_PLACEHOLDER_HZ})
 * @param flavour    the logic transistors' flavour (sets CMOS leakage); {@link TransistorFlavour#HP} by default
 * @param clockGiven whether the description gives the clock; false for {@code clock: auto} or no clock,
 *                   which the cost models derive from the slowest sensing path
 * @param timing     whether the analog reads are counted in whole clock cycles ({@link Timing#SYNCHRONOUS},
 *                   the default) or self-timed ({@link Timing#ASYNCHRONOUS})
 */
public record Technology(double nodeMeters, double vdd, double clockHz, TransistorFlavour flavour, boolean clockGiven,
                         Timing timing) {
    /** The clock an underived {@code clock: auto} technology carries until its clock is derived, Hz. */
    public static final double AUTO_CLOCK_PLACEHOLDER_HZ = 1e9;

    public Technology {
        Checks.positive("technology.node", nodeMeters);
        Checks.positive("technology.vdd", vdd);
        Checks.positive("technology.clock", clockHz);
        Objects.requireNonNull(flavour, "technology.flavour");
        Objects.requireNonNull(timing, "technology.timing");
    }

    /** A synchronous technology. */
    public Technology(double nodeMeters, double vdd, double clockHz, TransistorFlavour flavour, boolean clockGiven) {
        this(nodeMeters, vdd, clockHz, flavour, clockGiven, Timing.SYNCHRONOUS);
    }

    /** A technology whose clock is given. */
    public Technology(double nodeMeters, double vdd, double clockHz, TransistorFlavour flavour) {
        this(nodeMeters, vdd, clockHz, flavour, true);
    }

    /** A high-performance (HP) technology. */
    public Technology(double nodeMeters, double vdd, double clockHz) {
        this(nodeMeters, vdd, clockHz, TransistorFlavour.HP);
    }

    /** A technology whose clock is left to the cost models ({@code clock: auto}). */
    public static Technology autoClock(double nodeMeters, double vdd, TransistorFlavour flavour) {
        return new Technology(nodeMeters, vdd, AUTO_CLOCK_PLACEHOLDER_HZ, flavour, false);
    }

    /** The same technology with its clock derived: {@code clockHz}, still marked as not given. */
    public Technology withDerivedClock(double derivedClockHz) {
        return new Technology(nodeMeters, vdd, derivedClockHz, flavour, false, timing);
    }

    /** The same technology with the given timing. */
    public Technology withTiming(Timing other) {
        return new Technology(nodeMeters, vdd, clockHz, flavour, clockGiven, other);
    }

    /** Whether the analog reads are self-timed ({@link Timing#ASYNCHRONOUS}). */
    public boolean selfTimed() {
        return timing == Timing.ASYNCHRONOUS;
    }
}
