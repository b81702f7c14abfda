package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/**
 * The device flavour of a technology's logic transistors (ITRS roadmap classes, as CACTI and
 * DNN+NeuroSim choose them): it sets the off-current, hence the leakage of every CMOS circuit.
 */
public enum TransistorFlavour implements Keyed {
    /** High performance: low threshold, high off-current (ISAAC's and puma's 32 nm figures). */
    HP("hp"),
    /** Low standby power: high threshold, off-current about 10^4 times lower (DNN+NeuroSim's default). */
    LSTP("lstp");

    private final String key;

    TransistorFlavour(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
