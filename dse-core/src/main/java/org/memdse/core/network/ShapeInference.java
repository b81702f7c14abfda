package org.memdse.core.network;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shape inference and per-node counts, one node at a time in topological order. A problem with a
 * node's inputs or settings is a {@link Problem} naming the offending key; {@link NetworkBuilder}
 * turns it into a diagnostic at that key.
 */
final class ShapeInference {
    /** A forward input of the node being inferred: its producer and what the producer sends. */
    record In(NetworkNode node, NodeStats stats) {
        String name() {
            return node.name();
        }

        Shape shape() {
            return stats.outputShape();
        }
    }

    /** Something wrong with a node; {@code key} is the YAML key to point at ("inputs", "in_features", ...). */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;
        private final String key;

        Problem(String key, String message) {
            super(message, null, false, false);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private final int weightBits;
    private final int activationBits;

    ShapeInference(int weightBits, int activationBits) {
        this.weightBits = weightBits;
        this.activationBits = activationBits;
    }

    /**
     * Stats of {@code node} given its forward inputs; the arity was checked by the builder. Counts
     * are exact: one that passes what a long holds (elements, MACs, parameters of absurd but
     * well-formed sizes, e.g. a [2^31, 2^31] input into a linear layer of 2^31 outputs) is a
     * problem of the layer, not a wrapped number priced as a small one.
     */
    NodeStats infer(NetworkNode node, List<In> inputs) throws Problem {
        try {
            return inferCounted(node, inputs);
        } catch (ArithmeticException e) {
            throw new Problem("", describe(node) + " counts more elements, weights or operations per inference than "
                    + "memdse holds (" + Long.MAX_VALUE + "); make its shape or sizes smaller");
        }
    }

    private NodeStats inferCounted(NetworkNode node, List<In> inputs) throws Problem {
        if (node instanceof InputNode n) {
            return activations(List.of(), n.shape(), Optional.empty(), 0, 0, 0, 0);
        }
        if (node instanceof Encoder n) {
            return new NodeStats(List.of(), n.shape(), Signal.SPIKES, 0, Optional.empty(), 0, 0, 0, 0,
                    n.shape().elements(), n.timeSteps(), n.firingRate(), 0, 0);
        }
        if (node instanceof Conv2d n) {
            return conv2d(n, single(inputs));
        }
        if (node instanceof Linear n) {
            return linear(n, single(inputs));
        }
        if (node instanceof Pool2d n) {
            return pool(n, single(inputs));
        }
        if (node instanceof GlobalPool n) {
            In in = single(inputs);
            Shape s = featureMap(n, in);
            return activations(inputs, shape(s.dim(0), 1, 1), Optional.empty(), 0, 0, s.elements(), in.shape().elements());
        }
        if (node instanceof Activation n) {
            In in = single(inputs);
            requireActivations(n, in);
            return activations(inputs, in.shape(), Optional.empty(), 0, 0, in.shape().elements(), in.shape().elements());
        }
        if (node instanceof BatchNorm n) {
            In in = single(inputs);
            requireActivations(n, in);
            return activations(inputs, in.shape(), Optional.empty(), 2L * in.shape().dim(0), 0, 0, in.shape().elements());
        }
        if (node instanceof Add n) {
            return add(n, inputs);
        }
        if (node instanceof Concat n) {
            return concat(n, inputs);
        }
        if (node instanceof Flatten n) {
            In in = single(inputs);
            requireActivations(n, in);
            return activations(inputs, shape(toInt(in.shape().elements())), Optional.empty(), 0, 0, 0, in.shape().elements());
        }
        if (node instanceof Reshape n) {
            return reshape(n, single(inputs));
        }
        if (node instanceof Recurrent n) {
            return recurrent(n, single(inputs));
        }
        if (node instanceof Population n) {
            return population(n, inputs);
        }
        if (node instanceof Projection n) {
            return projection(n, single(inputs));
        }
        if (node instanceof Integration n) {
            return integration(n, single(inputs));
        }
        if (node instanceof MatMul n) {
            return matMul(n, inputs);
        }
        if (node instanceof LayerNorm n) {
            return layerNorm(n, single(inputs));
        }
        if (node instanceof Embedding n) {
            return embedding(n, single(inputs));
        }
        if (node instanceof Elementwise n) {
            return elementwise(n, inputs);
        }
        if (node instanceof Select n) {
            return select(n, single(inputs));
        }
        if (node instanceof Reservoir n) {
            return reservoir(n, single(inputs));
        }
        throw new IllegalStateException("no shape inference for " + node.kind());
    }

    /**
     * A[..., m, k] × B[..., k, n]: the leading dimensions broadcast, one MAC per (batch, m, k, n),
     * each a digital operation (neither operand can sit on a crossbar ahead of the inference).
     */
    private NodeStats matMul(MatMul n, List<In> inputs) throws Problem {
        In a = inputs.get(0);
        In b = inputs.get(1);
        requireActivations(n, a);
        requireActivations(n, b);
        Shape as = a.shape();
        Shape bs = b.shape();
        if (as.rank() < 2 || bs.rank() < 2) {
            throw new Problem("inputs", describe(n) + " multiplies two matrices [..., m, k] and [..., k, n], but '"
                    + a.name() + "' gives " + as + " and '" + b.name() + "' gives " + bs);
        }
        int m = as.dim(as.rank() - 2);
        int k = as.dim(as.rank() - 1);
        int kb = bs.dim(bs.rank() - 2);
        int cols = bs.dim(bs.rank() - 1);
        if (k != kb) {
            throw new Problem("inputs", describe(n) + ": '" + a.name() + "' (" + as + ") has " + k + " columns, but '"
                    + b.name() + "' (" + bs + ") has " + kb + " rows");
        }
        List<Integer> lead = broadcast(n, as.dims().subList(0, as.rank() - 2), bs.dims().subList(0, bs.rank() - 2),
                a, b);
        List<Integer> out = new ArrayList<>(lead);
        out.add(m);
        out.add(cols);
        long batch = 1;
        for (int d : lead) {
            batch = Math.multiplyExact(batch, (long) d);
        }
        long macs = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(batch, (long) m), (long) k), (long) cols);
        return activations(inputs, new Shape(out), Optional.empty(), 0, macs, macs, sumInputs(inputs));
    }

    private static List<Integer> broadcast(NetworkNode n, List<Integer> x, List<Integer> y, In a, In b) throws Problem {
        int r = Math.max(x.size(), y.size());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            int p = i < r - x.size() ? 1 : x.get(i - (r - x.size()));
            int q = i < r - y.size() ? 1 : y.get(i - (r - y.size()));
            if (p != q && p != 1 && q != 1) {
                throw new Problem("inputs", describe(n) + ": the shapes of '" + a.name() + "' (" + a.shape() + ") and '"
                        + b.name() + "' (" + b.shape() + ") do not broadcast");
            }
            out.add(Math.max(p, q));
        }
        return out;
    }

    /**
     * Per element: the mean's add, the deviation's subtract, its square and sum, the scaling by
     * 1/σ (5), and with the affine scale and shift 2 more; per row the two divisions by the row
     * length, the ε add and the reciprocal square root (4).
     */
    private NodeStats layerNorm(LayerNorm n, In in) throws Problem {
        requireActivations(n, in);
        Shape s = in.shape();
        int features = s.dim(s.rank() - 1);
        long rows = s.elements() / features;
        long ops = Math.addExact(Math.multiplyExact(s.elements(), n.affine() ? 7L : 5L), Math.multiplyExact(4L, rows));
        return activations(List.of(in), s, Optional.empty(), n.affine() ? 2L * features : 0, 0, ops, s.elements());
    }

    /** One table row read per index: the table's values are parameters, the rows read its input traffic. */
    private NodeStats embedding(Embedding n, In in) throws Problem {
        requireActivations(n, in);
        List<Integer> dims = new ArrayList<>(in.shape().dims());
        dims.add(n.features());
        Shape o = new Shape(dims);
        return activations(List.of(in), o, Optional.empty(), (long) n.vocabulary() * n.features(), 0, 0, o.elements());
    }

    /** x[index] along an axis: the axis dropped, the selected values moved, nothing computed. */
    private NodeStats select(Select n, In in) throws Problem {
        requireActivations(n, in);
        Shape s = in.shape();
        if (n.axis() >= s.rank()) {
            throw new Problem("axis", describe(n) + ": axis " + n.axis() + ", but '" + in.name() + "' gives " + s
                    + " (axes 0.." + (s.rank() - 1) + ")");
        }
        if (n.index() >= s.dim(n.axis())) {
            throw new Problem("index", describe(n) + ": index " + n.index() + ", but axis " + n.axis() + " of '"
                    + in.name() + "' (" + s + ") has " + s.dim(n.axis()) + " positions");
        }
        List<Integer> dims = new ArrayList<>(s.dims());
        dims.remove(n.axis());
        Shape o = dims.isEmpty() ? shape(1) : new Shape(dims);
        return activations(List.of(in), o, Optional.empty(), 0, 0, 0, o.elements());
    }

    /**
     * A sequence [T, F] (or one vector [F], T = 1) in, the sampled states out: [T, V] ([V]), V =
     * virtual nodes. Mask generation is digital: each virtual node's pulse amplitude is the mask
     * row times the time step's F features (F multiply-accumulates per pulse).
     */
    private NodeStats reservoir(Reservoir n, In in) throws Problem {
        requireActivations(n, in);
        Shape s = in.shape();
        if (s.rank() > 2) {
            throw new Problem("inputs", describe(n) + " takes a sequence [time steps, features] or one vector, but '"
                    + in.name() + "' gives " + s + "; flatten or reshape it first");
        }
        int steps = s.rank() == 2 ? s.dim(0) : 1;
        int features = s.dim(s.rank() - 1);
        // Exact products: three int keys multiply past a long (2e9 cubed), and a wrapped count would
        // reach the shape (an internal error) or print as a negative number of pulses.
        BigInteger states = BigInteger.valueOf(n.nodes()).multiply(BigInteger.valueOf(n.parallel()))
                .multiply(BigInteger.valueOf(n.maskLength()));
        if (states.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new Problem("nodes", describe(n) + " has " + states + " virtual nodes (nodes x parallel x mask_length = "
                    + n.nodes() + " x " + n.parallel() + " x " + n.maskLength() + "), more than a dimension holds ("
                    + Integer.MAX_VALUE + "); lower nodes, parallel or mask_length");
        }
        Shape o = s.rank() == 2 ? shape(steps, states.intValue()) : shape(states.intValue());
        BigInteger maskMacs = BigInteger.valueOf(o.elements()).multiply(BigInteger.valueOf(features));
        if (maskMacs.bitLength() > 63) {
            throw new Problem("inputs", describe(n) + " would generate " + maskMacs + " mask multiply-accumulates per "
                    + "inference (" + steps + " time steps x " + states + " virtual nodes x " + features + " features), "
                    + "more than memdse counts (" + Long.MAX_VALUE + "); shorten the sequence or use fewer features "
                    + "or virtual nodes");
        }
        return activations(List.of(in), o, Optional.empty(), 0, 0, maskMacs.longValueExact(), s.elements());
    }

    private NodeStats elementwise(Elementwise n, List<In> inputs) throws Problem {
        List<Integer> out = List.of();
        In first = inputs.get(0);
        for (In in : inputs) {
            requireActivations(n, in);
            out = broadcast(n, out, in.shape().dims(), first, in);
        }
        Shape o = new Shape(out);
        return activations(inputs, o, Optional.empty(), 0, 0, o.elements(), sumInputs(inputs));
    }

    /**
     * {@code Shape.of(dims)} without its stream of boxed values: a 96,000-layer network makes as
     * many shapes, and the stream's objects were a third of shape inference's time.
     */
    private static Shape shape(int d) {
        return new Shape(List.of(d));
    }

    private static Shape shape(int d0, int d1) {
        return new Shape(List.of(d0, d1));
    }

    private static Shape shape(int d0, int d1, int d2) {
        return new Shape(List.of(d0, d1, d2));
    }

    /** {@code a.equals(b)}, dimension by dimension, without the lists' iterators. */
    private static boolean sameShape(Shape a, Shape b) {
        if (a == b) {
            return true;
        }
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int i = 0; i < a.rank(); i++) {
            if (a.dim(i) != b.dim(i)) {
                return false;
            }
        }
        return true;
    }

    private static In single(List<In> inputs) {
        return inputs.get(0);
    }

    private NodeStats activations(List<In> inputs, Shape out, Optional<WeightMatrix> weights, long params, long macs,
                                  long digitalOps, long inputActivations) {
        List<Shape> shapes = new ArrayList<>();
        for (In in : inputs) {
            shapes.add(in.shape());
        }
        return new NodeStats(shapes, out, Signal.ACTIVATIONS, activationBits, weights, params, macs, digitalOps,
                inputActivations, out.elements(), 1, 0, 0, 0);
    }

    private static long sumInputs(List<In> inputs) {
        long n = 0;
        for (In in : inputs) {
            n = Math.addExact(n, in.shape().elements());
        }
        return n;
    }

    private static String describe(NetworkNode node) {
        return node.kind().key() + " '" + node.name() + "'";
    }

    private static String shapeWord(Shape s) {
        return switch (s.rank()) {
            case 1 -> s + " (a vector)";
            case 2 -> s + " (a sequence)";
            default -> s.toString();
        };
    }

    private static void requireActivations(NetworkNode node, In in) throws Problem {
        if (in.stats().output() == Signal.SPIKES) {
            throw new Problem("inputs", describe(node) + " takes activations, but '" + in.name()
                    + "' sends spikes; put an integration node (direction: spike-to-voltage) between them");
        }
        if (in.stats().output() == Signal.CURRENTS) {
            throw new Problem("inputs", describe(node) + " takes activations, but '" + in.name()
                    + "' is a projection, whose synaptic currents only feed a population");
        }
    }

    private static Shape featureMap(NetworkNode node, In in) throws Problem {
        requireActivations(node, in);
        if (in.shape().rank() != 3) {
            throw new Problem("inputs", describe(node) + " needs a [channels, height, width] input, but '" + in.name()
                    + "' gives " + shapeWord(in.shape()));
        }
        return in.shape();
    }

    private NodeStats conv2d(Conv2d n, In in) throws Problem {
        Shape s = featureMap(n, in);
        int c = s.dim(0);
        ConvGeometry g = n.geometry();
        if (n.inChannels() > 0 && n.inChannels() != c) {
            throw new Problem("in_channels", describe(n) + " expects " + n.inChannels() + " input channels, but '"
                    + in.name() + "' gives " + c + " (shape " + s + ")");
        }
        if (c % g.groups() != 0 || n.outChannels() % g.groups() != 0) {
            throw new Problem("groups", describe(n) + ": groups " + g.groups() + " must divide both the " + c
                    + " input channels and the " + n.outChannels() + " output channels");
        }
        int[] out = window(n, s, g);
        int rows = toInt((long) (c / g.groups()) * g.kernel().area());
        long positions = (long) out[0] * out[1];
        WeightMatrix w = new WeightMatrix(rows, n.outChannels(), weightBits, positions);
        long params = w.weights() + (n.bias() ? n.outChannels() : 0) + (n.batchNorm() ? 2L * n.outChannels() : 0);
        Shape o = shape(n.outChannels(), out[0], out[1]);
        long act = n.activation() == ActivationFunction.IDENTITY ? 0 : o.elements();
        return activations(List.of(in), o, Optional.of(w), params, Math.multiplyExact(w.weights(), positions), act,
                s.elements());
    }

    private static int[] window(NetworkNode n, Shape s, ConvGeometry g) throws Problem {
        int oh = g.outHeight(s.dim(1));
        int ow = g.outWidth(s.dim(2));
        if (oh < 1 || ow < 1) {
            throw new Problem("kernel", describe(n) + ": the " + g.kernel() + " kernel (dilation " + g.dilation()
                    + ", padding " + g.padding() + ") does not fit the " + s.dim(1) + "x" + s.dim(2) + " input");
        }
        return new int[] {oh, ow};
    }

    private NodeStats linear(Linear n, In in) throws Problem {
        requireActivations(n, in);
        Shape s = in.shape();
        if (s.rank() > 2) {
            throw new Problem("inputs", describe(n) + " needs a vector [features] or a sequence [steps, features], but '"
                    + in.name() + "' gives " + s + "; put a flatten layer before it");
        }
        int features = s.dim(s.rank() - 1);
        int steps = s.rank() == 2 ? s.dim(0) : 1;
        if (n.inFeatures() > 0 && n.inFeatures() != features) {
            throw new Problem("in_features", describe(n) + " expects in_features " + n.inFeatures() + ", but '"
                    + in.name() + "' gives " + features + " (shape " + s + ")");
        }
        WeightMatrix w = new WeightMatrix(features, n.outFeatures(), weightBits, steps);
        // Weights tied to an embedding are that table's parameters (counted there).
        long params = (n.tiedTo().isPresent() ? 0 : w.weights()) + (n.bias() ? n.outFeatures() : 0)
                + (n.batchNorm() ? 2L * n.outFeatures() : 0);
        Shape o = s.rank() == 2 ? shape(steps, n.outFeatures()) : shape(n.outFeatures());
        long act = n.activation() == ActivationFunction.IDENTITY ? 0 : o.elements();
        return activations(List.of(in), o, Optional.of(w), params, Math.multiplyExact(w.weights(), (long) steps), act,
                s.elements());
    }

    private NodeStats pool(Pool2d n, In in) throws Problem {
        Shape s = featureMap(n, in);
        Padding p = n.padding();
        int oh = ConvGeometry.outSize(s.dim(1), p.top() + p.bottom(), 1, n.kernel().h(), n.stride().h(), n.ceilMode());
        int ow = ConvGeometry.outSize(s.dim(2), p.left() + p.right(), 1, n.kernel().w(), n.stride().w(), n.ceilMode());
        if (oh < 1 || ow < 1) {
            throw new Problem("kernel", describe(n) + ": the " + n.kernel() + " window (padding " + p
                    + ") does not fit the " + s.dim(1) + "x" + s.dim(2) + " input");
        }
        Shape o = shape(s.dim(0), oh, ow);
        return activations(List.of(in), o, Optional.empty(), 0, 0, Math.multiplyExact(o.elements(), (long) n.kernel().area()),
                s.elements());
    }

    private NodeStats add(Add n, List<In> inputs) throws Problem {
        Shape first = inputs.get(0).shape();
        for (In in : inputs) {
            requireActivations(n, in);
        }
        for (In in : inputs) {
            if (!sameShape(in.shape(), first)) {
                throw new Problem("inputs", describe(n) + " needs inputs of one shape, but '" + inputs.get(0).name()
                        + "' gives " + first + " and '" + in.name() + "' gives " + in.shape());
            }
        }
        long ops = Math.addExact(Math.multiplyExact(first.elements(), (long) inputs.size() - 1),
                n.activation() == ActivationFunction.IDENTITY ? 0 : first.elements());
        return activations(inputs, first, Optional.empty(), 0, 0, ops, sumInputs(inputs));
    }

    private NodeStats concat(Concat n, List<In> inputs) throws Problem {
        Shape first = inputs.get(0).shape();
        for (In in : inputs) {
            requireActivations(n, in);
        }
        if (n.axis() >= first.rank()) {
            throw new Problem("axis", describe(n) + ": axis " + n.axis() + " does not exist in '" + inputs.get(0).name()
                    + "''s shape " + first + " (axes 0.." + (first.rank() - 1) + ")");
        }
        List<Integer> dims = new ArrayList<>(first.dims());
        long along = 0;
        for (In in : inputs) {
            Shape s = in.shape();
            boolean same = s.rank() == first.rank();
            for (int i = 0; same && i < s.rank(); i++) {
                same = i == n.axis() || s.dim(i) == first.dim(i);
            }
            if (!same) {
                throw new Problem("inputs", describe(n) + " needs inputs that differ only along axis " + n.axis()
                        + ", but '" + inputs.get(0).name() + "' gives " + first + " and '" + in.name() + "' gives " + s);
            }
            along += s.dim(n.axis());
        }
        dims.set(n.axis(), toInt(along));
        return activations(inputs, new Shape(dims), Optional.empty(), 0, 0, 0, sumInputs(inputs));
    }

    private NodeStats reshape(Reshape n, In in) throws Problem {
        requireActivations(n, in);
        long total = in.shape().elements();
        long known = 1;
        int free = -1;
        for (int i = 0; i < n.shape().size(); i++) {
            int d = n.shape().get(i);
            if (d == -1 && free < 0) {
                free = i;
            } else if (d < 1) {
                throw new Problem("shape", describe(n) + ": dimensions must be at least 1, with at most one -1, found "
                        + n.shape());
            } else {
                known = Math.multiplyExact(known, (long) d);
            }
        }
        List<Integer> dims = new ArrayList<>(n.shape());
        if (free >= 0) {
            if (total % known != 0) {
                throw new Problem("shape", describe(n) + ": " + total + " elements of '" + in.name()
                        + "' cannot be arranged as " + n.shape());
            }
            dims.set(free, toInt(total / known));
        } else if (known != total) {
            throw new Problem("shape", describe(n) + ": shape " + n.shape() + " holds " + known + " elements, but '"
                    + in.name() + "' gives " + total + " (shape " + in.shape() + ")");
        }
        return activations(List.of(in), new Shape(dims), Optional.empty(), 0, 0, 0, total);
    }

    private NodeStats recurrent(Recurrent n, In in) throws Problem {
        requireActivations(n, in);
        Shape s = in.shape();
        if (s.rank() != 2) {
            throw new Problem("inputs", describe(n) + " needs a sequence [time_steps, features], but '" + in.name()
                    + "' gives " + shapeWord(s) + "; put a reshape before it");
        }
        int steps = s.dim(0);
        int features = s.dim(1);
        if (n.inFeatures() > 0 && n.inFeatures() != features) {
            throw new Problem("in_features", describe(n) + " expects in_features " + n.inFeatures() + ", but '"
                    + in.name() + "' gives " + features + " (shape " + s + ")");
        }
        int h = n.hiddenSize();
        // x_t and h_{t-1} share the rows, the gates sit side by side on the columns.
        WeightMatrix w = new WeightMatrix(features + h, n.gates() * h, weightBits, steps);
        long params = w.weights() + (n.bias() ? (long) n.gates() * h : 0);
        // Per step, element-wise: LSTM 4h gate nonlinearities + h tanh(c) + 3h products + h sum = 9h;
        // GRU 3h gate nonlinearities + 3h products + 2h sums = 8h.
        long perStep = (n.cell() == RecurrentCell.LSTM ? 9L : 8L) * h;
        Shape o = n.returnSequences() ? shape(steps, h) : shape(h);
        return activations(List.of(in), o, Optional.of(w), params, Math.multiplyExact(w.weights(), (long) steps),
                Math.multiplyExact(perStep, (long) steps), s.elements());
    }

    private static NodeStats population(Population n, List<In> inputs) throws Problem {
        for (In in : inputs) {
            if (!(in.node() instanceof Projection)) {
                throw new Problem("inputs", describe(n) + " takes projections as inputs, but '" + in.name() + "' is "
                        + (in.node().kind() == NodeKind.INPUT ? "an " : "a ") + in.node().kind().key()
                        + "; put a projection between them");
            }
        }
        Shape shape = inputs.get(0).shape();
        int steps = inputs.get(0).stats().timeSteps();
        for (In in : inputs) {
            if (in.shape().elements() != shape.elements()) {
                throw new Problem("inputs", describe(n) + " needs projections onto the same neurons, but '"
                        + inputs.get(0).name() + "' gives " + shape + " and '" + in.name() + "' gives " + in.shape());
            }
            if (in.stats().timeSteps() != steps) {
                throw new Problem("inputs", describe(n) + " needs inputs with the same time steps, but '"
                        + inputs.get(0).name() + "' has " + steps + " and '" + in.name() + "' has " + in.stats().timeSteps());
            }
        }
        if (n.neurons() > 0 && n.neurons() != shape.elements()) {
            throw new Problem("neurons", describe(n) + " declares " + n.neurons() + " neurons, but '" + inputs.get(0).name()
                    + "' projects onto " + shape.elements() + " (shape " + shape + ")");
        }
        List<Shape> shapes = new ArrayList<>();
        for (In in : inputs) {
            shapes.add(in.shape());
        }
        return new NodeStats(shapes, shape, Signal.SPIKES, 0, Optional.empty(), 0, 0, 0, 0, shape.elements(),
                steps, n.firingRate(), 0, 0);
    }

    private static NodeStats projection(Projection n, In in) throws Problem {
        if (in.stats().output() != Signal.SPIKES) {
            throw new Problem("inputs", describe(n) + " takes spikes, but '" + in.name() + "' sends "
                    + in.stats().output().key() + "; put an encoder or an integration node (direction: voltage-to-spike) before it");
        }
        Shape s = in.shape();
        int steps = in.stats().timeSteps();
        long pre = s.elements();
        Shape out;
        WeightMatrix w;
        long synapses;
        long connections;
        switch (n.connectivity()) {
            case DENSE, SPARSE -> {
                out = shape(n.neurons());
                w = new WeightMatrix(toInt(pre), n.neurons(), n.weightBits(), steps);
                synapses = Connections.count(n, s, out);
                connections = synapses;
            }
            case FILE -> {
                SynapseList list = n.synapseList();
                int beyond = list.firstPreAtOrAbove(toInt(pre));
                if (beyond >= 0) {
                    throw new Problem("synapses", list.source() + ":" + list.line(beyond) + ": presynaptic neuron "
                            + list.pre(beyond) + " does not exist: '" + in.name() + "' has " + pre + " neurons (0 to "
                            + (pre - 1) + "); fix the index or the projection's input");
                }
                out = shape(n.neurons());
                w = new WeightMatrix(toInt(pre), n.neurons(), n.weightBits(), steps);
                synapses = list.size();
                connections = synapses;
            }
            case ONE_TO_ONE -> {
                out = s;
                // A diagonal: the mapper may pack it more tightly than a square block.
                w = new WeightMatrix(toInt(pre), toInt(pre), n.weightBits(), steps);
                synapses = pre;
                connections = pre;
            }
            case ALL_BUT_SELF -> {
                if (pre < 2) {
                    throw new Problem("connectivity", describe(n) + " (all-but-self) needs at least 2 neurons in '"
                            + in.name() + "', found " + pre);
                }
                out = s;
                w = new WeightMatrix(toInt(pre), toInt(pre), n.weightBits(), steps);
                synapses = Connections.count(n, s, out);
                connections = synapses;
            }
            case CONV -> {
                if (s.rank() != 3) {
                    throw new Problem("inputs", describe(n) + " (conv) needs a [channels, height, width] source, but '"
                            + in.name() + "' gives " + shapeWord(s));
                }
                ConvGeometry g = n.conv();
                int c = s.dim(0);
                if (c % g.groups() != 0 || n.outChannels() % g.groups() != 0) {
                    throw new Problem("groups", describe(n) + ": groups " + g.groups() + " must divide both the " + c
                            + " source channels and the " + n.outChannels() + " output channels");
                }
                int[] o = window(n, s, g);
                out = shape(n.outChannels(), o[0], o[1]);
                int rows = toInt((long) (c / g.groups()) * g.kernel().area());
                w = new WeightMatrix(rows, n.outChannels(), n.weightBits(), (long) o[0] * o[1] * steps);
                // The shared kernel is what is stored; the windows that reach inside the input (taps on
                // the padding connect nothing) are what spikes travel along.
                synapses = w.weights();
                connections = Connections.count(n, s, out);
            }
            default -> throw new IllegalStateException("connectivity " + n.connectivity());
        }
        // Each presynaptic spike reaches its fan-out; summed over the sources that is connections × rate.
        double synopsPerStep = connections * in.stats().firingRate();
        return new NodeStats(List.of(s), out, Signal.CURRENTS, 0, Optional.of(w), synapses, 0, 0, pre,
                out.elements(), steps, 0, synapses, synopsPerStep);
    }

    private NodeStats integration(Integration n, In in) throws Problem {
        Shape s = in.shape();
        if (n.direction() == IntegrationDirection.SPIKE_TO_VOLTAGE) {
            if (in.stats().output() != Signal.SPIKES) {
                throw new Problem("inputs", describe(n) + " (spike-to-voltage) takes spikes, but '" + in.name()
                        + "' sends " + in.stats().output().key());
            }
            int bits = n.activationBits() > 0 ? n.activationBits() : activationBits;
            long spikes = Math.round(in.stats().spikesPerInference());
            return new NodeStats(List.of(s), s, Signal.ACTIVATIONS, bits, Optional.empty(), 0, 0, spikes,
                    s.elements(), s.elements(), 1, 0, 0, 0);
        }
        requireActivations(n, in);
        return new NodeStats(List.of(s), s, Signal.SPIKES, 0, Optional.empty(), 0, 0, s.elements(),
                s.elements(), s.elements(), n.timeSteps(), n.firingRate(), 0, 0);
    }

    private static int toInt(long n) throws Problem {
        if (n > Integer.MAX_VALUE) {
            throw new Problem("inputs", "a dimension of " + n + " is too large");
        }
        return (int) n;
    }
}
