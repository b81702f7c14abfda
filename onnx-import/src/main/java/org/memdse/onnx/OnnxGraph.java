package org.memdse.onnx;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The main graph of a model.
 *
 * @param name         the graph's name
 * @param nodes        the nodes in file order (topological, as ONNX requires)
 * @param initializers constant tensors by name (weights, biases, shape constants)
 * @param inputs       declared inputs; before IR version 4 these also list the initializers
 * @param outputs      declared outputs
 * @param valueInfos   shapes recorded for intermediate values (e.g. by onnx.shape_inference)
 */
public record OnnxGraph(String name, List<OnnxNode> nodes, Map<String, OnnxTensor> initializers,
                        List<OnnxValueInfo> inputs, List<OnnxValueInfo> outputs, List<OnnxValueInfo> valueInfos) {
    public OnnxGraph {
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        initializers = Map.copyOf(initializers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        valueInfos = List.copyOf(valueInfos);
    }
}
