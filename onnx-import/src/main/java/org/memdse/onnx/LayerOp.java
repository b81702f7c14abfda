package org.memdse.onnx;

import java.util.List;
import java.util.Objects;

/**
 * What an imported layer computes, with the geometry that decides its weights and operation
 * counts. Shapes and lists follow ONNX's order (spatial dimensions in file order; pads as
 * begin then end values per spatial axis).
 */
public sealed interface LayerOp {
    /** The ONNX-side name of the kind, for messages and tests ("conv", "dense", ...). */
    String kind();

    /** A graph input: the activations that enter the network. */
    record Input() implements LayerOp {
        public String kind() {
            return "input";
        }
    }

    /**
     * A convolution (1-, 2- or 3-D) with a weight tensor of shape [out, in/groups, kernel...].
     *
     * @param batchNormFolded whether a following BatchNormalization was folded into it
     */
    record Conv(long inChannels, long outChannels, List<Long> kernel, List<Long> strides, List<Long> padsBegin,
                List<Long> padsEnd, List<Long> dilations, long groups, boolean bias, boolean batchNormFolded)
            implements LayerOp {
        public Conv {
            kernel = List.copyOf(kernel);
            strides = List.copyOf(strides);
            padsBegin = List.copyOf(padsBegin);
            padsEnd = List.copyOf(padsEnd);
            dilations = List.copyOf(dilations);
        }

        public String kind() {
            return "conv";
        }

        Conv withBias(boolean b, boolean folded) {
            return new Conv(inChannels, outChannels, kernel, strides, padsBegin, padsEnd, dilations, groups, b, folded);
        }

        Conv withExtraPadding(List<Long> begin, List<Long> end) {
            return new Conv(inChannels, outChannels, kernel, strides, add(padsBegin, begin), add(padsEnd, end),
                    dilations, groups, bias, batchNormFolded);
        }
    }

    /** A fully connected layer (Gemm, or MatMul by a constant matrix): in × out weights. */
    record Dense(long inFeatures, long outFeatures, boolean bias, boolean batchNormFolded) implements LayerOp {
        public String kind() {
            return "dense";
        }

        Dense withBias(boolean b, boolean folded) {
            return new Dense(inFeatures, outFeatures, b, folded);
        }
    }

    /** A product of two computed tensors (e.g. attention scores): MACs but no stored weights. */
    record MatMul(long m, long k, long n) implements LayerOp {
        public String kind() {
            return "matmul";
        }
    }

    /** Layer normalisation over the last axis; {@code affine} when it has a scale (and shift). */
    record LayerNorm(long features, boolean affine) implements LayerOp {
        public String kind() {
            return "layer_norm";
        }
    }

    /** A Gather of one constant index of a computed tensor along an axis (dropped): the [CLS] token. */
    record Select(int axis, long index) implements LayerOp {
        public String kind() {
            return "select";
        }
    }

    /** A Gather of rows of a constant table by computed indices: a token or position embedding. */
    record Embedding(long vocabulary, long features) implements LayerOp {
        public String kind() {
            return "embedding";
        }
    }

    /**
     * An element-wise arithmetic operator with at least one computed operand (Mul, Div, Sub, Pow,
     * Sqrt, Where, ...), by its ONNX name in snake_case; {@code operands} counts the computed ones.
     */
    record Elementwise(String function, int operands) implements LayerOp {
        public Elementwise {
            Objects.requireNonNull(function, "function");
        }

        public String kind() {
            return "elementwise";
        }
    }

    /** Max or average pooling; global pooling has the whole spatial extent as its kernel. */
    record Pool(boolean max, boolean global, List<Long> kernel, List<Long> strides, List<Long> padsBegin,
                List<Long> padsEnd, List<Long> dilations, boolean ceilMode) implements LayerOp {
        public Pool {
            kernel = List.copyOf(kernel);
            strides = List.copyOf(strides);
            padsBegin = List.copyOf(padsBegin);
            padsEnd = List.copyOf(padsEnd);
            dilations = List.copyOf(dilations);
        }

        public String kind() {
            return (global ? "global_" : "") + (max ? "max_pool" : "avg_pool");
        }
    }

    /** An element-wise nonlinearity, by its ONNX operator name in snake_case ("relu", "leaky_relu", "clip"). */
    record Activation(String function) implements LayerOp {
        public Activation {
            Objects.requireNonNull(function, "function");
        }

        public String kind() {
            return "activation";
        }
    }

    /** A batch normalization that had no convolution or dense layer to fold into. */
    record BatchNorm(long channels) implements LayerOp {
        public String kind() {
            return "batch_norm";
        }
    }

    /** Element-wise sum of two or more computed tensors (a residual join). */
    record Add(int operands) implements LayerOp {
        public String kind() {
            return "add";
        }
    }

    /** Concatenation along an axis (of the full ONNX shape, batch axis included). */
    record Concat(int axis) implements LayerOp {
        public String kind() {
            return "concat";
        }
    }

    /** A change of shape without arithmetic: Flatten, Reshape, Squeeze, Unsqueeze, Transpose. */
    record Reshape(String onnxOp) implements LayerOp {
        public String kind() {
            return "reshape";
        }
    }

    /** Explicit padding that could not be folded into a following convolution or pooling. */
    record Pad(List<Long> padsBegin, List<Long> padsEnd, String mode) implements LayerOp {
        public Pad {
            padsBegin = List.copyOf(padsBegin);
            padsEnd = List.copyOf(padsEnd);
        }

        public String kind() {
            return "pad";
        }
    }

    /** An LSTM or GRU over a sequence. */
    /**
     * @param batchFirst      ONNX layout 1: X is [batch, seq, input] rather than [seq, batch, input]
     * @param returnSequences whether output Y (every step) is used, not only the final state
     */
    record Recurrent(boolean lstm, long inputSize, long hiddenSize, int directions, long sequenceLength,
                     boolean bias, boolean batchFirst, boolean returnSequences) implements LayerOp {
        public String kind() {
            return lstm ? "lstm" : "gru";
        }

        /** Gates per cell: ONNX stacks them in W and R (LSTM i,o,f,c; GRU z,r,h). */
        public int gates() {
            return lstm ? 4 : 3;
        }
    }

    /** An operator the importer does not model, passed through because the user asked to skip it. */
    record Skipped(String onnxOp) implements LayerOp {
        public String kind() {
            return "skipped";
        }
    }

    private static List<Long> add(List<Long> a, List<Long> b) {
        Long[] r = new Long[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i) + b.get(i);
        }
        return List.of(r);
    }
}
