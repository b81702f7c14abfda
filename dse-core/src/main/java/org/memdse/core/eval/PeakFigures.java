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
    }

    /** Peak TOPS (10^12 ops/s). */
    public double peakTops() {
        return peakOpsPerSecond / 1e12;
    }

    /** Peak TOPS per watt. */
    public double peakTopsPerWatt() {
        return peakPowerW == 0 ? 0 : peakTops() / peakPowerW;
    }

    /** Peak TOPS per mm^2. */
    public double peakTopsPerMm2() {
        return areaM2 == 0 ? 0 : peakTops() / (areaM2 * 1e6);
    }
}
