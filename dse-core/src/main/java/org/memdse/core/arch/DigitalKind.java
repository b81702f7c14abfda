package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** A digital unit of a tile. */
public enum DigitalKind implements Keyed {
    /** activation function (ReLU, sigmoid...). */
    ACTIVATION("activation"),
    /** max / average pooling. */
    POOLING("pooling"),
    /** partial-sum accumulator. */
    ACCUMULATOR("accumulator"),
    /** shift-and-add of bit slices. */
    SHIFT_ADD("shift-add"),
    /** re-quantisation of outputs. */
    QUANTIZER("quantizer"),
    /** multiply-accumulate of two computed operands (attention's products), 8-bit × 8-bit into 32 bits. */
    MAC("mac");

    private final String key;

    DigitalKind(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
