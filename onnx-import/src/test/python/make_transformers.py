#!/usr/bin/python3
"""Writes BERT-base, ViT-B/16 and GPT-2 small as ONNX models with Debian's python3-onnx helper API,
layer by layer as PyTorch exports them at opset 17, for memdse's import test (issue 18).

- BERT-base (Devlin et al., NAACL 2019, section 3; Hugging Face BertModel, bert-base-uncased):
  word, position and segment embeddings, 12 post-norm layers, the tanh pooler on the [CLS] token.
- ViT-B/16 (Dosovitskiy et al., ICLR 2021, Table 1; timm vit_base_patch16_224): a 16x16 stride-16
  patch convolution, the class token, 197 positions, 12 pre-norm blocks, the 1000-class head.
- GPT-2 small (Radford et al. 2019; Hugging Face gpt2): token and position embeddings, 12 pre-norm
  blocks with a causal Where mask, the LM head tied to the token table (MatMul by its transpose).

Every block: Q, K and V as MatMul by a weight initializer plus a bias Add; heads split by Reshape
and Transpose (keys transposed for Q.K^T); scores scaled, masked and put through Softmax; the
weighted values merged back; the output projection; GELU as x * (1 + Erf(x / sqrt 2)) / 2;
LayerNormalization (opset 17). The sequence length is the symbolic dimension seq_len.

The weights are declared as external data in one empty file (weights.bin beside the model): memdse
reads only their shapes, and a 124 M-parameter model stays a few hundred kilobytes. The checker
validates every node against its operator schema and shape inference (strict) checks that the
shapes compose, both before the file is written.

Usage: make_transformers.py OUTPUT_DIR   (writes bert-base.onnx, vit-b16.onnx, gpt2-small.onnx)
"""
import os
import sys

import onnx
from onnx import TensorProto, helper, shape_inference

H, HEADS, D, F, LAYERS = 768, 12, 64, 3072, 12
WEIGHTS = "weights.bin"


class Graph:
    """Nodes and initializers of one model, each node named after the layer it belongs to."""

    def __init__(self):
        self.nodes, self.inits = [], []
        # Constants every block shares: the heads' and merged shapes, GELU's and the scale's scalars.
        self.ints("heads_shape", [0, 0, HEADS, D])
        self.ints("merged_shape", [0, 0, H])
        self.ints("first", [0], dims=[])
        for name, value in (("sqrt2", 2 ** 0.5), ("one", 1.0), ("half", 0.5), ("scale", D ** 0.5),
                            ("neg_inf", -1e9), ("mask_bias", 0.0)):
            self.inits.append(helper.make_tensor(name, TensorProto.FLOAT, [], [value]))

    def ints(self, name, values, dims=None):
        self.inits.append(helper.make_tensor(name, TensorProto.INT64, [len(values)] if dims is None else dims, values))

    def weight(self, name, *dims):
        """A float initializer whose data lives in the (empty) external file: shape only."""
        t = TensorProto(name=name, data_type=TensorProto.FLOAT, dims=dims, data_location=TensorProto.EXTERNAL)
        entry = t.external_data.add()
        entry.key, entry.value = "location", WEIGHTS
        self.inits.append(t)
        return name

    def node(self, op, inputs, name, **attrs):
        self.nodes.append(helper.make_node(op, inputs, [name], name=name, **attrs))
        return name

    def dense(self, x, p, n_in, n_out):
        y = self.node("MatMul", [x, self.weight(p + ".weight", n_in, n_out)], p + ".matmul")
        return self.node("Add", [y, self.weight(p + ".bias", n_out)], p + ".add")

    def layer_norm(self, x, p):
        return self.node("LayerNormalization", [x, self.weight(p + ".weight", H), self.weight(p + ".bias", H)],
                         p, axis=-1, epsilon=1e-5)

    def embedding(self, ids, table, rows):
        return self.node("Gather", [self.weight(table, rows, H), ids], table + ".gather")

    def heads(self, x, p, keys):
        r = self.node("Reshape", [x, "heads_shape"], p + ".split")
        return self.node("Transpose", [r], p + ".heads", perm=[0, 2, 3, 1] if keys else [0, 2, 1, 3])

    def gelu(self, x, p):
        e = self.node("Erf", [self.node("Div", [x, "sqrt2"], p + ".div")], p + ".erf")
        y = self.node("Mul", [x, self.node("Add", [e, "one"], p + ".add1")], p + ".mul")
        return self.node("Mul", [y, "half"], p + ".half")

    def attention(self, x, p, mask):
        q = self.heads(self.dense(x, p + ".q", H, H), p + ".q", False)
        k = self.heads(self.dense(x, p + ".k", H, H), p + ".k", True)
        v = self.heads(self.dense(x, p + ".v", H, H), p + ".v", False)
        scores = self.node("Div", [self.node("MatMul", [q, k], p + ".scores"), "scale"], p + ".scaled")
        if mask is None:
            masked = self.node("Add", [scores, "mask_bias"], p + ".mask")
        else:
            masked = self.node("Where", [mask, scores, "neg_inf"], p + ".mask")
        probs = self.node("Softmax", [masked], p + ".softmax", axis=-1)
        ctx = self.node("MatMul", [probs, v], p + ".context")
        merged = self.node("Transpose", [ctx], p + ".unheads", perm=[0, 2, 1, 3])
        merged = self.node("Reshape", [merged, "merged_shape"], p + ".merge")
        return self.dense(merged, p + ".o", H, H)

    def mlp(self, x, p):
        return self.dense(self.gelu(self.dense(x, p + ".fc1", H, F), p + ".gelu"), p + ".fc2", F, H)

    def post_norm_layer(self, x, p):
        a = self.layer_norm(self.node("Add", [self.attention(x, p + ".attn", None), x], p + ".res1"), p + ".ln1")
        return self.layer_norm(self.node("Add", [self.mlp(a, p + ".mlp"), a], p + ".res2"), p + ".ln2")

    def pre_norm_block(self, x, p, mask):
        a = self.node("Add", [self.attention(self.layer_norm(x, p + ".ln1"), p + ".attn", mask), x], p + ".res1")
        return self.node("Add", [self.mlp(self.layer_norm(a, p + ".ln2"), p + ".mlp"), a], p + ".res2")

    def model(self, name, inputs, outputs):
        graph = helper.make_graph(self.nodes, name, inputs, outputs, initializer=self.inits)
        model = helper.make_model(graph, producer_name="memdse make_transformers.py",
                                  opset_imports=[helper.make_opsetid("", 17)])
        model.ir_version = 8
        return model


def tokens(name, elem=TensorProto.INT64):
    return helper.make_tensor_value_info(name, elem, ["batch", "seq_len"])


def bert():
    g = Graph()
    emb = g.node("Add", [g.embedding("input_ids", "embeddings.word", 30522),
                         g.embedding("position_ids", "embeddings.position", 512)], "embeddings.add1")
    emb = g.node("Add", [emb, g.embedding("token_type_ids", "embeddings.token_type", 2)], "embeddings.add2")
    x = g.layer_norm(emb, "embeddings.ln")
    for i in range(LAYERS):
        x = g.post_norm_layer(x, "encoder.%d" % i)
    cls = g.node("Gather", [x, "first"], "pooler.first", axis=1)
    # torch.nn.Linear on a 2-D input exports as Gemm with the weight stored [out, in] and transB=1.
    pooled = g.node("Gemm", [cls, g.weight("pooler.weight", H, H), g.weight("pooler.bias", H)], "pooler", transB=1)
    g.node("Tanh", [pooled], "pooler_output")
    return g.model("bert-base", [tokens("input_ids"), tokens("token_type_ids"), tokens("position_ids")],
                   [helper.make_tensor_value_info("pooler_output", TensorProto.FLOAT, ["batch", H])])


def vit():
    g = Graph()
    g.ints("patches_shape", [0, H, -1])
    conv = g.node("Conv", ["pixel_values", g.weight("patch_embed.weight", H, 3, 16, 16),
                           g.weight("patch_embed.bias", H)], "patch_embed", kernel_shape=[16, 16], strides=[16, 16])
    patches = g.node("Transpose", [g.node("Reshape", [conv, "patches_shape"], "patch_embed.flatten")],
                     "patch_embed.tokens", perm=[0, 2, 1])
    # The class token as a one-row table read at index 0, so it stays a parameter of the graph.
    cls = g.embedding("cls_index", "cls_token", 1)
    x = g.node("Concat", [cls, patches], "tokens", axis=1)
    x = g.node("Add", [x, g.embedding("position_ids", "pos_embed", 197)], "pos_add")
    for i in range(LAYERS):
        x = g.pre_norm_block(x, "blocks.%d" % i, None)
    first = g.node("Gather", [g.layer_norm(x, "norm"), "first"], "head.first", axis=1)
    g.node("Gemm", [first, g.weight("head.weight", 1000, H), g.weight("head.bias", 1000)], "logits", transB=1)
    return g.model("vit-b16", [helper.make_tensor_value_info("pixel_values", TensorProto.FLOAT, ["batch", 3, 224, 224]),
                               helper.make_tensor_value_info("cls_index", TensorProto.INT64, ["batch", 1]),
                               tokens("position_ids")],
                   [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 1000])])


def gpt2():
    g = Graph()
    x = g.node("Add", [g.embedding("input_ids", "wte", 50257), g.embedding("position_ids", "wpe", 1024)], "embed")
    for i in range(LAYERS):
        x = g.pre_norm_block(x, "h.%d" % i, "causal_mask")
    head = g.node("Transpose", ["wte"], "wte.t", perm=[1, 0])
    g.node("MatMul", [g.layer_norm(x, "ln_f"), head], "logits")
    mask = helper.make_tensor_value_info("causal_mask", TensorProto.BOOL, [1, 1, "seq_len", "seq_len"])
    return g.model("gpt2-small", [tokens("input_ids"), tokens("position_ids"), mask],
                   [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "seq_len", 50257])])


def main(out):
    open(os.path.join(out, WEIGHTS), "wb").close()
    for name, build in (("bert-base", bert), ("vit-b16", vit), ("gpt2-small", gpt2)):
        path = os.path.join(out, name + ".onnx")
        model = shape_inference.infer_shapes(build(), check_type=True, strict_mode=True)
        onnx.save(model, path)
        onnx.checker.check_model(path)
        print(path, os.path.getsize(path), "bytes,", len(model.graph.node), "nodes,",
              len(model.graph.value_info), "shapes inferred")


if __name__ == "__main__":
    main(sys.argv[1])
