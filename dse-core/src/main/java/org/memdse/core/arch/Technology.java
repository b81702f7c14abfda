package org.memdse.core.arch;

import java.util.Objects;

/**
 * The process technology of a system.
 *
 * @param nodeMeters feature size F in metres (e.g. 32e-9); also the unit of {@code F^2} areas
 * @param vdd        supply voltage in volts
 * @param clockHz    clock of the digital logic in hertz
 * @param flavour    the logic transistors' flavour (sets CMOS leakage); {@link TransistorFlavour#HP} by default
 */
public record Technology(double nodeMeters, double vdd, double clockHz, TransistorFlavour flavour) {
    public Technology {
        Checks.positive("technology.node", nodeMeters);
        Checks.positive("technology.vdd", vdd);
        Checks.positive("technology.clock", clockHz);
        Objects.requireNonNull(flavour, "technology.flavour");
    }

    /** A high-performance (HP) technology. */
    public Technology(double nodeMeters, double vdd, double clockHz) {
        this(nodeMeters, vdd, clockHz, TransistorFlavour.HP);
    }
}
