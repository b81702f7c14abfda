package org.memdse.core.eval;

import java.util.Objects;

/**
 * What a system can do with every array busy, independent of any network: the figures papers
 * quote as "peak".
 *
 * @param convention          how operations are counted
 * @param areaM2              total area, m^2
 * @param areaByKind          area by component kind, m^2
 * @param areaBySubsystem     area by subsystem, m^2
 * @param peakPowerW          power with every component busy at full rate, W
 * @param powerByKind         that power by component kind, W
 * @param leakagePowerW       static power, W
 * @param peakOpsPerSecond    operations per second of all crossbars at full rate
 * @param peakSynapticOpsPerSecond synaptic operations per second of all SNN cores at full rate
 */
public record PeakFigures(OpConvention convention, double areaM2, Breakdown areaByKind, Breakdown areaBySubsystem,
                          double peakPowerW, Breakdown powerByKind, double leakagePowerW, double peakOpsPerSecond,
                          double peakSynapticOpsPerSecond) {
    public PeakFigures {
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(areaByKind, "areaByKind");
        Objects.requireNonNull(areaBySubsystem, "areaBySubsystem");
        Objects.requireNonNull(powerByKind, "powerByKind");
        NonFiniteResultException.requireFinite("area", areaM2);
        NonFiniteResultException.requireFinite("area by component kind", areaByKind);
        NonFiniteResultException.requireFinite("area by subsystem", areaBySubsystem);
        NonFiniteResultException.requireFinite("peak power", peakPowerW);
        NonFiniteResultException.requireFinite("peak power by component kind", powerByKind);
        NonFiniteResultException.requireFinite("leakage power", leakagePowerW);
        NonFiniteResultException.requireFinite("peak operations per second", peakOpsPerSecond);
        NonFiniteResultException.requireFinite("peak synaptic operations per second", peakSynapticOpsPerSecond);
        // From the parameters: the fields are not assigned yet in a compact constructor.
        NonFiniteResultException.requireFinite("peak TOPS/W", topsPerWatt(peakOpsPerSecond, peakPowerW));
        NonFiniteResultException.requireFinite("peak TOPS/mm^2", topsPerMm2(peakOpsPerSecond, areaM2));
    }

    /** Peak TOPS (10^12 ops/s). */
    public double peakTops() {
        return peakOpsPerSecond / 1e12;
    }

    /** Peak TOPS per watt. */
    public double peakTopsPerWatt() {
        return topsPerWatt(peakOpsPerSecond, peakPowerW);
    }

    /** Peak TOPS per mm^2. */
    public double peakTopsPerMm2() {
        return topsPerMm2(peakOpsPerSecond, areaM2);
    }

    private static double topsPerWatt(double opsPerSecond, double powerW) {
        return powerW == 0 ? 0 : opsPerSecond / 1e12 / powerW;
    }

    private static double topsPerMm2(double opsPerSecond, double areaM2) {
        return areaM2 == 0 ? 0 : opsPerSecond / 1e12 / (areaM2 * 1e6);
    }
}
