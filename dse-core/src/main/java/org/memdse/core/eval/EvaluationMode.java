package org.memdse.core.eval;

import org.memdse.core.spec.Keyed;

/** What an evaluation prices: inference alone, or inference plus on-chip learning. */
public enum EvaluationMode implements Keyed {
    /** inference only: learning blocks are ignored. */
    INFERENCE("inference"),
    /** in-situ training of the CIM tiles whose learning rule is in-situ-backprop, per sample, batch and epoch. */
    TRAINING("training"),
    /** inference with the SNN cores' spike-timing rules updating synapses as events arrive. */
    ONLINE_LEARNING("online-learning");

    private final String key;

    EvaluationMode(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
