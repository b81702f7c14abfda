package org.memdse.onnx;

import static org.memdse.onnx.MalformedOnnxTest.ints;
import static org.memdse.onnx.MalformedOnnxTest.node;

import java.util.Arrays;
import org.memdse.onnx.proto.OnnxProto;

/**
 * Small transformer blocks built as ONNX models the way PyTorch exports them (opset 17: MatMul by
 * weight matrices plus bias adds, heads split by Reshape and Transpose, GELU decomposed through
 * Erf, LayerNormalization), with the sequence length (and the KV cache's past length) symbolic.
 * Sizes: hidden {@link #H}, {@link #HEADS} heads of {@link #D}, feed-forward {@link #F},
 * vocabulary {@link #VOCAB}, {@link #POSITIONS} positions.
 */
final class TransformerModels {
    static final int H = 64;
    static final int HEADS = 4;
    static final int D = H / HEADS;
    static final int F = 256;
    static final int VOCAB = 1000;
    static final int POSITIONS = 512;

    private TransformerModels() {
    }

    /** A tensor's value info; a dimension is a number or the name of a symbolic dimension. */
    static OnnxProto.ValueInfo value(String name, int elemType, Object... dims) {
        OnnxProto.TensorShape.Builder shape = OnnxProto.TensorShape.newBuilder();
        for (Object d : dims) {
            OnnxProto.TensorShape.Dimension.Builder b = OnnxProto.TensorShape.Dimension.newBuilder();
            if (d instanceof String s) {
                b.setDimParam(s);
            } else {
                b.setDimValue(((Number) d).longValue());
            }
            shape.addDim(b);
        }
        return OnnxProto.ValueInfo.newBuilder().setName(name).setType(OnnxProto.Type.newBuilder()
                .setTensorType(OnnxProto.Type.TensorType.newBuilder().setElemType(elemType).setShape(shape))).build();
    }

    /** A float initializer stored as raw bytes (as exporters do): only its shape matters to memdse. */
    static OnnxProto.Tensor weight(String name, long... dims) {
        long n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
        OnnxProto.Tensor.Builder t = OnnxProto.Tensor.newBuilder().setName(name).setDataType(1);
        Arrays.stream(dims).forEach(t::addDims);
        t.setRawData(com.google.protobuf.ByteString.copyFrom(new byte[(int) (4 * n)]));
        return t.build();
    }

    static OnnxProto.Tensor int64s(String name, long... values) {
        OnnxProto.Tensor.Builder t = OnnxProto.Tensor.newBuilder().setName(name).setDataType(7)
                .addDims(values.length);
        Arrays.stream(values).forEach(t::addInt64Data);
        return t.build();
    }

    static OnnxProto.Tensor scalar(String name) {
        return OnnxProto.Tensor.newBuilder().setName(name).setDataType(1).addFloatData(1f).build();
    }

    private static OnnxProto.Attribute intAttr(String name, long v) {
        return OnnxProto.Attribute.newBuilder().setName(name).setType(2).setI(v).build();
    }

    /** Builds nodes with unique names into one graph. */
    static final class Block {
        final OnnxProto.Graph.Builder g;
        private int next;

        Block(OnnxProto.Graph.Builder g) {
            this.g = g;
        }

        String node(String type, String[] inputs, OnnxProto.Attribute... attributes) {
            String name = type.toLowerCase(java.util.Locale.ROOT) + "_" + next++;
            OnnxProto.Node.Builder n = MalformedOnnxTest.node(type, name, inputs, name + "_out");
            for (OnnxProto.Attribute a : attributes) {
                n.addAttribute(a);
            }
            g.addNode(n);
            return name + "_out";
        }

        /** x · W + b with W [in, out] as an initializer: a dense layer. */
        String dense(String x, String prefix, int in, int out) {
            g.addInitializer(weight(prefix + ".w", in, out)).addInitializer(weight(prefix + ".b", out));
            return node("Add", new String[] {node("MatMul", new String[] {x, prefix + ".w"}), prefix + ".b"});
        }

        String layerNorm(String x, String prefix) {
            g.addInitializer(weight(prefix + ".g", H)).addInitializer(weight(prefix + ".b", H));
            return node("LayerNormalization", new String[] {x, prefix + ".g", prefix + ".b"}, intAttr("axis", -1));
        }

        /** [1, S, H] → [1, heads, S, d] (or [1, heads, d, S] for keys to multiply by). */
        String heads(String x, boolean keysTransposed) {
            String r = node("Reshape", new String[] {x, "heads_shape"});
            return node("Transpose", new String[] {r}, ints("perm", keysTransposed ? new long[] {0, 2, 3, 1}
                    : new long[] {0, 2, 1, 3}));
        }

        /** [1, heads, S, d] → [1, S, H]. */
        String merge(String x) {
            String t = node("Transpose", new String[] {x}, ints("perm", 0, 2, 1, 3));
            return node("Reshape", new String[] {t, "merged_shape"});
        }

        /** GELU as PyTorch exports it: 0.5 · x · (1 + erf(x / √2)). */
        String gelu(String x) {
            String e = node("Erf", new String[] {node("Div", new String[] {x, "sqrt2"})});
            return node("Mul", new String[] {node("Mul", new String[] {x, node("Add", new String[] {e, "one"})}),
                "half"});
        }

        /** Feed-forward with residual and the second layer norm. */
        String feedForward(String x, String residual) {
            String h = node("Add", new String[] {x, residual});
            String n = layerNorm(h, "ln2");
            String f = dense(gelu(dense(n, "ff1", H, F)), "ff2", F, H);
            return node("Add", new String[] {f, h});
        }

        void constants() {
            g.addInitializer(int64s("heads_shape", 0, 0, HEADS, D)).addInitializer(int64s("merged_shape", 0, 0, H))
                    .addInitializer(scalar("sqrt2")).addInitializer(scalar("one")).addInitializer(scalar("half"))
                    .addInitializer(scalar("scale")).addInitializer(scalar("neg_inf"))
                    .addInitializer(weight("wte", VOCAB, H)).addInitializer(weight("wpe", POSITIONS, H));
        }
    }

    private static OnnxProto.Model.Builder model(OnnxProto.Graph.Builder g) {
        return OnnxProto.Model.newBuilder().setIrVersion(8)
                .addOpsetImport(OnnxProto.OperatorSetId.newBuilder().setDomain("").setVersion(17)).setGraph(g);
    }

    /**
     * A BERT-like encoder layer over {@code seq_len} tokens: token and position embeddings,
     * layer norm, self-attention with a padding mask (Where), output projection, residual,
     * feed-forward with GELU, residual, layer norm.
     */
    static OnnxProto.Model.Builder encoder() {
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName("bert-like-block")
                .addInput(value("input_ids", 7, "batch", "seq_len"))
                .addInput(value("position_ids", 7, "batch", "seq_len"))
                .addInput(value("attention_mask", 9, "batch", 1, 1, "seq_len"))
                .addOutput(value("hidden", 1, "batch", "seq_len", H));
        Block b = new Block(g);
        b.constants();
        String emb = b.node("Add", new String[] {b.node("Gather", new String[] {"wte", "input_ids"}),
            b.node("Gather", new String[] {"wpe", "position_ids"})});
        String x = b.layerNorm(emb, "ln1");
        String q = b.heads(b.dense(x, "q", H, H), false);
        String k = b.heads(b.dense(x, "k", H, H), true);
        String v = b.heads(b.dense(x, "v", H, H), false);
        String scores = b.node("Div", new String[] {b.node("MatMul", new String[] {q, k}), "scale"});
        String masked = b.node("Where", new String[] {"attention_mask", scores, "neg_inf"});
        String probs = b.node("Softmax", new String[] {masked}, intAttr("axis", -1));
        String ctx = b.merge(b.node("MatMul", new String[] {probs, v}));
        String out = b.feedForward(b.dense(ctx, "o", H, H), x);
        g.addNode(node("LayerNormalization", "ln3", new String[] {out, "ln3.g", "ln3.b"}, "hidden")
                .addAttribute(intAttr("axis", -1)));
        g.addInitializer(weight("ln3.g", H)).addInitializer(weight("ln3.b", H));
        return model(g);
    }

    /**
     * One GPT-like decoding step: one new token attends to {@code past_len} cached keys and values
     * plus its own; the grown cache leaves as {@code present_key}/{@code present_value}; the
     * logits come from the LM head (a dense layer H → VOCAB).
     */
    static OnnxProto.Model.Builder decoderStep() {
        OnnxProto.Graph.Builder g = OnnxProto.Graph.newBuilder().setName("gpt-like-step")
                .addInput(value("input_ids", 7, "batch", 1))
                .addInput(value("position_ids", 7, "batch", 1))
                .addInput(value("past_key", 1, "batch", HEADS, "past_len", D))
                .addInput(value("past_value", 1, "batch", HEADS, "past_len", D))
                .addOutput(value("logits", 1, "batch", 1, VOCAB))
                .addOutput(value("present_key", 1, "batch", HEADS, "total_len", D))
                .addOutput(value("present_value", 1, "batch", HEADS, "total_len", D));
        Block b = new Block(g);
        b.constants();
        String emb = b.node("Add", new String[] {b.node("Gather", new String[] {"wte", "input_ids"}),
            b.node("Gather", new String[] {"wpe", "position_ids"})});
        String x = b.layerNorm(emb, "ln1");
        String q = b.heads(b.dense(x, "q", H, H), false);
        String kNew = b.heads(b.dense(x, "k", H, H), false);
        String vNew = b.heads(b.dense(x, "v", H, H), false);
        g.addNode(node("Concat", "cache_k", new String[] {"past_key", kNew}, "present_key")
                .addAttribute(intAttr("axis", 2)));
        g.addNode(node("Concat", "cache_v", new String[] {"past_value", vNew}, "present_value")
                .addAttribute(intAttr("axis", 2)));
        String kt = b.node("Transpose", new String[] {"present_key"}, ints("perm", 0, 1, 3, 2));
        String scores = b.node("Div", new String[] {b.node("MatMul", new String[] {q, kt}), "scale"});
        String probs = b.node("Softmax", new String[] {scores}, intAttr("axis", -1));
        String ctx = b.merge(b.node("MatMul", new String[] {probs, "present_value"}));
        String out = b.feedForward(b.dense(ctx, "o", H, H), x);
        String fin = b.layerNorm(out, "lnf");
        g.addInitializer(weight("lm_head", H, VOCAB));
        g.addNode(node("MatMul", "lm_head_mm", new String[] {fin, "lm_head"}, "logits"));
        return model(g);
    }
}
