package org.memdse.onnx;

import java.util.Map;
import java.util.Objects;

/**
 * An ONNX model file, reduced to what network import needs.
 *
 * @param irVersion     the file format version ({@code ir_version})
 * @param opsetImports  operator set versions by domain; the default ONNX set is under ""
 * @param producer      the exporter, e.g. "pytorch 1.12"; may be empty
 * @param graph         the main graph
 */
public record OnnxModel(long irVersion, Map<String, Long> opsetImports, String producer, OnnxGraph graph) {
    public OnnxModel {
        opsetImports = Map.copyOf(opsetImports);
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(graph, "graph");
    }

    /**
     * The version of the default operator set, which decides attribute-vs-input forms (e.g. Pad's
     * pads moved from an attribute to an input in opset 11). IR version 3+ files always declare it;
     * for older files with none we assume opset 1.
     */
    public long opset() {
        Long v = opsetImports.get("");
        if (v == null) {
            v = opsetImports.get("ai.onnx");
        }
        return v == null ? 1 : v;
    }
}
