package org.memdse.core.arch;

/**
 * The process technology of a system.
 *
 * @param nodeMeters feature size F in metres (e.g. 32e-9); also the unit of {@code F^2} areas
 * @param vdd        supply voltage in volts
 * @param clockHz    clock of the digital logic in hertz
 */
public record Technology(double nodeMeters, double vdd, double clockHz) {
    public Technology {
        Checks.positive("technology.node", nodeMeters);
        Checks.positive("technology.vdd", vdd);
        Checks.positive("technology.clock", clockHz);
    }
}
