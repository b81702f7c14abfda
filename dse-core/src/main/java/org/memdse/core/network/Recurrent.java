package org.memdse.core.network;

import java.util.Objects;

/**
 * An LSTM or GRU layer over a sequence [T, F].
 *
 * @param cell             LSTM (4 gates) or GRU (3 gates)
 * @param inFeatures       input features the weights expect, checked; 0 = take them from the input
 * @param hiddenSize       hidden state size
 * @param bias             whether each gate has a bias; one bias vector per gate is counted, because
 *                         PyTorch's and ONNX's two (input and recurrent) are simply added at inference
 * @param returnSequences  output [T, hidden] when true, only the last step [hidden] when false
 */
public record Recurrent(String name, RecurrentCell cell, int inFeatures, int hiddenSize, boolean bias,
                        boolean returnSequences) implements NetworkNode {
    public Recurrent {
        NetworkNode.requireName(name);
        Objects.requireNonNull(cell, "cell");
        if (inFeatures < 0 || hiddenSize < 1) {
            throw new IllegalArgumentException("inFeatures >= 0 and hiddenSize >= 1 expected, found " + inFeatures + ", " + hiddenSize);
        }
    }

    /** Gate matrices: 4 for an LSTM, 3 for a GRU. */
    public int gates() {
        return cell == RecurrentCell.LSTM ? 4 : 3;
    }

    @Override
    public NodeKind kind() {
        return cell == RecurrentCell.LSTM ? NodeKind.LSTM : NodeKind.GRU;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
