package org.memdse.onnx;

import java.util.List;
import java.util.Objects;

/**
 * The layers found in an ONNX model, before they become a memdse network graph. Kept as its own
 * value so that the ONNX-side result (shapes as ONNX counts them) can be checked against the
 * shapes ONNX records, independently of how memdse models layers.
 *
 * @param name    the graph's name (or the file's, when the graph has none)
 * @param layers  inputs first, then every layer in topological order
 * @param outputs the layers whose outputs are graph outputs
 */
public record OnnxNetwork(String name, List<OnnxLayer> layers, List<String> outputs) {
    public OnnxNetwork {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
        outputs = List.copyOf(outputs);
    }

    public OnnxLayer layer(String layerName) {
        return layers.stream().filter(l -> l.name().equals(layerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + layerName));
    }
}
