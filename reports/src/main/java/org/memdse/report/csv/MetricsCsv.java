package org.memdse.report.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.Metrics;

/**
 * One evaluation as a long-format CSV ({@code section,key,value,unit}): the totals, the peak
 * figures and every breakdown, so a spreadsheet can pivot it. Numbers are written with
 * {@link Double#toString} (locale-free, exact).
 */
public final class MetricsCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader("section", "key", "value", "unit").setRecordSeparator('\n').get();

    private MetricsCsv() {
    }

    public static void write(Metrics m, Appendable out) {
        try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
            row(p, "total", "area_mm2", m.areaM2() * 1e6, "mm^2");
            row(p, "total", "energy_pj", m.energyJ() * 1e12, "pJ");
            row(p, "total", "latency_ns", m.latencyS() * 1e9, "ns");
            row(p, "total", "pipeline_interval_ns", m.pipelineIntervalS() * 1e9, "ns");
            row(p, "total", "throughput_inferences_per_s", m.throughputPerSecond(), "1/s");
            row(p, "total", "ops", m.ops(), "ops");
            row(p, "total", "tops", m.tops(), "TOPS");
            row(p, "total", "tops_per_w", m.topsPerWatt(), "TOPS/W");
            row(p, "total", "tops_per_mm2", m.topsPerMm2(), "TOPS/mm^2");
            row(p, "total", "edp_pj_ns", m.edp() * 1e21, "pJ*ns");
            row(p, "total", "leakage_power_w", m.leakagePowerW(), "W");
            row(p, "total", "crossbar_utilisation", m.crossbarUtilisation(), "1");
            row(p, "total", "core_utilisation", m.coreUtilisation(), "1");
            row(p, "idle", "tiles", m.idle().tiles(), "count");
            row(p, "idle", "idle_tiles", m.idle().idleTiles(), "count");
            row(p, "idle", "cores", m.idle().cores(), "count");
            row(p, "idle", "idle_cores", m.idle().idleCores(), "count");
            row(p, "idle", "power_gated", m.idle().powerGated() ? 1 : 0, "1");
            row(p, "idle", "static_energy_share", m.staticShare(), "1");
            row(p, "idle", "mostly_idle", m.mostlyIdle() ? 1 : 0, "1");
            row(p, "communication", "energy_pj", m.communicationEnergyJ() * 1e12, "pJ");
            row(p, "communication", "energy_share", m.communicationEnergyShare(), "1");
            row(p, "communication", "time_ns", m.communicationTimeS() * 1e9, "ns");
            row(p, "communication", "time_share", m.communicationTimeShare(), "1");
            row(p, "communication", "link_utilisation_max", m.network().maxUtilisation(), "1");
            row(p, "communication", "link_utilisation_mean", m.network().meanUtilisation(), "1");
            row(p, "communication", "links_loaded", m.network().linksLoaded(), "count");
            row(p, "communication", "queueing_ns", m.network().queueingS() * 1e9, "ns");
            row(p, "communication", "saturated_links", m.network().saturated().size(), "count");
            row(p, "peak", "peak_tops", m.peak().peakTops(), "TOPS");
            row(p, "peak", "peak_power_w", m.peak().peakPowerW(), "W");
            row(p, "peak", "peak_tops_per_w", m.peak().peakTopsPerWatt(), "TOPS/W");
            row(p, "peak", "peak_tops_per_mm2", m.peak().peakTopsPerMm2(), "TOPS/mm^2");
            // The accuracy estimate: absent when no crossbar layer computes (nothing is estimated).
            if (!Double.isNaN(m.snrDb())) {
                row(p, "accuracy_estimate", "snr_db", m.snrDb(), "dB");
                breakdown(p, "snr_db_by_source", m.snrDbBySource(), 1, "dB");
                breakdown(p, "snr_db_by_layer", m.snrDbByLayer(), 1, "dB");
            }
            breakdown(p, "area_mm2_by_kind", m.areaByKind(), 1e6, "mm^2");
            breakdown(p, "area_mm2_by_subsystem", m.areaBySubsystem(), 1e6, "mm^2");
            breakdown(p, "energy_pj_by_kind", m.energyByKind(), 1e12, "pJ");
            breakdown(p, "energy_pj_by_layer", m.energyByLayer(), 1e12, "pJ");
            breakdown(p, "latency_ns_by_layer", m.latencyByLayer(), 1e9, "ns");
            breakdown(p, "latency_ns_by_cause", m.latencyByCause(), 1e9, "ns");
            // One section per cause (layer names may hold any character, so no compound keys).
            for (String cause : m.latencyByCause().parts().keySet()) {
                for (Map.Entry<String, Breakdown> e : m.latencyByLayerAndCause().entrySet()) {
                    if (e.getValue().parts().containsKey(cause)) {
                        row(p, "latency_ns_by_layer_" + cause, e.getKey(), e.getValue().get(cause) * 1e9, "ns");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void breakdown(CSVPrinter p, String section, Breakdown b, double scale, String unit) throws IOException {
        for (Map.Entry<String, Double> e : b.parts().entrySet()) {
            row(p, section, e.getKey(), e.getValue() * scale, unit);
        }
    }

    private static void row(CSVPrinter p, String section, String key, double value, String unit) throws IOException {
        p.printRecord(section, key, Double.toString(value), unit);
    }
}
