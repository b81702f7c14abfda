package org.memdse.onnx;

import java.util.List;
import java.util.Objects;

/**
 * A node attribute. Only the kinds that carry layer geometry are kept with their values; the
 * rest (graphs, sparse tensors, type protos) are recorded by kind so that an operator that needs
 * one can say so.
 */
public sealed interface OnnxAttribute {
    String name();

    /** ONNX's attribute type name, for messages ("INT", "FLOATS", ...). */
    String kind();

    record IntValue(String name, long value) implements OnnxAttribute {
        public String kind() {
            return "INT";
        }
    }

    record FloatValue(String name, float value) implements OnnxAttribute {
        public String kind() {
            return "FLOAT";
        }
    }

    record StringValue(String name, String value) implements OnnxAttribute {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        public String kind() {
            return "STRING";
        }
    }

    record IntList(String name, List<Long> values) implements OnnxAttribute {
        public IntList {
            values = List.copyOf(values);
        }

        public String kind() {
            return "INTS";
        }
    }

    record FloatList(String name, List<Float> values) implements OnnxAttribute {
        public FloatList {
            values = List.copyOf(values);
        }

        public String kind() {
            return "FLOATS";
        }
    }

    record TensorValue(String name, OnnxTensor value) implements OnnxAttribute {
        public String kind() {
            return "TENSOR";
        }
    }

    /** An attribute of a kind the importer does not read (e.g. a subgraph). */
    record Other(String name, String kind) implements OnnxAttribute {
    }
}
