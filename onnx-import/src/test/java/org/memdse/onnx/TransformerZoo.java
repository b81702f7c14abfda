package org.memdse.onnx;

import static org.memdse.onnx.MalformedOnnxTest.ints;
import static org.memdse.onnx.TransformerModels.int64s;
import static org.memdse.onnx.TransformerModels.scalar;
import static org.memdse.onnx.TransformerModels.value;

import java.util.Arrays;
import java.util.Locale;
import org.memdse.onnx.proto.OnnxProto;

/**
 * BERT-base, ViT-B/16 and GPT-2 small at full size as ONNX models, node by node as PyTorch
 * exports them (opset 17): MatMul by weight matrices plus bias adds, heads split by Reshape and
 * Transpose, GELU through Erf, LayerNormalization, Gather embeddings, the [CLS] token as a Gather
 * of index 0, GPT-2's LM head as a MatMul by its transposed token table (tied weights). Weights
 * carry their dims and no payload by default (the importer reads shapes only), so a 124 M-parameter
 * model is a few kilobytes; {@link #withPayload} stores zero-filled raw_data, as real exports do.
 * The sequence length is the symbolic dimension {@code seq_len}.
 */
final class TransformerZoo {
    static final int H = 768;
    static final int HEADS = 12;
    static final int D = 64;
    static final int F = 3072;
    static final int LAYERS = 12;

    private final OnnxProto.Graph.Builder g;
    private final boolean payload;
    private int next;

    private TransformerZoo(String name, boolean payload) {
        this.g = OnnxProto.Graph.newBuilder().setName(name);
        this.payload = payload;
        g.addInitializer(int64s("heads_shape", 0, 0, HEADS, D)).addInitializer(int64s("merged_shape", 0, 0, H))
                .addInitializer(scalar("sqrt2")).addInitializer(scalar("one")).addInitializer(scalar("half"))
                .addInitializer(scalar("scale")).addInitializer(scalar("neg_inf")).addInitializer(scalar("mask_bias"))
                .addInitializer(OnnxProto.Tensor.newBuilder().setName("first").setDataType(7).addInt64Data(0));
    }

    /** A float weight: dims only, or dims and zero-filled raw_data. */
    private OnnxProto.Tensor weight(String name, long... dims) {
        OnnxProto.Tensor.Builder t = OnnxProto.Tensor.newBuilder().setName(name).setDataType(1);
        Arrays.stream(dims).forEach(t::addDims);
        if (payload) {
            long n = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
            t.setRawData(com.google.protobuf.ByteString.copyFrom(new byte[Math.toIntExact(4 * n)]));
        }
        return t.build();
    }

    private static OnnxProto.Attribute intAttr(String name, long v) {
        return OnnxProto.Attribute.newBuilder().setName(name).setType(2).setI(v).build();
    }

    private String node(String type, String[] inputs, OnnxProto.Attribute... attributes) {
        String name = type.toLowerCase(Locale.ROOT) + "_" + next++;
        OnnxProto.Node.Builder n = MalformedOnnxTest.node(type, name, inputs, name + "_out");
        for (OnnxProto.Attribute a : attributes) {
            n.addAttribute(a);
        }
        g.addNode(n);
        return name + "_out";
    }

    private String dense(String x, String prefix, int in, int out) {
        g.addInitializer(weight(prefix + ".weight", in, out)).addInitializer(weight(prefix + ".bias", out));
        return node("Add", new String[] {node("MatMul", new String[] {x, prefix + ".weight"}), prefix + ".bias"});
    }

    private String layerNorm(String x, String prefix) {
        g.addInitializer(weight(prefix + ".weight", H)).addInitializer(weight(prefix + ".bias", H));
        return node("LayerNormalization", new String[] {x, prefix + ".weight", prefix + ".bias"}, intAttr("axis", -1));
    }

    private String embedding(String ids, String table, int rows) {
        g.addInitializer(weight(table, rows, H));
        return node("Gather", new String[] {table, ids});
    }

    private String heads(String x, boolean keysTransposed) {
        String r = node("Reshape", new String[] {x, "heads_shape"});
        return node("Transpose", new String[] {r}, ints("perm", keysTransposed ? new long[] {0, 2, 3, 1}
                : new long[] {0, 2, 1, 3}));
    }

    private String gelu(String x) {
        String e = node("Erf", new String[] {node("Div", new String[] {x, "sqrt2"})});
        return node("Mul", new String[] {node("Mul", new String[] {x, node("Add", new String[] {e, "one"})}), "half"});
    }

    /** Self-attention and its output projection; {@code mask} is a graph input for Where, or null for an additive mask. */
    private String attention(String x, String p, String mask) {
        String q = heads(dense(x, p + ".attn.q", H, H), false);
        String k = heads(dense(x, p + ".attn.k", H, H), true);
        String v = heads(dense(x, p + ".attn.v", H, H), false);
        String scores = node("Div", new String[] {node("MatMul", new String[] {q, k}), "scale"});
        String masked = mask == null ? node("Add", new String[] {scores, "mask_bias"})
                : node("Where", new String[] {mask, scores, "neg_inf"});
        String probs = node("Softmax", new String[] {masked}, intAttr("axis", -1));
        String ctx = node("MatMul", new String[] {probs, v});
        String merged = node("Reshape", new String[] {node("Transpose", new String[] {ctx}, ints("perm", 0, 2, 1, 3)),
            "merged_shape"});
        return dense(merged, p + ".attn.o", H, H);
    }

    private String mlp(String x, String p) {
        return dense(gelu(dense(x, p + ".mlp.fc1", H, F)), p + ".mlp.fc2", F, H);
    }

    /** BERT's post-norm layer: x + attention → norm → + MLP → norm. */
    private String postNormLayer(String x, String p) {
        String a = layerNorm(node("Add", new String[] {attention(x, p, null), x}), p + ".ln1");
        return layerNorm(node("Add", new String[] {mlp(a, p), a}), p + ".ln2");
    }

    /** ViT's and GPT-2's pre-norm block: x + attention(norm x), then + MLP(norm). */
    private String preNormBlock(String x, String p, String mask) {
        String a = node("Add", new String[] {attention(layerNorm(x, p + ".ln1"), p, mask), x});
        return node("Add", new String[] {mlp(layerNorm(a, p + ".ln2"), p), a});
    }

    private OnnxProto.Model.Builder model() {
        return OnnxProto.Model.newBuilder().setIrVersion(8).setProducerName("memdse TransformerZoo")
                .addOpsetImport(OnnxProto.OperatorSetId.newBuilder().setDomain("").setVersion(17)).setGraph(g);
    }

    /** BERT-base with the pooler (Hugging Face BertModel): 109,482,240 parameters. */
    static OnnxProto.Model.Builder bert(boolean payload) {
        return bert(payload, LAYERS);
    }

    /** BERT-base with its first {@code layers} layers only (for a model of a given size). */
    static OnnxProto.Model.Builder bert(boolean payload, int layers) {
        TransformerZoo z = new TransformerZoo("bert-base", payload);
        z.g.addInput(value("input_ids", 7, "batch", "seq_len")).addInput(value("token_type_ids", 7, "batch", "seq_len"))
                .addInput(value("position_ids", 7, "batch", "seq_len"));
        String emb = z.node("Add", new String[] {z.node("Add", new String[] {
            z.embedding("input_ids", "embeddings.word", 30522), z.embedding("position_ids", "embeddings.position", 512)}),
            z.embedding("token_type_ids", "embeddings.token_type", 2)});
        String x = z.layerNorm(emb, "embeddings.ln");
        for (int i = 0; i < layers; i++) {
            x = z.postNormLayer(x, "encoder." + i);
        }
        String cls = z.node("Gather", new String[] {x, "first"}, intAttr("axis", 1));
        z.g.addInitializer(z.weight("pooler.weight", H, H)).addInitializer(z.weight("pooler.bias", H));
        String pooled = z.node("Gemm", new String[] {cls, "pooler.weight", "pooler.bias"});
        z.g.addNode(MalformedOnnxTest.node("Tanh", "pooler_tanh", new String[] {pooled}, "pooler_output"));
        z.g.addOutput(value("pooler_output", 1, "batch", H));
        return z.model();
    }

    /** ViT-B/16 at 224 x 224 with a 1000-class head (timm vit_base_patch16_224): 86,567,656 parameters. */
    static OnnxProto.Model.Builder vit(boolean payload) {
        TransformerZoo z = new TransformerZoo("vit-b16", payload);
        z.g.addInput(value("pixel_values", 1, "batch", 3, 224, 224)).addInput(value("cls_index", 7, "batch", 1))
                .addInput(value("position_ids", 7, "batch", "seq_len"));
        z.g.addInitializer(z.weight("patch_embed.weight", H, 3, 16, 16)).addInitializer(z.weight("patch_embed.bias", H))
                .addInitializer(int64s("patches_shape", 0, H, -1));
        String conv = z.node("Conv", new String[] {"pixel_values", "patch_embed.weight", "patch_embed.bias"},
                ints("kernel_shape", 16, 16), ints("strides", 16, 16));
        String patches = z.node("Transpose", new String[] {z.node("Reshape", new String[] {conv, "patches_shape"})},
                ints("perm", 0, 2, 1));
        String cls = z.embedding("cls_index", "cls_token", 1);
        String tokens = z.node("Concat", new String[] {cls, patches}, intAttr("axis", 1));
        String x = z.node("Add", new String[] {tokens, z.embedding("position_ids", "pos_embed", 197)});
        for (int i = 0; i < LAYERS; i++) {
            x = z.preNormBlock(x, "blocks." + i, null);
        }
        String first = z.node("Gather", new String[] {z.layerNorm(x, "norm"), "first"}, intAttr("axis", 1));
        z.g.addInitializer(z.weight("head.weight", H, 1000)).addInitializer(z.weight("head.bias", 1000));
        z.g.addNode(MalformedOnnxTest.node("Gemm", "head", new String[] {first, "head.weight", "head.bias"}, "logits"));
        z.g.addOutput(value("logits", 1, "batch", 1000));
        return z.model();
    }

    /** GPT-2 small with its LM head tied to the token embedding (Hugging Face gpt2): 124,439,808 parameters. */
    static OnnxProto.Model.Builder gpt2(boolean payload) {
        TransformerZoo z = new TransformerZoo("gpt2-small", payload);
        z.g.addInput(value("input_ids", 7, "batch", "seq_len")).addInput(value("position_ids", 7, "batch", "seq_len"))
                .addInput(value("causal_mask", 9, 1, 1, "seq_len", "seq_len"));
        String x = z.node("Add", new String[] {z.embedding("input_ids", "wte", 50257),
            z.embedding("position_ids", "wpe", 1024)});
        for (int i = 0; i < LAYERS; i++) {
            x = z.preNormBlock(x, "h." + i, "causal_mask");
        }
        String head = z.node("Transpose", new String[] {"wte"}, ints("perm", 1, 0));
        z.g.addNode(MalformedOnnxTest.node("MatMul", "lm_head", new String[] {z.layerNorm(x, "ln_f"), head}, "logits"));
        z.g.addOutput(value("logits", 1, "batch", "seq_len", 50257));
        return z.model();
    }

    /**
     * One GPT-2 small decoding step with the KV cache, as Hugging Face's exporters write it: the new
     * token's keys and values concatenated to {@code past_key.i}/{@code past_value.i} ([batch, 12,
     * past_len, 64]) leave as {@code present_key.i}/{@code present_value.i}; the new query attends to
     * past_len + 1 positions; the logits of the one token come from the tied LM head.
     */
    static OnnxProto.Model.Builder gpt2Step(boolean payload) {
        TransformerZoo z = new TransformerZoo("gpt2-small-step", payload);
        z.g.addInput(value("input_ids", 7, "batch", 1)).addInput(value("position_ids", 7, "batch", 1));
        String x = z.node("Add", new String[] {z.embedding("input_ids", "wte", 50257),
            z.embedding("position_ids", "wpe", 1024)});
        for (int i = 0; i < LAYERS; i++) {
            String p = "h." + i;
            z.g.addInput(value("past_key." + i, 1, "batch", HEADS, "past_len", D))
                    .addInput(value("past_value." + i, 1, "batch", HEADS, "past_len", D))
                    .addOutput(value("present_key." + i, 1, "batch", HEADS, "total_len", D))
                    .addOutput(value("present_value." + i, 1, "batch", HEADS, "total_len", D));
            String n = z.layerNorm(x, p + ".ln1");
            String q = z.heads(z.dense(n, p + ".attn.q", H, H), false);
            String k = z.heads(z.dense(n, p + ".attn.k", H, H), false);
            String v = z.heads(z.dense(n, p + ".attn.v", H, H), false);
            z.g.addNode(MalformedOnnxTest.node("Concat", p + ".cache_k", new String[] {"past_key." + i, k},
                    "present_key." + i).addAttribute(intAttr("axis", 2)));
            z.g.addNode(MalformedOnnxTest.node("Concat", p + ".cache_v", new String[] {"past_value." + i, v},
                    "present_value." + i).addAttribute(intAttr("axis", 2)));
            String kt = z.node("Transpose", new String[] {"present_key." + i}, ints("perm", 0, 1, 3, 2));
            String scores = z.node("Div", new String[] {z.node("MatMul", new String[] {q, kt}), "scale"});
            String probs = z.node("Softmax", new String[] {scores}, intAttr("axis", -1));
            String ctx = z.node("MatMul", new String[] {probs, "present_value." + i});
            String merged = z.node("Reshape", new String[] {z.node("Transpose", new String[] {ctx},
                ints("perm", 0, 2, 1, 3)), "merged_shape"});
            String a = z.node("Add", new String[] {z.dense(merged, p + ".attn.o", H, H), x});
            x = z.node("Add", new String[] {z.mlp(z.layerNorm(a, p + ".ln2"), p), a});
        }
        String head = z.node("Transpose", new String[] {"wte"}, ints("perm", 1, 0));
        z.g.addNode(MalformedOnnxTest.node("MatMul", "lm_head", new String[] {z.layerNorm(x, "ln_f"), head}, "logits"));
        z.g.addOutput(value("logits", 1, "batch", 1, 50257));
        return z.model();
    }

    /**
     * Writes a model for measuring the import outside the tests: {@code bert|vit|gpt2|gpt2-step
     * FILE [LAYERS] [shapes-only]}, with zero-filled raw_data (a real export's size) unless
     * {@code shapes-only}. With LAYERS, BERT keeps its first LAYERS layers: BERT-base with 1 layer
     * holds 126 MB of weights.
     */
    public static void main(String[] args) throws java.io.IOException {
        if (args.length < 2) {
            System.err.println("usage: TransformerZoo bert|vit|gpt2|gpt2-step FILE [LAYERS] [shapes-only]");
            System.exit(2);
        }
        int layers = args.length > 2 ? Integer.parseInt(args[2]) : LAYERS;
        boolean payload = !(args.length > 3 && args[3].equals("shapes-only"));
        OnnxProto.Model model = switch (args[0]) {
            case "bert" -> bert(payload, layers).build();
            case "vit" -> vit(payload).build();
            case "gpt2" -> gpt2(payload).build();
            case "gpt2-step" -> gpt2Step(payload).build();
            default -> throw new IllegalArgumentException("unknown model " + args[0]);
        };
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(
                java.nio.file.Path.of(args[1])), 1 << 20)) {
            model.writeTo(out);
        }
        System.out.println(args[1] + ": " + java.nio.file.Files.size(java.nio.file.Path.of(args[1])) + " bytes, "
                + layers + " layers");
    }
}
