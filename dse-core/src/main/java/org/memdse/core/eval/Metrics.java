package org.memdse.core.eval;

import java.util.Collections;
import java.util.List;
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
 * @param network             link utilisation, saturated links and queueing from the contention model
 * @param learning            what learning on the chip costs ({@link LearningFigures#NONE} in inference mode)
 * @param snrDb               the analytic output SNR of the network, dB (an estimate: the accuracy pass's
 *                            error budget); NaN when no crossbar layer computes, {@link #NO_ERROR_DB}
 *                            when no error source is modelled
 * @param snrDbByLayer        per crossbar layer, the SNR of its output (its own errors and its inputs'), dB
 * @param snrDbBySource       the network's SNR if only one source erred, by source key (adc, programming,
 *                            read_noise, drift, ir_drop, stuck_at, transfer), dB; sources that add nothing absent
 * @param rewrite             what writing crossbars rewritten per input costs ({@link RewriteFigures#NONE}: none)
 */
public record Metrics(double areaM2, Breakdown areaByKind, Breakdown areaBySubsystem, double energyJ,
                      Breakdown energyByKind, Breakdown energyByLayer, double latencyS, double pipelineIntervalS,
                      Breakdown latencyByLayer, double ops, double leakagePowerW, double crossbarUtilisation,
                      double coreUtilisation, PeakFigures peak, Breakdown adcBitsNeededByLayer,
                      Breakdown latencyByCause, Map<String, Breakdown> latencyByLayerAndCause, IdleHardware idle,
                      NetworkLoad network, LearningFigures learning,
                      double snrDb, Breakdown snrDbByLayer, Breakdown snrDbBySource, RewriteFigures rewrite) {
    /** "Mostly idle": more than this share of the tiles and cores idle, or of the energy static. */
    public static final double MOSTLY_IDLE = 0.5;
    /** The SNR reported when no error source is modelled at all (ideal arithmetic), dB. */
    public static final double NO_ERROR_DB = 200;

    /** Component kinds whose energy moves data: tile wiring, global bus, routers, links, spike routers, chip links. */
    public static final List<String> COMMUNICATION_KINDS = List.of("tile_wiring", "global_bus", "router", "link",
            "spike_router", "chip_link");

    public Metrics {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(learning, "learning");
        Objects.requireNonNull(snrDbByLayer, "snrDbByLayer");
        Objects.requireNonNull(snrDbBySource, "snrDbBySource");
        Objects.requireNonNull(rewrite, "rewrite");
        Objects.requireNonNull(adcBitsNeededByLayer, "adcBitsNeededByLayer");
        Objects.requireNonNull(latencyByCause, "latencyByCause");
        latencyByLayerAndCause = Collections.unmodifiableMap(new TreeMap<>(latencyByLayerAndCause));
        Objects.requireNonNull(areaByKind, "areaByKind");
        Objects.requireNonNull(areaBySubsystem, "areaBySubsystem");
        Objects.requireNonNull(energyByKind, "energyByKind");
        Objects.requireNonNull(energyByLayer, "energyByLayer");
        Objects.requireNonNull(latencyByLayer, "latencyByLayer");
        Objects.requireNonNull(peak, "peak");
        // The last guard: no infinite or NaN figure is ever printed or written.
        NonFiniteResultException.requireFinite("area", areaM2);
        NonFiniteResultException.requireFinite("area by component kind", areaByKind);
        NonFiniteResultException.requireFinite("area by subsystem", areaBySubsystem);
        NonFiniteResultException.requireFinite("energy per inference", energyJ);
        NonFiniteResultException.requireFinite("energy by component kind", energyByKind);
        NonFiniteResultException.requireFinite("energy by layer", energyByLayer);
        NonFiniteResultException.requireFinite("latency per inference", latencyS);
        NonFiniteResultException.requireFinite("pipeline interval", pipelineIntervalS);
        NonFiniteResultException.requireFinite("latency by layer", latencyByLayer);
        NonFiniteResultException.requireFinite("operations per inference", ops);
        NonFiniteResultException.requireFinite("leakage power", leakagePowerW);
        NonFiniteResultException.requireFinite("crossbar utilisation", crossbarUtilisation);
        NonFiniteResultException.requireFinite("SNN core utilisation", coreUtilisation);
        NonFiniteResultException.requireFinite("ADC bits needed by layer", adcBitsNeededByLayer);
        // snrDb may be NaN: no crossbar layer, nothing estimated (never infinite: capped at NO_ERROR_DB).
        if (Double.isInfinite(snrDb)) {
            throw new IllegalArgumentException("snrDb must not be infinite");
        }
        // Products and quotients of finite figures can still overflow. (From the parameters: the
        // fields are not assigned yet in a compact constructor.)
        double throughput = throughput(pipelineIntervalS);
        NonFiniteResultException.requireFinite("throughput", throughput);
        NonFiniteResultException.requireFinite("TOPS", tops(ops, throughput));
        NonFiniteResultException.requireFinite("TOPS/W", topsPerWatt(ops, energyJ));
        NonFiniteResultException.requireFinite("TOPS/mm^2", topsPerMm2(tops(ops, throughput), areaM2));
        NonFiniteResultException.requireFinite("energy-delay product", energyJ * latencyS);
    }

    /** Metrics without crossbars rewritten per input. */
    public Metrics(double areaM2, Breakdown areaByKind, Breakdown areaBySubsystem, double energyJ,
                   Breakdown energyByKind, Breakdown energyByLayer, double latencyS, double pipelineIntervalS,
                   Breakdown latencyByLayer, double ops, double leakagePowerW, double crossbarUtilisation,
                   double coreUtilisation, PeakFigures peak, Breakdown adcBitsNeededByLayer,
                   Breakdown latencyByCause, Map<String, Breakdown> latencyByLayerAndCause, IdleHardware idle,
                   NetworkLoad network, LearningFigures learning, double snrDb, Breakdown snrDbByLayer,
                   Breakdown snrDbBySource) {
        this(areaM2, areaByKind, areaBySubsystem, energyJ, energyByKind, energyByLayer, latencyS, pipelineIntervalS,
                latencyByLayer, ops, leakagePowerW, crossbarUtilisation, coreUtilisation, peak, adcBitsNeededByLayer,
                latencyByCause, latencyByLayerAndCause, idle, network, learning, snrDb, snrDbByLayer, snrDbBySource,
                RewriteFigures.NONE);
    }

    /** Metrics without a contention model's figures, without learning and without an accuracy estimate. */
    public Metrics(double areaM2, Breakdown areaByKind, Breakdown areaBySubsystem, double energyJ,
                   Breakdown energyByKind, Breakdown energyByLayer, double latencyS, double pipelineIntervalS,
                   Breakdown latencyByLayer, double ops, double leakagePowerW, double crossbarUtilisation,
                   double coreUtilisation, PeakFigures peak, Breakdown adcBitsNeededByLayer,
                   Breakdown latencyByCause, Map<String, Breakdown> latencyByLayerAndCause, IdleHardware idle) {
        this(areaM2, areaByKind, areaBySubsystem, energyJ, energyByKind, energyByLayer, latencyS, pipelineIntervalS,
                latencyByLayer, ops, leakagePowerW, crossbarUtilisation, coreUtilisation, peak, adcBitsNeededByLayer,
                latencyByCause, latencyByLayerAndCause, idle, NetworkLoad.NONE, LearningFigures.NONE, Double.NaN,
                Breakdown.EMPTY, Breakdown.EMPTY);
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
        return throughput(pipelineIntervalS);
    }

    /** Achieved TOPS: operations per inference at the pipelined rate. */
    public double tops() {
        return tops(ops, throughputPerSecond());
    }

    /** TOPS per watt: operations per joule. */
    public double topsPerWatt() {
        return topsPerWatt(ops, energyJ);
    }

    public double topsPerMm2() {
        return topsPerMm2(tops(), areaM2);
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

    /** Energy spent moving data ({@link #COMMUNICATION_KINDS}), J. */
    public double communicationEnergyJ() {
        double e = 0;
        for (String k : COMMUNICATION_KINDS) {
            e += energyByKind.get(k);
        }
        return e;
    }

    /** That energy's share of the energy per inference. */
    public double communicationEnergyShare() {
        return energyJ > 0 ? communicationEnergyJ() / energyJ : 0;
    }

    /** Time spent on the network between layers (transfer and queueing), summed over the layers, s. */
    public double communicationTimeS() {
        return latencyByCause.get(LatencyCause.NETWORK.key());
    }

    /** That time's share of the latency. */
    public double communicationTimeShare() {
        return latencyS > 0 ? communicationTimeS() / latencyS : 0;
    }

    /** The slowest layer and its main cause of delay, which set the pipeline interval. */
    public java.util.Optional<PipelineLimit> pipelineLimit() {
        return PipelineLimit.of(latencyByLayer, latencyByLayerAndCause);
    }

    /** Energy-delay product, J·s (layer-by-layer latency). */
    public double edp() {
        return energyJ * latencyS;
    }

    private static double throughput(double pipelineIntervalS) {
        return pipelineIntervalS > 0 ? 1 / pipelineIntervalS : 0;
    }

    private static double tops(double ops, double throughput) {
        return ops * throughput / 1e12;
    }

    private static double topsPerWatt(double ops, double energyJ) {
        return energyJ > 0 ? ops / energyJ / 1e12 : 0;
    }

    private static double topsPerMm2(double tops, double areaM2) {
        return areaM2 > 0 ? tops / (areaM2 * 1e6) : 0;
    }
}
