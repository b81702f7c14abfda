package org.memdse.cli.calibrate;

import org.memdse.core.eval.Metrics;

/**
 * The figures a trend check compares between a chip and its single-knob variant: the five every
 * check shows, and energies of one component kind, shown only by the checks that expect them.
 */
public enum TrendMetric {
    AREA("area", true),
    ENERGY("energy per inference", true),
    LATENCY("latency (layer by layer)", true),
    PIPELINE_INTERVAL("pipeline interval", true),
    TOPS_PER_W("TOPS/W", true),
    /** The crossbars' read energy (cells conducting while their row is driven). */
    ARRAY_ENERGY("array read energy", false),
    /** The row drivers' (DACs') energy. */
    DRIVER_ENERGY("row-driver energy", false),
    /** The wires' energy: network links, tile wiring and the global buffer's bus. */
    WIRE_ENERGY("wire energy", false),
    /** The spike routers' energy: spike packets over their hops between SNN cores. */
    SPIKE_ENERGY("spike-router energy", false);

    private final String label;
    private final boolean always;

    TrendMetric(String label, boolean always) {
        this.label = label;
        this.always = always;
    }

    /** Whether every check shows it, or only a check that expects it. */
    public boolean always() {
        return always;
    }

    /** As printed. */
    public String label() {
        return label;
    }

    /** The value in SI units (m², J, s, s, J, J, J, J) or TOPS/W. */
    public double of(Metrics m) {
        return switch (this) {
            case AREA -> m.areaM2();
            case ENERGY -> m.energyJ();
            case LATENCY -> m.latencyS();
            case PIPELINE_INTERVAL -> m.pipelineIntervalS();
            case TOPS_PER_W -> m.topsPerWatt();
            case ARRAY_ENERGY -> m.energyByKind().get("crossbar");
            case DRIVER_ENERGY -> m.energyByKind().get("dac");
            case WIRE_ENERGY -> m.energyByKind().get("link") + m.energyByKind().get("tile_wiring")
                    + m.energyByKind().get("global_bus");
            case SPIKE_ENERGY -> m.energyByKind().get("spike_router");
        };
    }
}
