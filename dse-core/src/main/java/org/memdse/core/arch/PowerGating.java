package org.memdse.core.arch;

import java.util.Objects;
import java.util.OptionalDouble;
import org.memdse.core.spec.Keyed;

/**
 * Power gating of idle tiles and cores: every tile and core gets a sleep switch between it and
 * the supply, and the ones a mapping gives no work are switched off for as long as that mapping
 * is loaded. What it costs (the cost models price it): the switches' area in every tile and core,
 * and the leakage a switched-off block still lets through.
 *
 * @param gate            which blocks are switched off
 * @param residualLeakage share of a switched-off block's leakage that still flows, 0..1
 * @param switchArea      published area of one tile's or core's sleep switch, m^2; empty: the
 *                        cost model sizes it from the block's peak current
 */
public record PowerGating(Gate gate, double residualLeakage, OptionalDouble switchArea) {
    /**
     * 1/20: a sleep transistor cut a 32-bit integer core's leakage 20× in silicon (Tschanz et al.,
     * "Dynamic sleep transistor and body bias for active leakage power control of
     * microprocessors", IEEE JSSC 38(11), 2003: PMOS sleep transistor, 100 nm, 20× leakage
     * reduction at 4 % performance loss; power-gating.md §1).
     */
    public static final double DEFAULT_RESIDUAL_LEAKAGE = 1 / 20.0;

    /** No sleep switches: every block leaks all the time (the default). */
    public static final PowerGating NONE = new PowerGating(Gate.NONE, DEFAULT_RESIDUAL_LEAKAGE, OptionalDouble.empty());

    /** Which blocks are switched off. */
    public enum Gate implements Keyed {
        /** No switches; everything stays powered. */
        NONE("none"),
        /** The tiles and cores that hold none of the mapped network's units. */
        UNUSED("unused");

        private final String key;

        Gate(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    public PowerGating {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(switchArea, "switchArea");
        if (!(residualLeakage >= 0 && residualLeakage <= 1)) {
            throw new IllegalArgumentException("residualLeakage must be in 0..1, was " + residualLeakage);
        }
        if (switchArea.isPresent() && !(switchArea.getAsDouble() >= 0)) {
            throw new IllegalArgumentException("switchArea must be >= 0, was " + switchArea.getAsDouble());
        }
    }

    /** Whether there are sleep switches at all. */
    public boolean enabled() {
        return gate != Gate.NONE;
    }
}
