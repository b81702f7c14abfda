package org.memdse.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.network.Activation;
import org.memdse.core.network.ActivationFunction;
import org.memdse.core.network.Add;
import org.memdse.core.network.BatchNorm;
import org.memdse.core.network.Concat;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.ConvGeometry;
import org.memdse.core.network.Elementwise;
import org.memdse.core.network.ElementwiseOp;
import org.memdse.core.network.Embedding;
import org.memdse.core.network.Flatten;
import org.memdse.core.network.GlobalPool;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.LayerNorm;
import org.memdse.core.network.Linear;
import org.memdse.core.network.MatMul;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.NetworkNode;
import org.memdse.core.network.Origin;
import org.memdse.core.network.Padding;
import org.memdse.core.network.Pool2d;
import org.memdse.core.network.PoolMode;
import org.memdse.core.network.Recurrent;
import org.memdse.core.network.RecurrentCell;
import org.memdse.core.network.Reshape;
import org.memdse.core.network.Select;
import org.memdse.core.network.Shape;
import org.memdse.core.network.Size2;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.SourcePosition;

/**
 * Builds memdse's {@link NetworkGraph} from the layers found in an ONNX file, through the same
 * {@link NetworkBuilder} the YAML reader uses, so both get memdse's shape inference and checks.
 *
 * <p>memdse shapes are per inference, so the batch axis is dropped. An activation that is the
 * only reader of a convolution, dense layer or residual add is fused into it, as memdse's own
 * networks write it (it runs in the tile's digital unit; a separate node would count its traffic
 * twice). What memdse cannot represent (1-D/3-D convolution, bidirectional recurrence, a product
 * of two computed tensors, ...) is an error on the ONNX node, or, when skipping was asked for, a
 * zero-cost reshape where the element count allows.
 */
final class OnnxNetworkConverter {
    private final OnnxNetwork network;
    private final OnnxImportOptions options;
    private final String file;
    private final Diagnostics diagnostics = new Diagnostics();
    /** ONNX layer name → the memdse node that stands for its output (differs after fusion). */
    private final Map<String, String> alias = new HashMap<>();
    private final Map<String, Integer> readers = new HashMap<>();
    private final Map<String, NetworkNode> built = new java.util.LinkedHashMap<>();
    private final Map<String, List<String>> inputsOf = new HashMap<>();
    private final Map<String, Origin> originOf = new HashMap<>();

    private OnnxNetworkConverter(OnnxNetwork network, OnnxImportOptions options, String file) {
        this.network = network;
        this.options = options;
        this.file = file;
    }

    static NetworkGraph convert(OnnxNetwork network, OnnxImportOptions options, String file) {
        return new OnnxNetworkConverter(network, options, file).run();
    }

    private NetworkGraph run() {
        for (OnnxLayer layer : network.layers()) {
            for (String in : layer.inputs()) {
                readers.merge(in, 1, Integer::sum);
            }
        }
        network.outputs().forEach(o -> readers.merge(o, 1, Integer::sum));
        for (OnnxLayer layer : network.layers()) {
            try {
                convert(layer);
            } catch (OnnxImportProblem e) {
                diagnostics.error(SourcePosition.ofFile(file), layer.path(), e.getMessage());
            }
        }
        NetworkBuilder builder = new NetworkBuilder(network.name(), diagnostics, Origin.ofFile(file, "graph"));
        if (diagnostics.hasErrors()) {
            diagnostics.throwIfAny();
        }
        built.forEach((name, node) -> {
            List<NetworkBuilder.InputRef> refs = new ArrayList<>();
            for (String in : inputsOf.get(name)) {
                refs.add(new NetworkBuilder.InputRef(in, originOf.get(name)));
            }
            builder.add(node, refs, originOf.get(name));
        });
        return builder.build();
    }

    private void convert(OnnxLayer layer) {
        LayerOp op = layer.op();
        Shape out = perInference(layer.outputShape(), layer.batchAxis());
        if (op instanceof LayerOp.Input) {
            put(layer, new InputNode(layer.name(), out));
        } else if (op instanceof LayerOp.Conv c) {
            if (c.kernel().size() != 2) {
                unrepresentable(layer, c.kernel().size() + "-D convolution (memdse models 2-D convolutions)");
                return;
            }
            ConvGeometry g = new ConvGeometry(size(c.kernel()), size(c.strides()), padding(c.padsBegin(), c.padsEnd()),
                    size(c.dilations()), toInt(c.groups()));
            put(layer, new Conv2d(layer.name(), toInt(c.inChannels()), toInt(c.outChannels()), g, c.bias(),
                    c.batchNormFolded(), ActivationFunction.IDENTITY));
        } else if (op instanceof LayerOp.Dense d) {
            put(layer, new Linear(layer.name(), toInt(d.inFeatures()), toInt(d.outFeatures()), d.bias(),
                    d.batchNormFolded(), ActivationFunction.IDENTITY,
                    Optional.ofNullable(network.tiedTo().get(layer.name()))));
        } else if (op instanceof LayerOp.Pool p) {
            pool(layer, p);
        } else if (op instanceof LayerOp.Activation a) {
            activation(layer, a);
        } else if (op instanceof LayerOp.BatchNorm) {
            put(layer, new BatchNorm(layer.name()));
        } else if (op instanceof LayerOp.Add a) {
            // x + constant that no convolution or dense layer before it absorbed (a position embedding,
            // a bias after a product of activations): one digital add per element.
            put(layer, a.operands() < 2 ? new Elementwise(layer.name(), ElementwiseOp.ADD)
                    : new Add(layer.name(), ActivationFunction.IDENTITY));
        } else if (op instanceof LayerOp.Concat c) {
            int b = batchAxisOfInput(layer, 0);
            if (c.axis() == b) {
                unrepresentable(layer, "concatenation along the batch axis");
                return;
            }
            put(layer, new Concat(layer.name(), b >= 0 && c.axis() > b ? c.axis() - 1 : c.axis()));
        } else if (op instanceof LayerOp.Reshape r) {
            if (r.onnxOp().equals("Flatten") && out.rank() == 1) {
                put(layer, new Flatten(layer.name()));
            } else {
                put(layer, new Reshape(layer.name(), out.dims()));
            }
        } else if (op instanceof LayerOp.Recurrent r) {
            if (r.directions() != 1) {
                unrepresentable(layer, "bidirectional " + r.kind().toUpperCase(java.util.Locale.ROOT)
                        + " (memdse models one direction)");
                return;
            }
            put(layer, new Recurrent(layer.name(), r.lstm() ? RecurrentCell.LSTM : RecurrentCell.GRU,
                    toInt(r.inputSize()), toInt(r.hiddenSize()), r.bias(), r.returnSequences()));
        } else if (op instanceof LayerOp.MatMul) {
            if (layer.inputs().size() != 2) {
                unrepresentable(layer, "MatMul of a computed tensor by a constant of rank " + layer.inputShapes()
                        .get(layer.inputShapes().size() - 1).size() + " (memdse puts 2-D weight matrices on crossbars)");
                return;
            }
            put(layer, new MatMul(layer.name()));
        } else if (op instanceof LayerOp.LayerNorm n) {
            put(layer, new LayerNorm(layer.name(), n.affine()));
        } else if (op instanceof LayerOp.Embedding e) {
            put(layer, new Embedding(layer.name(), toInt(e.vocabulary()), toInt(e.features())));
        } else if (op instanceof LayerOp.Select sel) {
            int b = batchAxisOfInput(layer, 0);
            put(layer, new Select(layer.name(), b >= 0 && sel.axis() > b ? sel.axis() - 1 : sel.axis(),
                    toInt(sel.index())));
        } else if (op instanceof LayerOp.Elementwise e) {
            Optional<ElementwiseOp> f = elementwise(e.function());
            if (f.isEmpty()) {
                unrepresentable(layer, "element-wise " + e.function());
                return;
            }
            put(layer, new Elementwise(layer.name(), f.get()));
        } else if (op instanceof LayerOp.Pad) {
            unrepresentable(layer, "Pad that does not feed a convolution (memdse folds padding into convolutions)");
        } else if (op instanceof LayerOp.Skipped) {
            passThrough(layer, "it was skipped");
        } else {
            throw new OnnxImportProblem("no memdse node for " + op.kind());
        }
    }

    private void pool(OnnxLayer layer, LayerOp.Pool p) {
        if (p.kernel().size() != 2) {
            unrepresentable(layer, p.kernel().size() + "-D pooling (memdse models 2-D pooling)");
            return;
        }
        PoolMode mode = p.max() ? PoolMode.MAX : PoolMode.AVG;
        if (p.global()) {
            put(layer, new GlobalPool(layer.name(), mode));
        } else if (p.dilations().stream().anyMatch(d -> d != 1)) {
            unrepresentable(layer, "dilated pooling");
        } else {
            put(layer, new Pool2d(layer.name(), mode, size(p.kernel()), size(p.strides()),
                    padding(p.padsBegin(), p.padsEnd()), p.ceilMode()));
        }
    }

    /** ONNX activations by memdse's function; close relatives share one (same cost on a digital unit). */
    private static Optional<ActivationFunction> function(String onnx) {
        return Optional.ofNullable(switch (onnx) {
            case "relu" -> ActivationFunction.RELU;
            case "sigmoid" -> ActivationFunction.SIGMOID;
            case "tanh" -> ActivationFunction.TANH;
            case "leaky_relu", "p_relu" -> ActivationFunction.LEAKY_RELU;
            case "softmax", "log_softmax" -> ActivationFunction.SOFTMAX;
            case "elu", "selu", "celu" -> ActivationFunction.ELU;
            case "hard_sigmoid" -> ActivationFunction.HARD_SIGMOID;
            case "hard_swish" -> ActivationFunction.HARD_SWISH;
            case "gelu" -> ActivationFunction.GELU;
            // A clamp: exactly ReLU6 for Clip(0, 6), MobileNet's use; the same cost for other bounds.
            case "clip" -> ActivationFunction.RELU6;
            default -> null;
        });
    }

    /** ONNX element-wise operators by memdse's; Min costs what Max does. */
    private static Optional<ElementwiseOp> elementwise(String onnx) {
        return Optional.ofNullable(switch (onnx) {
            case "mul" -> ElementwiseOp.MUL;
            case "div" -> ElementwiseOp.DIV;
            case "sub" -> ElementwiseOp.SUB;
            case "pow" -> ElementwiseOp.POW;
            case "sqrt" -> ElementwiseOp.SQRT;
            case "reciprocal" -> ElementwiseOp.RECIPROCAL;
            case "exp" -> ElementwiseOp.EXP;
            case "erf" -> ElementwiseOp.ERF;
            case "neg" -> ElementwiseOp.NEG;
            case "max", "min" -> ElementwiseOp.MAX;
            case "where" -> ElementwiseOp.WHERE;
            default -> null;
        });
    }

    private void activation(OnnxLayer layer, LayerOp.Activation a) {
        if (a.function().equals("erf")) {
            put(layer, new Elementwise(layer.name(), ElementwiseOp.ERF));
            return;
        }
        Optional<ActivationFunction> f = function(a.function());
        if (f.isEmpty()) {
            unrepresentable(layer, "activation " + a.function() + " (memdse knows relu, relu6, leaky-relu, sigmoid, "
                    + "tanh, hard-sigmoid, hard-swish, silu, gelu, elu, softmax)");
            return;
        }
        String source = alias.getOrDefault(layer.inputs().get(0), layer.inputs().get(0));
        NetworkNode producer = built.get(source);
        boolean onlyReader = readers.getOrDefault(layer.inputs().get(0), 0) == 1;
        NetworkNode fused = null;
        if (onlyReader && producer instanceof Conv2d c && c.activation() == ActivationFunction.IDENTITY) {
            fused = new Conv2d(c.name(), c.inChannels(), c.outChannels(), c.geometry(), c.bias(), c.batchNorm(), f.get());
        } else if (onlyReader && producer instanceof Linear l && l.activation() == ActivationFunction.IDENTITY) {
            fused = new Linear(l.name(), l.inFeatures(), l.outFeatures(), l.bias(), l.batchNorm(), f.get());
        } else if (onlyReader && producer instanceof Add d && d.activation() == ActivationFunction.IDENTITY) {
            fused = new Add(d.name(), f.get());
        }
        if (fused != null) {
            built.put(source, fused);
            alias.put(layer.name(), source);
        } else {
            put(layer, new Activation(layer.name(), f.get()));
        }
    }

    /** What cannot be modelled: an error, or with --skip-unsupported a zero-cost pass-through. */
    private void unrepresentable(OnnxLayer layer, String what) {
        if (!options.skipUnsupported()) {
            throw new OnnxImportProblem("memdse cannot represent " + what
                    + "; pass --skip-unsupported to import the rest of the network without it");
        }
        passThrough(layer, "memdse cannot represent " + what);
    }

    /** A reshape to the layer's output shape: no weights, no operations, the same traffic. */
    private void passThrough(OnnxLayer layer, String why) {
        Shape out = perInference(layer.outputShape(), layer.batchAxis());
        long in = layer.inputShapes().isEmpty() ? -1 : elements(layer.inputShapes().get(0));
        if (in != out.elements() * (layer.inputShapes().isEmpty() ? 1 : batchOf(layer))) {
            throw new OnnxImportProblem("cannot skip " + layer.op().kind() + " (" + why + "): it changes the number "
                    + "of elements from " + in + " to " + out.elements() + ", so nothing can stand in for it");
        }
        put(layer, new Reshape(layer.name(), out.dims()));
        // Only the first input flows through; the others are left unread.
        inputsOf.put(layer.name(), List.of(inputsOf.get(layer.name()).get(0)));
    }

    private long batchOf(OnnxLayer layer) {
        return layer.batchAxis() >= 0 && layer.batchAxis() < layer.outputShape().size()
                ? layer.outputShape().get(layer.batchAxis()) : 1;
    }

    private void put(OnnxLayer layer, NetworkNode node) {
        List<String> ins = new ArrayList<>();
        for (String in : layer.inputs()) {
            ins.add(alias.getOrDefault(in, in));
        }
        built.put(node.name(), node);
        inputsOf.put(node.name(), ins);
        originOf.put(node.name(), Origin.ofFile(file, layer.path()));
    }

    private int batchAxisOfInput(OnnxLayer layer, int i) {
        String name = layer.inputs().get(i);
        return network.layers().stream().filter(l -> l.name().equals(name)).findFirst()
                .map(OnnxLayer::batchAxis).orElse(0);
    }

    /** memdse's per-inference shape: the ONNX shape without its batch axis (a scalar becomes [1]). */
    private static Shape perInference(List<Long> onnxShape, int batchAxis) {
        List<Integer> dims = new ArrayList<>();
        for (int i = 0; i < onnxShape.size(); i++) {
            if (i != batchAxis) {
                dims.add(toInt(onnxShape.get(i)));
            }
        }
        if (dims.isEmpty()) {
            dims.add(1);
        }
        if (dims.stream().anyMatch(d -> d < 1)) {
            throw new OnnxImportProblem("shape " + onnxShape + " has an empty dimension");
        }
        return new Shape(dims);
    }

    private static long elements(List<Long> shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static Size2 size(List<Long> hw) {
        return new Size2(toInt(hw.get(0)), toInt(hw.get(1)));
    }

    /** ONNX pads are [h_begin, w_begin] and [h_end, w_end]. */
    private static Padding padding(List<Long> begin, List<Long> end) {
        return new Padding(toInt(begin.get(0)), toInt(begin.get(1)), toInt(end.get(0)), toInt(end.get(1)));
    }

    private static int toInt(long v) {
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            throw new OnnxImportProblem("size " + v + " is too large for memdse (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) v;
    }
}
