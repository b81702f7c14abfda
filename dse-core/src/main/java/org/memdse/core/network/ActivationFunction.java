package org.memdse.core.network;

import org.memdse.core.spec.Keyed;

/** An element-wise nonlinearity, as a layer of its own or fused into a conv/linear/add layer. */
public enum ActivationFunction implements Keyed {
    /** no nonlinearity (the default of a fused activation). */
    IDENTITY("identity"),
    /** max(0, x). */
    RELU("relu"),
    /** min(max(0, x), 6), as in MobileNetV2. */
    RELU6("relu6"),
    /** x for x > 0, else a·x. */
    LEAKY_RELU("leaky-relu"),
    /** 1 / (1 + e^-x). */
    SIGMOID("sigmoid"),
    /** hyperbolic tangent. */
    TANH("tanh"),
    /** piecewise-linear sigmoid. */
    HARD_SIGMOID("hard-sigmoid"),
    /** x · hard-sigmoid(x). */
    HARD_SWISH("hard-swish"),
    /** x · sigmoid(x) (swish). */
    SILU("silu"),
    /** Gaussian error linear unit. */
    GELU("gelu"),
    /** exponential linear unit. */
    ELU("elu"),
    /** normalised exponentials over the features. */
    SOFTMAX("softmax");

    private final String key;

    ActivationFunction(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
