package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/**
 * How the spread of a programmed conductance depends on its target. Each fit gives the standard
 * deviation of a cell programmed to {@code g = G / G_max} (0..1), relative to {@code G_max}; the
 * published fits are in µS at a reference G_max and are scaled to the device's range by g (the
 * fits are copied into docs/reference/accuracy.md).
 */
public enum ProgrammingFit implements Keyed {
    /** one relative sigma for every level (the description's {@code programming_error: 0.05}). */
    CONSTANT("constant"),
    /**
     * PCM after iterative programming, aihwkit {@code inference/noise/pcm.py} (Nandakumar et al.,
     * ICECS 2019): σ = 0.26348 + 1.9650 g − 1.1731 g² µS at G_max = 25 µS.
     */
    PCM_NANDAKUMAR_2019("pcm-nandakumar-2019"),
    /**
     * RRAM after write-verify, CrossSim {@code RRAM_Wan} (NeuRRAM, Nature 2022, ED Fig. 3):
     * σ = 1.536e-4 G³ − 1.167e-2 G² + 0.2374 G + 1.053 µS for G ≤ 39.26 µS.
     */
    RRAM_WAN_2022("rram-wan-2022"),
    /**
     * RRAM after the IGVVA-100 write-verify, CrossSim {@code RRAM_Milo} (IRPS 2021):
     * σ = max(−0.009107 G + 4.782321, 0) µS, valid 50–225 µS (g maps onto that range).
     */
    RRAM_MILO_2021("rram-milo-2021");

    private final String key;

    ProgrammingFit(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    /**
     * Standard deviation of a cell programmed to {@code g} (clamped to 0..1), relative to G_max;
     * {@code constant} is the sigma of {@link #CONSTANT}.
     */
    public double relativeSigma(double g, double constant) {
        double x = Math.max(0, Math.min(1, g));
        switch (this) {
            case PCM_NANDAKUMAR_2019:
                return (0.26348 + 1.9650 * x - 1.1731 * x * x) / 25.0;
            case RRAM_WAN_2022: {
                double gMax = 39.26;
                double us = x * gMax;
                return (1.536e-4 * us * us * us - 1.167e-2 * us * us + 0.2374 * us + 1.053) / gMax;
            }
            case RRAM_MILO_2021: {
                double us = 50 + x * 175;
                return Math.max(-0.009107 * us + 4.782321, 0) / 225.0;
            }
            default:
                return constant;
        }
    }
}
