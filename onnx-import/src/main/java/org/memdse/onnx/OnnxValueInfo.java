package org.memdse.onnx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared value of the graph (a graph input or output, or a {@code value_info} entry).
 *
 * @param name     the value's name, unique in the graph
 * @param elemType ONNX's {@code DataType} code of the elements (1 = FLOAT), 0 when not given
 * @param shape    the recorded dimensions; empty when the file records no shape (unknown rank)
 */
public record OnnxValueInfo(String name, int elemType, Optional<List<OnnxDim>> shape) {
    public OnnxValueInfo {
        Objects.requireNonNull(name, "name");
        shape = shape.map(List::copyOf);
    }
}
