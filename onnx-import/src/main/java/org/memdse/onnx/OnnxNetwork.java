package org.memdse.onnx;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The layers found in an ONNX model, before they become a memdse network graph. Kept as its own
 * value so that the ONNX-side result (shapes as ONNX counts them) can be checked against the
 * shapes ONNX records, independently of how memdse models layers.
 *
 * @param name    the graph's name (or the file's, when the graph has none)
 * @param layers  inputs first, then every layer in topological order
 * @param outputs the layers whose outputs are graph outputs
 * @param tiedTo  dense layers whose weights are an embedding's table (transposed), by that embedding
 */
public record OnnxNetwork(String name, List<OnnxLayer> layers, List<String> outputs, Map<String, String> tiedTo) {
    public OnnxNetwork {
        Objects.requireNonNull(name, "name");
        layers = List.copyOf(layers);
        outputs = List.copyOf(outputs);
        tiedTo = Map.copyOf(tiedTo);
    }

    public OnnxNetwork(String name, List<OnnxLayer> layers, List<String> outputs) {
        this(name, layers, outputs, Map.of());
    }

    public OnnxLayer layer(String layerName) {
        return layers.stream().filter(l -> l.name().equals(layerName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer " + layerName));
    }
}
