package org.memdse.onnx;

import java.util.Objects;

/**
 * One dimension of a shape recorded in an ONNX file: a number, a symbol such as {@code batch}
 * (ONNX's {@code dim_param}), or neither when the exporter did not know it.
 *
 * @param value  the size, or {@code -1} when not a number
 * @param symbol the symbolic name, or empty
 */
public record OnnxDim(long value, String symbol) {
    public OnnxDim {
        Objects.requireNonNull(symbol, "symbol");
    }

    public static OnnxDim of(long value) {
        return new OnnxDim(value, "");
    }

    public static OnnxDim symbolic(String symbol) {
        return new OnnxDim(-1, symbol);
    }

    public boolean isKnown() {
        return value >= 0;
    }

    @Override
    public String toString() {
        return isKnown() ? Long.toString(value) : symbol.isEmpty() ? "?" : symbol;
    }
}
