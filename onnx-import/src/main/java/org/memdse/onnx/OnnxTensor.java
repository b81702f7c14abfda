package org.memdse.onnx;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A constant tensor (an initializer or a {@code Constant} node's value). Network import needs
 * the weights' shapes, not their numbers, so the payload is not kept; small integer tensors are
 * the exception, because they carry shapes and paddings that other nodes read (Reshape's target
 * shape, Pad's pads).
 *
 * @param name      the tensor's name (empty for an attribute value)
 * @param dataType  ONNX's {@code DataType} code (1 FLOAT, 6 INT32, 7 INT64, ...)
 * @param dims      the dimensions; empty for a scalar
 * @param intValues the values of a small INT32/INT64 tensor, when stored inline
 */
public record OnnxTensor(String name, int dataType, List<Long> dims, Optional<List<Long>> intValues) {
    /** ONNX {@code DataType} codes used by the importer (onnx.proto, enum TensorProto.DataType). */
    public static final int FLOAT = 1;
    public static final int INT32 = 6;
    public static final int INT64 = 7;

    public OnnxTensor {
        Objects.requireNonNull(name, "name");
        dims = List.copyOf(dims);
        intValues = intValues.map(List::copyOf);
    }

    public long elementCount() {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        return count;
    }
}
