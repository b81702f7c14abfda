package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How a neuron is built. */
public enum NeuronCircuit implements Keyed {
    /** CMOS neuron circuit (capacitor, comparator). */
    CMOS("cmos"),
    /** volatile diffusive memristor neuron. */
    DIFFUSIVE_MEMRISTOR("diffusive-memristor"),
    /** other memristive neuron (e.g. threshold switch). */
    MEMRISTIVE("memristive");

    private final String key;

    NeuronCircuit(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
