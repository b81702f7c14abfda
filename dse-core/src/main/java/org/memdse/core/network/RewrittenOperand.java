package org.memdse.core.network;

import java.util.List;
import java.util.Optional;

/**
 * The B operand of a product of two computed tensors ({@link MatMul}, {@code A[..., m, k] ×
 * B[..., k, n]}) as crossbars rewritten per input hold it: each of B's {@code groups} matrices
 * (a transformer's heads: Kᵀ or V of one head) is a {@code k × n} matrix of activations, written
 * into cells before the inference's rows of A are applied to it. As a grouped convolution's
 * groups, the matrices are independent: {@code matrix} gives the rows of one and the columns of
 * all ({@code k × groups·n}), and every group is read by {@code matrix.vmmsPerInference()}
 * vectors: its head's m rows of A, times the leading dimensions of A that B broadcasts over (a B
 * without a head dimension serves every head of A).
 *
 * @param matrix the operand as a weight matrix: rows k, columns groups × n, activation bits per
 *               value, vectors per group
 * @param groups B's matrices (the product of its leading dimensions)
 */
public record RewrittenOperand(WeightMatrix matrix, int groups) {
    public RewrittenOperand {
        if (groups < 1 || matrix.cols() % groups != 0) {
            throw new IllegalArgumentException("groups: must divide the matrix columns, found " + groups + " for "
                    + matrix);
        }
    }

    /** The B operand of {@code node} when it is a product of two computed tensors, else empty. */
    public static Optional<RewrittenOperand> of(NetworkGraph network, NetworkNode node) {
        if (!(node instanceof MatMul)) {
            return Optional.empty();
        }
        NodeStats stats = network.stats(node);
        List<Shape> in = stats.inputShapes();
        Shape a = in.get(0);
        Shape b = in.get(1);
        int m = a.dim(a.rank() - 2);
        int k = b.dim(b.rank() - 2);
        int n = b.dim(b.rank() - 1);
        long bMatrices = 1;
        for (int i = 0; i < b.rank() - 2; i++) {
            bMatrices *= b.dim(i);
        }
        Shape out = stats.outputShape();
        long products = 1;
        for (int i = 0; i < out.rank() - 2; i++) {
            products *= out.dim(i);
        }
        // Every product of the output's leading dimensions multiplies one of B's matrices: B's own
        // matrices each serve products / bMatrices of them.
        long vectors = (long) m * (products / bMatrices);
        long cols = bMatrices * (long) n;
        if (cols > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new RewrittenOperand(new WeightMatrix(k, (int) cols, network.activationBits(), vectors),
                (int) bMatrices));
    }

    /**
     * The matrix a crossbar layer holds: the node's weights, or the rewritten B operand of a
     * product of two computed tensors (which the mapper puts on crossbars only when the
     * architecture rewrites them; every other reader sees no crossbar for it).
     */
    public static Optional<WeightMatrix> crossbarMatrix(NetworkGraph network, NetworkNode node) {
        Optional<WeightMatrix> w = network.stats(node).weights();
        return w.isPresent() ? w : of(network, node).map(RewrittenOperand::matrix);
    }
}
