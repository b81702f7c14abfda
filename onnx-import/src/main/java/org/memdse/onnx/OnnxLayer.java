package org.memdse.onnx;

import java.util.List;
import java.util.Objects;

/**
 * One layer found in an ONNX graph, with its shapes as ONNX counts them (batch dimension first).
 *
 * @param name        a name unique in the network: the node's name, else {@code <op>_<index>}
 * @param path        where it came from, e.g. {@code graph.node[12](Conv 'conv1')} or {@code graph.input[0]('x')}
 * @param op          what it computes
 * @param inputs      the names of the layers it reads, in operand order
 * @param inputShapes the shapes of those operands
 * @param outputShape the shape of its (first) output
 * @param batchAxis   which axis of {@code outputShape} is the batch (0 except around sequence-first
 *                    recurrent layers), dropped when converting to memdse's per-inference shapes
 * @param onnxValues  the ONNX value names that denote its output, including those of folded
 *                    and pass-through nodes (Identity, Dropout, BatchNormalization)
 * @param folded      paths of the nodes folded into this layer
 */
public record OnnxLayer(String name, String path, LayerOp op, List<String> inputs, List<List<Long>> inputShapes,
                        List<Long> outputShape, int batchAxis, List<String> onnxValues, List<String> folded) {
    public OnnxLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(op, "op");
        inputs = List.copyOf(inputs);
        inputShapes = inputShapes.stream().map(List::copyOf).toList();
        outputShape = List.copyOf(outputShape);
        onnxValues = List.copyOf(onnxValues);
        folded = List.copyOf(folded);
    }
}
