package org.memdse.core.network;

import java.util.Objects;

/**
 * A fully connected layer on a vector [F] (or, per step, on a sequence [T, F]).
 *
 * @param inFeatures  the input features the weights expect, checked against the input; 0 = take them from the input
 * @param outFeatures output features
 * @param bias        whether the layer has a bias per output
 * @param batchNorm   whether a folded batch norm follows (2 parameters per output, no crossbar)
 * @param activation  a fused activation, {@link ActivationFunction#IDENTITY} for none
 */
public record Linear(String name, int inFeatures, int outFeatures, boolean bias, boolean batchNorm,
                     ActivationFunction activation) implements NetworkNode {
    public Linear {
        NetworkNode.requireName(name);
        if (inFeatures < 0 || outFeatures < 1) {
            throw new IllegalArgumentException("inFeatures >= 0 and outFeatures >= 1 expected, found " + inFeatures + ", " + outFeatures);
        }
        Objects.requireNonNull(activation, "activation");
    }

    @Override
    public NodeKind kind() {
        return NodeKind.LINEAR;
    }
}
