package org.memdse.core.arch;

/**
 * How a device is programmed ({@code write:} under a device): the pulses that move its
 * conductance, their non-linear update curve, their spread and the device's wear. Learning
 * needs it; inference-only devices may leave it out.
 *
 * @param levels     identical SET pulses that take a cell from g_min to g_max (NeuroSim's
 *                   maxNumLevelLTP); one device step is (g_max − g_min) / levels
 * @param vSet       SET (potentiation, LTP) pulse amplitude, V
 * @param tSet       SET pulse width, s
 * @param vReset     RESET (depression, LTD) pulse amplitude, V
 * @param tReset     RESET pulse width, s
 * @param gMin       lowest programmed conductance, S
 * @param gMax       highest programmed conductance, S
 * @param nlLtp      non-linearity label of the potentiation curve (NeuroSim's exponential model; 0 = linear)
 * @param nlLtd      non-linearity label of the depression curve
 * @param c2c        cycle-to-cycle spread of one pulse's conductance step, as a fraction of g_max − g_min
 * @param d2d        device-to-device spread of the step size, relative (0.1 = 10 %)
 * @param endurance  write pulses a cell survives
 * @param retentionS how long a programmed state holds, s
 */
public record DeviceWrite(int levels, double vSet, double tSet, double vReset, double tReset, double gMin, double gMax,
                          double nlLtp, double nlLtd, double c2c, double d2d, double endurance, double retentionS) {
    public DeviceWrite {
        Checks.atLeast("write.levels", levels, 2);
        Checks.positive("write.set.voltage", vSet);
        Checks.positive("write.set.width", tSet);
        Checks.positive("write.reset.voltage", vReset);
        Checks.positive("write.reset.width", tReset);
        Checks.positive("write.g_min", gMin);
        Checks.positive("write.g_max", gMax);
        if (gMax <= gMin) {
            throw new IllegalArgumentException("write.g_max must exceed write.g_min");
        }
        Checks.nonNegative("write.nonlinearity.ltp", nlLtp);
        Checks.nonNegative("write.nonlinearity.ltd", nlLtd);
        Checks.nonNegative("write.c2c", c2c);
        Checks.nonNegative("write.d2d", d2d);
        Checks.positive("write.endurance", endurance);
        Checks.positive("write.retention", retentionS);
    }

    /** One device step: the conductance one linear pulse moves, S. */
    public double step() {
        return (gMax - gMin) / levels;
    }
}
