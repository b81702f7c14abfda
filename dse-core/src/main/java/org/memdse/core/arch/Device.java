package org.memdse.core.arch;

import java.util.Optional;

/**
 * A memristive device, named once and referenced by crossbars and synapse arrays.
 *
 * @param name         the name it is referenced by
 * @param kind         device technology
 * @param rOn          low-resistance state, ohm
 * @param rOff         high-resistance state, ohm (greater than {@code rOn})
 * @param levels       distinguishable conductance levels (2 = binary)
 * @param vRead        read voltage, V
 * @param tRead        read pulse width, s
 * @param vWrite       programming (SET/RESET) voltage, V; 0 when not given, and then the
 *                     array's write path (level shifters) is not priced
 * @param writeEnergy  energy of one programming pulse, J
 * @param writeTime    duration of one programming pulse, s
 * @param endurance    write cycles before wear-out
 * @param variability  relative standard deviation of a programmed conductance (0.05 = 5 %)
 * @param isVolatile   whether the state decays by itself (diffusive memristors used as neurons)
 * @param nonIdealities programming error, read noise, drift, stuck-at faults and wire resistance (the
 *                     accuracy budget's device side); {@code variability}, when positive, is its
 *                     constant programming sigma
 * @param write        how the device is programmed (pulses, update curve, wear), if described;
 *                     learning on the chip needs it
 */
public record Device(String name, DeviceKind kind, double rOn, double rOff, int levels, double vRead, double tRead,
                     double vWrite, double writeEnergy, double writeTime, double endurance, double variability, boolean isVolatile,
                     NonIdealities nonIdealities, Optional<DeviceWrite> write) {
    public Device {
        Checks.notNull("write", write);
        Checks.notNull("name", name);
        Checks.notNull("kind", kind);
        Checks.positive("r_on", rOn);
        Checks.positive("r_off", rOff);
        Checks.atLeast("levels", levels, 2);
        Checks.positive("v_read", vRead);
        Checks.positive("t_read", tRead);
        Checks.nonNegative("v_write", vWrite);
        Checks.nonNegative("write_energy", writeEnergy);
        Checks.nonNegative("write_time", writeTime);
        Checks.positive("endurance", endurance);
        Checks.nonNegative("variability", variability);
        Checks.notNull("nonIdealities", nonIdealities);
        Checks.notNull("write", write);
    }

    /** A device with these non-idealities and no write parameters. */
    public Device(String name, DeviceKind kind, double rOn, double rOff, int levels, double vRead, double tRead,
                  double vWrite, double writeEnergy, double writeTime, double endurance, double variability,
                  boolean isVolatile, NonIdealities nonIdealities) {
        this(name, kind, rOn, rOff, levels, vRead, tRead, vWrite, writeEnergy, writeTime, endurance, variability,
                isVolatile, nonIdealities, Optional.empty());
    }

    /** A device with its kind's default non-idealities ({@link NonIdealities#defaults}). */
    public Device(String name, DeviceKind kind, double rOn, double rOff, int levels, double vRead, double tRead,
                  double vWrite, double writeEnergy, double writeTime, double endurance, double variability,
                  boolean isVolatile) {
        this(name, kind, rOn, rOff, levels, vRead, tRead, vWrite, writeEnergy, writeTime, endurance, variability,
                isVolatile, NonIdealities.defaults(kind, variability));
    }

    /** This device with write parameters. */
    public Device withWrite(DeviceWrite w) {
        return new Device(name, kind, rOn, rOff, levels, vRead, tRead, vWrite, writeEnergy, writeTime, w.endurance(),
                variability, isVolatile, nonIdealities, Optional.of(w));
    }

    /** Conductance of the on state, S. */
    public double gOn() {
        return 1.0 / rOn;
    }

    /** Conductance of the off state, S. */
    public double gOff() {
        return 1.0 / rOff;
    }

    /** Bits a single cell of this device can hold: floor(log2(levels)). */
    public int maxBitsPerCell() {
        return 31 - Integer.numberOfLeadingZeros(levels);
    }
}
