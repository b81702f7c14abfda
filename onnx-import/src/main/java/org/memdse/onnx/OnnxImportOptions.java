package org.memdse.onnx;

import java.util.Map;

/**
 * How to import an ONNX file.
 *
 * @param skipUnsupported    pass an unsupported operator's input through (its output shape taken
 *                           from the file when recorded) instead of failing
 * @param batchSize          the size given to a symbolic or unknown leading (batch) dimension;
 *                           memdse evaluates one inference at a time, hence 1 by default
 * @param dimensionValues    sizes for other symbolic dimensions, by their ONNX {@code dim_param}
 *                           name (e.g. {@code seq_len=32})
 */
public record OnnxImportOptions(boolean skipUnsupported, long batchSize, Map<String, Long> dimensionValues) {
    public OnnxImportOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        dimensionValues = Map.copyOf(dimensionValues);
    }

    public static OnnxImportOptions defaults() {
        return new OnnxImportOptions(false, 1, Map.of());
    }

    public OnnxImportOptions withSkipUnsupported(boolean skip) {
        return new OnnxImportOptions(skip, batchSize, dimensionValues);
    }

    public OnnxImportOptions withBatchSize(long size) {
        return new OnnxImportOptions(skipUnsupported, size, dimensionValues);
    }

    public OnnxImportOptions withDimensionValues(Map<String, Long> values) {
        return new OnnxImportOptions(skipUnsupported, batchSize, values);
    }
}
