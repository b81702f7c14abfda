package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** What an {@link Elementwise} node computes; each is one digital operation per output element. */
public enum ElementwiseOp implements Keyed {
    /** sum with a constant (a position embedding, a bias no weight layer absorbed). */
    ADD("add"),
    /** product (attention scaling, gating). */
    MUL("mul"),
    /** quotient (attention scaling by √d). */
    DIV("div"),
    /** difference. */
    SUB("sub"),
    /** power. */
    POW("pow"),
    /** square root. */
    SQRT("sqrt"),
    /** 1/x. */
    RECIPROCAL("reciprocal"),
    /** e^x. */
    EXP("exp"),
    /** the error function (GELU's building block). */
    ERF("erf"),
    /** −x. */
    NEG("neg"),
    /** element-wise maximum or minimum. */
    MAX("max"),
    /** select by a condition (attention masks). */
    WHERE("where");

    private final String key;

    ElementwiseOp(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
