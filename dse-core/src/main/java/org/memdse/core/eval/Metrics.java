package org.memdse.core.eval;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a mapped network costs on a system, per inference. SI units; the output keys name theirs
 * ({@code energy_pj}, {@code latency_ns}).
 *
 * @param areaM2              total area, m^2
 * @param areaByKind          area by component kind, m^2
 * @param areaBySubsystem     area by subsystem, m^2
 * @param energyJ             energy per inference (dynamic + static over the latency), J
 * @param energyByKind        that energy by component kind (static energy under {@code static}), J
 * @param energyByLayer       dynamic energy by network node, J
 * @param latencyS            latency of one inference, layer by layer, s
 * @param pipelineIntervalS   time between inferences when layers run as a pipeline (the slowest stage), s
 * @param latencyByLayer      each node's time, s
 * @param ops                 operations per inference (convention of {@code peak})
 * @param leakagePowerW       static power of the whole system, W
 * @param crossbarUtilisation crossbars holding weights over all crossbars
 * @param coreUtilisation     SNN cores holding neurons over all cores
 * @param peak                the architecture's peak figures
 * @param adcBitsNeededByLayer per crossbar layer, the bits an ADC would need to convert a column's
 *                            partial sum without loss (log2 of rows used × largest cell level ×
 *                            largest input per cycle, plus one); a layer whose value exceeds the
 *                            macro's ADC bits converts below full precision (ISAAC §V eq. 1–2)
 * @param latencyByCause      the latency split by {@link LatencyCause} key, summed over the layers, s
 * @param latencyByLayerAndCause each node's time split by {@link LatencyCause} key (only the causes it
 *                            spends time on), s; its parts add up to {@code latencyByLayer}
 * @param idle                the tiles and cores the mapping leaves without work
 */
public record Metrics(double areaM2, Breakdown areaByKind, Breakdown areaBySubsystem, double energyJ,
                      Breakdown energyByKind, Breakdown energyByLayer, double latencyS, double pipelineIntervalS,
                      Breakdown latencyByLayer, double ops, double leakagePowerW, double crossbarUtilisation,
                      double coreUtilisation, PeakFigures peak, Breakdown adcBitsNeededByLayer,
                      Breakdown latencyByCause, Map<String, Breakdown> latencyByLayerAndCause, IdleHardware idle) {
    /** "Mostly idle": more than this share of the tiles and cores idle, or of the energy static. */
    public static final double MOSTLY_IDLE = 0.5;

    public Metrics {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(adcBitsNeededByLayer, "adcBitsNeededByLayer");
        Objects.requireNonNull(latencyByCause, "latencyByCause");
        latencyByLayerAndCause = Collections.unmodifiableMap(new TreeMap<>(latencyByLayerAndCause));
        Objects.requireNonNull(areaByKind, "areaByKind");
        Objects.requireNonNull(areaBySubsystem, "areaBySubsystem");
        Objects.requireNonNull(energyByKind, "energyByKind");
        Objects.requireNonNull(energyByLayer, "energyByLayer");
        Objects.requireNonNull(latencyByLayer, "latencyByLayer");
        Objects.requireNonNull(peak, "peak");
    }

    /** Metrics without the per-layer ADC precision figures and the latency by cause. */
    public Metrics(double areaM2, Breakdown areaByKind, Breakdown areaBySubsystem, double energyJ,
                   Breakdown energyByKind, Breakdown energyByLayer, double latencyS, double pipelineIntervalS,
                   Breakdown latencyByLayer, double ops, double leakagePowerW, double crossbarUtilisation,
                   double coreUtilisation, PeakFigures peak) {
        this(areaM2, areaByKind, areaBySubsystem, energyJ, energyByKind, energyByLayer, latencyS, pipelineIntervalS,
                latencyByLayer, ops, leakagePowerW, crossbarUtilisation, coreUtilisation, peak, Breakdown.EMPTY,
                Breakdown.EMPTY, Map.of(), IdleHardware.NONE);
    }

    /** Inferences per second, pipelined. */
    public double throughputPerSecond() {
        return pipelineIntervalS > 0 ? 1 / pipelineIntervalS : 0;
    }

    /** Achieved TOPS: operations per inference at the pipelined rate. */
    public double tops() {
        return ops * throughputPerSecond() / 1e12;
    }

    /** TOPS per watt: operations per joule. */
    public double topsPerWatt() {
        return energyJ > 0 ? ops / energyJ / 1e12 : 0;
    }

    public double topsPerMm2() {
        return areaM2 > 0 ? tops() / (areaM2 * 1e6) : 0;
    }

    /** Static (leakage) energy's share of the energy per inference. */
    public double staticShare() {
        return energyByKind.share("static");
    }

    /**
     * Whether most of the chip idles: more than half of its tiles and cores hold no work, or more
     * than half of the energy is leakage (what an evaluation should point out, with what helps).
     */
    public boolean mostlyIdle() {
        return idle.idleShare() > MOSTLY_IDLE || staticShare() > MOSTLY_IDLE;
    }

    /** Energy-delay product, J·s (layer-by-layer latency). */
    public double edp() {
        return energyJ * latencyS;
    }
}
