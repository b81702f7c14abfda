package org.memdse.cli.calibrate;

import org.memdse.core.eval.Metrics;

/** The figures a trend check compares between a chip and its single-knob variant. */
public enum TrendMetric {
    AREA("area"),
    ENERGY("energy per inference"),
    LATENCY("latency (layer by layer)"),
    PIPELINE_INTERVAL("pipeline interval"),
    TOPS_PER_W("TOPS/W");

    private final String label;

    TrendMetric(String label) {
        this.label = label;
    }

    /** As printed. */
    public String label() {
        return label;
    }

    /** The value in SI units (m², J, s, s) or TOPS/W. */
    public double of(Metrics m) {
        return switch (this) {
            case AREA -> m.areaM2();
            case ENERGY -> m.energyJ();
            case LATENCY -> m.latencyS();
            case PIPELINE_INTERVAL -> m.pipelineIntervalS();
            case TOPS_PER_W -> m.topsPerWatt();
        };
    }
}
