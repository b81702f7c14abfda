package org.memdse.onnx;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One operator application of the graph.
 *
 * @param index      the position in {@code graph.node}, which ONNX requires to be topological
 * @param name       the node's name; often empty in hand-built files
 * @param opType     the operator, e.g. {@code Conv}
 * @param domain     the operator set domain; empty for the default ONNX set
 * @param inputs     input value names; an empty name is an omitted optional input
 * @param outputs    output value names; an empty name is an unused optional output
 * @param attributes the attributes by name
 */
public record OnnxNode(int index, String name, String opType, String domain, List<String> inputs,
                       List<String> outputs, Map<String, OnnxAttribute> attributes) {
    public OnnxNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opType, "opType");
        Objects.requireNonNull(domain, "domain");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        attributes = Map.copyOf(attributes);
    }

    /** Where the node is, for messages: {@code graph.node[12](Conv 'conv1')}. */
    public String path() {
        return "graph.node[" + index + "](" + opType + (name.isEmpty() ? "" : " '" + name + "'") + ")";
    }

    /** The name a layer built from this node gets: the node's own, else one made from its index. */
    public String layerName() {
        return name.isEmpty() ? opType.toLowerCase(java.util.Locale.ROOT) + "_" + index : name;
    }

    /** The i-th input's name, or empty when it is absent or omitted. */
    public Optional<String> input(int i) {
        return i < inputs.size() && !inputs.get(i).isEmpty() ? Optional.of(inputs.get(i)) : Optional.empty();
    }

    public Optional<OnnxAttribute> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    public long intAttribute(String attributeName, long defaultValue) {
        OnnxAttribute a = attributes.get(attributeName);
        if (a == null) {
            return defaultValue;
        }
        if (a instanceof OnnxAttribute.IntValue i) {
            return i.value();
        }
        throw wrongKind(a, "INT");
    }

    public float floatAttribute(String attributeName, float defaultValue) {
        OnnxAttribute a = attributes.get(attributeName);
        if (a == null) {
            return defaultValue;
        }
        if (a instanceof OnnxAttribute.FloatValue f) {
            return f.value();
        }
        throw wrongKind(a, "FLOAT");
    }

    public String stringAttribute(String attributeName, String defaultValue) {
        OnnxAttribute a = attributes.get(attributeName);
        if (a == null) {
            return defaultValue;
        }
        if (a instanceof OnnxAttribute.StringValue s) {
            return s.value();
        }
        throw wrongKind(a, "STRING");
    }

    /** An INTS attribute, or empty when absent. */
    public Optional<List<Long>> intsAttribute(String attributeName) {
        OnnxAttribute a = attributes.get(attributeName);
        if (a == null) {
            return Optional.empty();
        }
        if (a instanceof OnnxAttribute.IntList l) {
            return Optional.of(l.values());
        }
        throw wrongKind(a, "INTS");
    }

    private static OnnxImportProblem wrongKind(OnnxAttribute a, String expected) {
        return new OnnxImportProblem("attribute '" + a.name() + "': expected " + expected + ", found " + a.kind());
    }
}
