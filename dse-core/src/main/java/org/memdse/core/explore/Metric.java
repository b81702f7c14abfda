package org.memdse.core.explore;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.memdse.core.eval.EvaluationMode;
import org.memdse.core.eval.LearningFigures;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.eval.RewriteFigures;
import org.memdse.core.mapping.MappingObjectives;

/**
 * The figures a sweep records for each design point, by their CSV column names. The unit is in
 * the name ({@code energy_pj}, {@code latency_ns}); constraints and objectives use these names.
 * New metrics go at the end (the CSV column order follows this order).
 */
public enum Metric {
    AREA_MM2("area_mm2", false, "total area, mm^2"),
    ENERGY_PJ("energy_pj", false, "energy per inference, pJ"),
    LATENCY_NS("latency_ns", false, "latency of one inference, layer by layer, ns"),
    PIPELINE_INTERVAL_NS("pipeline_interval_ns", false, "time between inferences when pipelined, ns"),
    THROUGHPUT_INFERENCES_PER_S("throughput_inferences_per_s", false, "inferences per second, pipelined"),
    OPS("ops", false, "operations per inference (1 MAC = 2 ops)"),
    TOPS("tops", false, "achieved tera-operations per second"),
    TOPS_PER_W("tops_per_w", false, "TOPS per watt (operations per joule / 1e12)"),
    TOPS_PER_MM2("tops_per_mm2", false, "TOPS per mm^2"),
    EDP_PJ_NS("edp_pj_ns", false, "energy-delay product, pJ*ns"),
    LEAKAGE_POWER_W("leakage_power_w", false, "static power, W"),
    CROSSBAR_UTILISATION("crossbar_utilisation", false, "crossbars holding weights / all crossbars"),
    CORE_UTILISATION("core_utilisation", false, "SNN cores holding neurons / all cores"),
    TILES_USED("tiles_used", true, "tiles and cores the mapping uses"),
    CROSSBARS_USED("crossbars_used", true, "crossbars the mapping uses"),
    CORES_USED("cores_used", true, "SNN cores the mapping uses"),
    TRAFFIC_HOPS("traffic_hops", false, "interconnect traffic x hops, bit*hops per inference"),
    PEAK_TOPS("peak_tops", false, "peak TOPS, every array busy"),
    PEAK_POWER_W("peak_power_w", false, "peak power, W"),
    PEAK_TOPS_PER_W("peak_tops_per_w", false, "peak TOPS/W"),
    PEAK_TOPS_PER_MM2("peak_tops_per_mm2", false, "peak TOPS/mm^2"),
    COMMUNICATION_ENERGY_SHARE("communication_energy_share", false, "energy moving data (wiring, bus, routers, links) / energy"),
    COMMUNICATION_TIME_SHARE("communication_time_share", false, "network time between layers / latency"),
    LINK_UTILISATION_MAX("link_utilisation_max", false, "busiest link's utilisation (>= 1: saturated)"),
    LINK_UTILISATION_MEAN("link_utilisation_mean", false, "mean utilisation of the links that carry traffic"),
    SATURATED_LINKS("saturated_links", true, "links at utilisation >= 1"),
    SNR_DB("snr_db", false, "analytic output SNR of the network, dB (an estimate; NaN without crossbar layers)"),
    ENERGY_PJ_PER_SAMPLE("energy_pj_per_sample", false,
            "learning modes: energy per training sample, or per inference with its synaptic updates, pJ (NaN in inference)"),
    ENERGY_PJ_PER_EPOCH("energy_pj_per_epoch", false, "training: energy per epoch, pJ (NaN in the other modes)"),
    TIME_NS_PER_EPOCH("time_ns_per_epoch", false, "training: time per epoch, ns (NaN in the other modes)"),
    WRITE_ENERGY_PJ_PER_UPDATE("write_energy_pj_per_update", false,
            "learning modes: write and verify energy of one synaptic update (one cell written once), pJ (NaN in inference)"),
    WRITTEN_PRECISION_LEVELS("written_precision_levels", false,
            "learning modes: standard deviation of a written conductance, in level spacings of the stored weight"),
    LIFETIME_S("lifetime_s", false,
            "learning modes: time until the most-written cell reaches its endurance, s (NaN when nothing is written)"),
    EPOCHS_SURVIVED("epochs_survived", false, "training: epochs until the most-written cell reaches its endurance"),
    CHIPS("chips", true, "chips in the system (1 without a board)"),
    CHIP_CROSSING_BITS("chip_crossing_bits", false,
            "bits per inference that cross from one chip to another, bit (0 on one chip)"),
    BOARD_LINK_UTILISATION_MAX("board_link_utilisation_max", false,
            "busiest board link's utilisation between chips (>= 1: saturated; 0 on one chip)"),
    BOARD_ENERGY_SHARE("board_energy_share", false, "energy of the board links between chips / energy (0 on one chip)"),
    REWRITTEN_MAC_SHARE("rewritten_mac_share", false,
            "MACs on crossbars rewritten per input (activation_products) / all MACs (0 when none are)"),
    REWRITE_ENERGY_SHARE("rewrite_energy_share", false,
            "energy of writing the rewritten crossbars' cells / energy (0 when none are)"),
    REWRITE_LIFETIME_S("rewrite_lifetime_s", false,
            "time until the busiest rewritten cell reaches its endurance at the pipelined rate, s (NaN when none is)");

    private static final List<Metric> ALL = List.of(values());

    /** The energy breakdown's kind of the board links between chips (ComponentKind.CHIP_LINK's key). */
    private static final String BOARD_ENERGY_KIND = "chip_link";

    private final String key;
    private final boolean integral;
    private final String description;

    Metric(String key, boolean integral, String description) {
        this.key = key;
        this.integral = integral;
        this.description = description;
    }

    /** The CSV column name (snake_case, unit included). */
    public String key() {
        return key;
    }

    /** Whether the values are whole numbers (written without a fraction). */
    public boolean integral() {
        return integral;
    }

    public String description() {
        return description;
    }

    public static List<Metric> all() {
        return ALL;
    }

    public static List<String> keys() {
        return ALL.stream().map(Metric::key).toList();
    }

    public static Optional<Metric> byKey(String key) {
        return Arrays.stream(values()).filter(m -> m.key.equals(key)).findFirst();
    }

    /** Every metric of one evaluation, indexed by {@link #ordinal()}, in the units of the keys. */
    /**
     * Every metric of one evaluation on a system of {@code chips} chips (a board's; 1 without one),
     * indexed by {@link #ordinal()}, in the units of the keys.
     */
    public static double[] of(Metrics m, MappingObjectives mapping, int chips) {
        double[] v = new double[ALL.size()];
        v[AREA_MM2.ordinal()] = m.areaM2() * 1e6;
        v[ENERGY_PJ.ordinal()] = m.energyJ() * 1e12;
        v[LATENCY_NS.ordinal()] = m.latencyS() * 1e9;
        v[PIPELINE_INTERVAL_NS.ordinal()] = m.pipelineIntervalS() * 1e9;
        v[THROUGHPUT_INFERENCES_PER_S.ordinal()] = m.throughputPerSecond();
        v[OPS.ordinal()] = m.ops();
        v[TOPS.ordinal()] = m.tops();
        v[TOPS_PER_W.ordinal()] = m.topsPerWatt();
        v[TOPS_PER_MM2.ordinal()] = m.topsPerMm2();
        v[EDP_PJ_NS.ordinal()] = m.edp() * 1e21;
        v[LEAKAGE_POWER_W.ordinal()] = m.leakagePowerW();
        v[CROSSBAR_UTILISATION.ordinal()] = m.crossbarUtilisation();
        v[CORE_UTILISATION.ordinal()] = m.coreUtilisation();
        v[TILES_USED.ordinal()] = mapping.tilesUsed();
        v[CROSSBARS_USED.ordinal()] = mapping.crossbarsUsed();
        v[CORES_USED.ordinal()] = mapping.coresUsed();
        v[TRAFFIC_HOPS.ordinal()] = mapping.trafficHops();
        v[PEAK_TOPS.ordinal()] = m.peak().peakTops();
        v[PEAK_POWER_W.ordinal()] = m.peak().peakPowerW();
        v[PEAK_TOPS_PER_W.ordinal()] = m.peak().peakTopsPerWatt();
        v[PEAK_TOPS_PER_MM2.ordinal()] = m.peak().peakTopsPerMm2();
        v[COMMUNICATION_ENERGY_SHARE.ordinal()] = m.communicationEnergyShare();
        v[COMMUNICATION_TIME_SHARE.ordinal()] = m.communicationTimeShare();
        v[LINK_UTILISATION_MAX.ordinal()] = m.network().maxUtilisation();
        v[LINK_UTILISATION_MEAN.ordinal()] = m.network().meanUtilisation();
        v[SATURATED_LINKS.ordinal()] = m.network().saturated().size();
        v[SNR_DB.ordinal()] = m.snrDb();
        learning(m.learning(), v);
        v[CHIPS.ordinal()] = chips;
        v[CHIP_CROSSING_BITS.ordinal()] = m.network().chipCrossingBits();
        v[BOARD_LINK_UTILISATION_MAX.ordinal()] = m.network().boardUtilisation();
        v[BOARD_ENERGY_SHARE.ordinal()] = m.energyJ() > 0 ? m.energyByKind().get(BOARD_ENERGY_KIND) / m.energyJ() : 0;
        RewriteFigures r = m.rewrite();
        v[REWRITTEN_MAC_SHARE.ordinal()] = m.ops() > 0 ? r.macs() * OpConvention.OPS_PER_MAC / m.ops() : 0;
        v[REWRITE_ENERGY_SHARE.ordinal()] = m.energyJ() > 0 ? r.energyJ() / m.energyJ() : 0;
        v[REWRITE_LIFETIME_S.ordinal()] = r.active() ? r.lifetimeS(m.throughputPerSecond()) : Double.NaN;
        return v;
    }

    /** The learning columns: NaN where the mode has no such figure (inference: none; online learning: no epochs). */
    private static void learning(LearningFigures l, double[] v) {
        boolean active = l.active();
        boolean training = l.mode() == EvaluationMode.TRAINING;
        boolean writes = active && l.cellsWrittenPerUpdate() > 0;
        v[ENERGY_PJ_PER_SAMPLE.ordinal()] = active ? l.energyPerSampleJ() * 1e12 : Double.NaN;
        v[ENERGY_PJ_PER_EPOCH.ordinal()] = training ? l.energyPerEpochJ() * 1e12 : Double.NaN;
        v[TIME_NS_PER_EPOCH.ordinal()] = training ? l.timePerEpochS() * 1e9 : Double.NaN;
        v[WRITE_ENERGY_PJ_PER_UPDATE.ordinal()] = writes ? l.writeEnergyPerUpdateJ() * 1e12 : Double.NaN;
        v[WRITTEN_PRECISION_LEVELS.ordinal()] = writes ? l.writtenPrecisionLevels() : Double.NaN;
        v[LIFETIME_S.ordinal()] = writes && l.lifetimeS() > 0 ? l.lifetimeS() : Double.NaN;
        v[EPOCHS_SURVIVED.ordinal()] = writes && training && l.epochsSurvived() > 0 ? l.epochsSurvived() : Double.NaN;
    }

    /** A value as the CSV writes it: {@link Double#toString}, whole numbers without a fraction for integral metrics. */
    public String format(double value) {
        if (integral && !Double.isNaN(value) && !Double.isInfinite(value) && value == Math.rint(value)
                && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
