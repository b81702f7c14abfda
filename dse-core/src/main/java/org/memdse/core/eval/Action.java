package org.memdse.core.eval;

import org.memdse.core.spec.Keyed;

/**
 * What a component does, once: the unit in which the evaluator counts work and cost models
 * price energy and latency (Accelergy's actions).
 */
public enum Action implements Keyed {
    /** Crossbar: one read cycle of a whole array (all rows driven, all columns sensed). Buffer: one access of its width. */
    READ("read"),
    /** Crossbar: programming one cell. Buffer: one write of its width. */
    WRITE("write"),
    /** ADC or interface: one conversion. */
    CONVERT("convert"),
    /** DAC / driver: driving one row for one read cycle. */
    DRIVE("drive"),
    /** Sample-and-hold: holding one column's output. */
    SAMPLE("sample"),
    /** Shift-and-add, digital unit: one operation on one value. */
    COMPUTE("compute"),
    /** Neuron: one membrane update (one time step). */
    UPDATE("update"),
    /** Neuron: emitting one spike. */
    SPIKE("spike"),
    /** Synapse array: one synaptic event (a spike meeting one synapse). */
    SYNAPTIC_EVENT("synaptic_event"),
    /** Reservoir array: one masked input pulse on one dynamic memristor. */
    PULSE("pulse"),
    /** Encoder: encoding one sample of one channel. */
    ENCODE("encode"),
    /** Router: one flit (or spike packet) through it. */
    TRAVERSE("traverse"),
    /** Link: one flit across it; chip link: one bit. */
    TRANSFER("transfer");

    private final String key;

    Action(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
