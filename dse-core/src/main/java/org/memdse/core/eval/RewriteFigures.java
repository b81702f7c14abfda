package org.memdse.core.eval;

/**
 * What rewriting crossbars with the B operands of products of two computed tensors costs per
 * inference (the rewrite pass's part of {@link Metrics}; {@code activation_products: {run_on:
 * rewritten-crossbars}}). SI units. The write energy and time are also in the layers' figures
 * (energy kind {@code cell_write}, latency cause {@code cell_write}); these are their totals and the wear.
 *
 * @param macs               multiply-accumulates run on rewritten crossbars
 * @param cellsWritten       cells written per inference
 * @param pulsesPerCell      mean programming pulses a written cell takes (verify's corrective pulses included)
 * @param pulsesOfBusiestCell pulses the most-written cell takes per inference
 * @param writeEnergyJ       energy of the programming pulses, J
 * @param verifyEnergyJ      energy of the verify reads and corrective pulses (write-verify), J
 * @param writeTimeS         time of the programming pulses, summed over the rewritten layers, s
 * @param verifyTimeS        time of the verify loop, summed over the rewritten layers, s
 * @param lifetimeInferences inferences until the most-written cell has taken its endurance's pulses
 */
public record RewriteFigures(double macs, double cellsWritten, double pulsesPerCell, double pulsesOfBusiestCell,
                             double writeEnergyJ, double verifyEnergyJ, double writeTimeS, double verifyTimeS,
                             double lifetimeInferences) {
    /** Nothing rewritten. */
    public static final RewriteFigures NONE = new RewriteFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public RewriteFigures {
        NonFiniteResultException.requireFinite("rewritten MACs", macs);
        NonFiniteResultException.requireFinite("cells rewritten", cellsWritten);
        NonFiniteResultException.requireFinite("pulses per rewritten cell", pulsesPerCell);
        NonFiniteResultException.requireFinite("pulses of the busiest rewritten cell", pulsesOfBusiestCell);
        NonFiniteResultException.requireFinite("rewrite energy", writeEnergyJ);
        NonFiniteResultException.requireFinite("rewrite verify energy", verifyEnergyJ);
        NonFiniteResultException.requireFinite("rewrite time", writeTimeS);
        NonFiniteResultException.requireFinite("rewrite verify time", verifyTimeS);
        NonFiniteResultException.requireFinite("rewrite lifetime", lifetimeInferences);
    }

    /** Whether anything was rewritten. */
    public boolean active() {
        return cellsWritten > 0;
    }

    /** Write and verify energy per inference, J. */
    public double energyJ() {
        return writeEnergyJ + verifyEnergyJ;
    }

    /** Write and verify time per inference, s. */
    public double timeS() {
        return writeTimeS + verifyTimeS;
    }

    /** Seconds until the most-written cell wears out at {@code inferencesPerSecond} (0 when nothing is rewritten). */
    public double lifetimeS(double inferencesPerSecond) {
        return active() && inferencesPerSecond > 0 ? lifetimeInferences / inferencesPerSecond : 0;
    }
}
