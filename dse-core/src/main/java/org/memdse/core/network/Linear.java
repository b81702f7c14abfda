package org.memdse.core.network;

import java.util.Objects;
import java.util.Optional;

/**
 * A fully connected layer on a vector [F] (or, per step, on a sequence [T, F]).
 *
 * @param inFeatures  the input features the weights expect, checked against the input; 0 = take them from the input
 * @param outFeatures output features
 * @param bias        whether the layer has a bias per output
 * @param batchNorm   whether a folded batch norm follows (2 parameters per output, no crossbar)
 * @param activation  a fused activation, {@link ActivationFunction#IDENTITY} for none
 * @param tiedTo      the embedding whose table these weights are (transposed: features x vocabulary),
 *                    as a language model's output layer shares its token embedding; the weights then
 *                    count as that table's parameters, not again here (the crossbars still hold them)
 */
public record Linear(String name, int inFeatures, int outFeatures, boolean bias, boolean batchNorm,
                     ActivationFunction activation, Optional<String> tiedTo) implements NetworkNode {
    public Linear {
        NetworkNode.requireName(name);
        if (inFeatures < 0 || outFeatures < 1) {
            throw new IllegalArgumentException("inFeatures >= 0 and outFeatures >= 1 expected, found " + inFeatures + ", " + outFeatures);
        }
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(tiedTo, "tiedTo");
    }

    /** A layer with weights of its own. */
    public Linear(String name, int inFeatures, int outFeatures, boolean bias, boolean batchNorm,
                  ActivationFunction activation) {
        this(name, inFeatures, outFeatures, bias, batchNorm, activation, Optional.empty());
    }

    @Override
    public NodeKind kind() {
        return NodeKind.LINEAR;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
