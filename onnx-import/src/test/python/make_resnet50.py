#!/usr/bin/python3
"""Writes ResNet-50 (He et al., "Deep Residual Learning for Image Recognition", CVPR 2016,
Table 1, 50-layer column; bottleneck v1 with the stride on the 3x3 convolution, as torchvision
builds it) as an ONNX model for memdse's import tests, using only Debian's python3-onnx.

The weights are zeros stored as shapes (each initializer's payload is a single raw zero-filled
buffer), so the file is full size (about 100 MB) like a real export; onnx.shape_inference then
records every intermediate shape in value_info, which the Java test compares layer by layer.

Usage: make_resnet50.py OUTPUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper, shape_inference

nodes = []
inits = []


def weight(name, *dims):
    inits.append(numpy_helper.from_array(np.zeros(dims, dtype=np.float32), name))
    return name


def conv_bn(x, name, cin, cout, k, stride, relu=True):
    w = weight(name + ".weight", cout, cin, k, k)
    nodes.append(helper.make_node("Conv", [x, w], [name + ".out"], name=name, kernel_shape=[k, k],
                                  strides=[stride, stride], pads=[k // 2] * 4))
    bn = name + ".bn"
    params = [weight(bn + "." + p, cout) for p in ("scale", "bias", "mean", "var")]
    nodes.append(helper.make_node("BatchNormalization", [name + ".out"] + params, [bn + ".out"], name=bn))
    if not relu:
        return bn + ".out"
    nodes.append(helper.make_node("Relu", [bn + ".out"], [name + ".relu"], name=name + ".relu"))
    return name + ".relu"


def bottleneck(x, name, cin, width, stride):
    cout = width * 4
    y = conv_bn(x, name + ".conv1", cin, width, 1, 1)
    y = conv_bn(y, name + ".conv2", width, width, 3, stride)
    y = conv_bn(y, name + ".conv3", width, cout, 1, 1, relu=False)
    shortcut = x
    if stride != 1 or cin != cout:
        shortcut = conv_bn(x, name + ".downsample", cin, cout, 1, stride, relu=False)
    nodes.append(helper.make_node("Add", [y, shortcut], [name + ".add"], name=name + ".add"))
    nodes.append(helper.make_node("Relu", [name + ".add"], [name + ".out"], name=name + ".relu"))
    return name + ".out"


def main(path):
    x = conv_bn("input", "conv1", 3, 64, 7, 2)
    nodes.append(helper.make_node("MaxPool", [x], ["pool1"], name="maxpool", kernel_shape=[3, 3],
                                  strides=[2, 2], pads=[1, 1, 1, 1]))
    x, cin = "pool1", 64
    for stage, (blocks, width, stride) in enumerate([(3, 64, 1), (4, 128, 2), (6, 256, 2), (3, 512, 2)], 1):
        for b in range(blocks):
            x = bottleneck(x, "layer%d.%d" % (stage, b), cin, width, stride if b == 0 else 1)
            cin = width * 4
    nodes.append(helper.make_node("GlobalAveragePool", [x], ["gap"], name="avgpool"))
    nodes.append(helper.make_node("Flatten", ["gap"], ["flat"], name="flatten", axis=1))
    nodes.append(helper.make_node("Gemm", ["flat", weight("fc.weight", 1000, 2048), weight("fc.bias", 1000)],
                                  ["logits"], name="fc", transB=1))
    graph = helper.make_graph(nodes, "resnet50",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 3, 224, 224])],
                              [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 1000])],
                              initializer=inits)
    model = helper.make_model(graph, producer_name="memdse make_resnet50.py",
                              opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    model = shape_inference.infer_shapes(model)
    onnx.checker.check_model(model)
    onnx.save(model, path)


if __name__ == "__main__":
    main(sys.argv[1])
