package org.memdse.core.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memdse.core.units.Dimension;
import org.memdse.core.units.Unit;
import org.memdse.core.units.UnitFormatException;
import org.memdse.core.units.UnitParser;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node with its file, position and document path. Its typed getters never throw: a
 * value of the wrong type or out of range records a diagnostic (file, line, column, path, what
 * was expected, what was found) and returns a harmless placeholder, so that a reader can go on
 * and report every mistake of a file at once.
 */
public final class SpecNode implements Located {
    private final Node node;
    private final String file;
    private final SpecContext context;
    /**
     * The document path, built on first use from the parent's ({@link #parent}, {@link #key},
     * {@link #index}): a long file has millions of nodes and few are ever named in a message.
     */
    private String path;
    private final SpecNode parent;
    /** The key under which this node sits in its parent mapping, or null for a list item. */
    private final String key;
    /** The index of this node in its parent list, or -1. */
    private final int index;
    /** For a mapping's value: the key as written (messages about the key itself point there). */
    private final Node keyYaml;
    /** {@link #detached()}, made once. */
    private Located detached;

    SpecNode(Node node, String file, String path, SpecContext context) {
        this(node, file, path, context, null, null, -1, null);
    }

    private SpecNode(Node node, String file, String path, SpecContext context, SpecNode parent, String key, int index,
                     Node keyYaml) {
        this.node = node;
        this.file = file;
        this.path = path;
        this.context = context;
        this.parent = parent;
        this.key = key;
        this.index = index;
        this.keyYaml = keyYaml;
    }

    /** The value under {@code key} in this mapping, whose key was written as {@code keyYaml}. */
    SpecNode child(String key, Node value, Node keyYaml) {
        return new SpecNode(value, file, null, context, this, key, -1, keyYaml);
    }

    /** The key of a mapping value as written, at the value's path; null if this is no mapping value. */
    SpecNode keyAt() {
        return keyYaml == null ? null : new SpecNode(keyYaml, file, null, context, parent, key, -1, null);
    }

    /** Item {@code index} of this list, read on its own with {@code itemContext} (see {@link SpecLoader}). */
    SpecNode item(int index, Node value, SpecContext itemContext) {
        return new SpecNode(value, file, null, itemContext, this, null, index, null);
    }

    /**
     * This node's position and path without the node: what a message long after reading needs
     * (a network's graph checks point at layers read long before), while the YAML tree of a list
     * read item by item is dropped item by item. The path is worked out when asked for.
     */
    public Located detached() {
        Located d = detached;
        if (d == null) {
            d = new Place(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path,
                    path == null ? parent.detached() : null, key, index);
            detached = d;
        }
        return d;
    }

    /** A place as {@link #detached()} gives it: a path from the parent's as {@link #path()} makes it. */
    private record Place(String file, int line, int column, String fixedPath, Located parent, String key, int index)
            implements Located {
        @Override
        public SourcePosition position() {
            return new SourcePosition(file, line, column);
        }

        @Override
        public String path() {
            if (fixedPath != null) {
                return fixedPath;
            }
            String p = parent.path();
            return key != null ? (p.isEmpty() ? key : p + "." + key) : p + "[" + index + "]";
        }
    }

    /** The root of a composed document. */
    public static SpecNode root(Node node, String file, SpecContext context) {
        return new SpecNode(node, file, "", context);
    }

    @Override
    public SourcePosition position() {
        return new SourcePosition(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    @Override
    public String path() {
        String p = path;
        if (p == null) {
            p = key != null ? parent.childPath(key) : parent.path() + "[" + index + "]";
            path = p;
        }
        return p;
    }

    public String file() {
        return file;
    }

    public SpecContext context() {
        return context;
    }

    /** Records an error at this node. */
    public void error(String message) {
        context.diagnostics().error(position(), path(), message);
    }

    /** Records a warning at this node: the input is accepted, but a figure from it may mislead. */
    public void warning(String message) {
        context.diagnostics().warning(position(), path(), message);
    }

    String childPath(String key) {
        String p = path();
        return p.isEmpty() ? key : p + "." + key;
    }

    Node raw() {
        return node;
    }

    /** The YAML node itself (sweeps put it into another tree); do not change it. */
    public Node yaml() {
        return node;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    /** How a node is described in "found ..." phrases. */
    public String describeFound() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** The mapping under this node; an error (and an empty view) if it is not one. */
    public SpecMap asMap() {
        if (node instanceof MappingNode m) {
            return context.mapOf(this, m);
        }
        error("expected a mapping of keys to values, found " + describeFound());
        return SpecMap.empty(this);
    }

    /** The items of the list under this node; an error (and no items) if it is not one. */
    public List<SpecNode> asList() {
        if (node instanceof SequenceNode seq) {
            List<SpecNode> items = new ArrayList<>();
            List<Node> values = seq.getValue();
            for (int i = 0; i < values.size(); i++) {
                items.add(new SpecNode(values.get(i), file, null, context, this, null, i, null));
            }
            return items;
        }
        error("expected a list, found " + describeFound());
        return List.of();
    }

    /** The scalar text, or empty with an error if this is not a scalar. */
    public Optional<String> asText(String expected) {
        if (isScalar()) {
            return Optional.of(((ScalarNode) node).getValue());
        }
        error("expected " + expected + ", found " + describeFound());
        return Optional.empty();
    }

    /** A non-empty text (names, references). Placeholder: the empty string. */
    public String asString() {
        String text = asText("a text").orElse("");
        if (isScalar() && text.isBlank()) {
            error("expected a non-empty text, found ''");
        }
        return text;
    }

    /** An integer in [min, max]. Placeholder: {@code min}. */
    public int asInt(int min, int max) {
        // The text of "expected ..." is built only for a message: a long file reads millions of integers.
        if (!isScalar()) {
            error("expected an integer " + range(min, max) + ", found " + describeFound());
            return min;
        }
        String text = ((ScalarNode) node).getValue();
        try {
            long value = Long.parseLong(text.indexOf('_') < 0 ? text.trim() : text.trim().replace("_", ""));
            if (value < min || value > max) {
                error("expected an integer " + range(min, max) + ", found '" + text + "'");
                return min;
            }
            return (int) value;
        } catch (NumberFormatException e) {
            error("expected an integer " + range(min, max) + ", found '" + text + "'");
            return min;
        }
    }

    /**
     * An integer within {@code bounds}: outside the possible range an error (placeholder: a
     * value inside both ranges), outside the calibrated range a warning.
     */
    public int asInt(Bounds bounds) {
        int min = (int) bounds.min();
        int max = (int) bounds.max();
        String expected = "an integer " + range(min, max);
        Optional<String> text = asText(expected);
        if (text.isEmpty()) {
            return (int) bounds.placeholder();
        }
        long value;
        try {
            value = Long.parseLong(text.get().trim().replace("_", ""));
        } catch (NumberFormatException e) {
            error("expected " + expected + ", found '" + text.get() + "'");
            return (int) bounds.placeholder();
        }
        if (value < min || value > max) {
            error("expected " + expected + ", found '" + text.get() + "'");
            return (int) bounds.placeholder();
        }
        warnIfUncalibrated(bounds, value, text.get());
        return (int) value;
    }

    /**
     * A quantity within {@code bounds} (its unit required): outside the physically possible
     * range an error that gives the range and the reason (placeholder: a value inside both
     * ranges), outside the calibrated range a warning that says what is extrapolated.
     */
    public double asQuantity(Bounds bounds) {
        Optional<String> text = asText(UnitParser.example(bounds.dimension()));
        if (text.isEmpty()) {
            return bounds.placeholder();
        }
        double value;
        try {
            value = UnitParser.parse(text.get(), bounds.dimension(), null, context.featureSizeMeters());
        } catch (UnitFormatException e) {
            error(e.isOutOfRange() ? "expected a value in " + bounds.possibleRange() + ", found '" + text.get().trim()
                    + "': " + bounds.why() : e.getMessage());
            return bounds.placeholder();
        }
        return checkBounds(bounds, value, text.get().trim());
    }

    /**
     * Checks a value already in base units against {@code bounds}; {@code found} is how it was
     * written. Returns the value, or a placeholder after an error.
     */
    public double checkBounds(Bounds bounds, double value, String found) {
        if (bounds.inRange(value) && !bounds.possible(value)) {
            error("expected a whole number" + (bounds.dimension() == Dimension.INFORMATION ? " of bits" : "")
                    + ", found '" + found + "'");
            return bounds.placeholder();
        }
        if (!bounds.possible(value)) {
            error("expected a value in " + bounds.possibleRange() + ", found '" + found + "': " + bounds.why());
            return bounds.placeholder();
        }
        warnIfUncalibrated(bounds, value, found);
        return value;
    }

    private void warnIfUncalibrated(Bounds bounds, double value, String found) {
        if (!bounds.isCalibrated(value)) {
            warning("'" + found + "' is outside the calibrated range " + bounds.calibratedRange() + ": "
                    + bounds.calibration());
        }
    }

    private static String range(long min, long max) {
        if (max == Integer.MAX_VALUE) {
            return ">= " + min;
        }
        return min + ".." + max;
    }

    /** {@code true} or {@code false}. Placeholder: false. */
    public boolean asBoolean() {
        Optional<String> text = asText("true or false");
        if (text.isPresent()) {
            if (text.get().equals("true")) {
                return true;
            }
            if (!text.get().equals("false")) {
                error("expected true or false, found '" + text.get() + "'");
            }
        }
        return false;
    }

    /**
     * A quantity in the base unit of {@code dimension}, at least {@code min} (exclusive when
     * {@code minExclusive}). Placeholder: a positive value so that later arithmetic stays finite.
     */
    public double asQuantity(Dimension dimension, Unit defaultUnit, double min, boolean minExclusive) {
        Optional<String> text = asText(UnitParser.example(dimension));
        if (text.isEmpty()) {
            return placeholder(min);
        }
        double value;
        try {
            value = UnitParser.parse(text.get(), dimension, defaultUnit, context.featureSizeMeters());
        } catch (UnitFormatException e) {
            error(e.getMessage());
            return placeholder(min);
        }
        if (minExclusive ? !(value > min) : !(value >= min)) {
            String bound = min == 0 ? (minExclusive ? "a positive value" : "a value of zero or more")
                    : (minExclusive ? "a value above " : "a value of at least ") + min;
            error("expected " + bound + ", found '" + text.get() + "'");
            return placeholder(min);
        }
        return value;
    }

    private static double placeholder(double min) {
        return Math.max(1.0, min + 1.0);
    }

    /** One of an enum's keys, with did-you-mean. Placeholder: the first constant. */
    public <E extends Enum<E> & Keyed> E asEnum(Class<E> type) {
        E[] constants = type.getEnumConstants();
        if (isScalar()) {
            String text = ((ScalarNode) node).getValue();
            for (E c : constants) {
                if (c.key().equals(text)) {
                    return c;
                }
            }
        }
        // Not one of them: the list of keys is built for the message only.
        List<String> keys = new ArrayList<>();
        for (E c : constants) {
            keys.add(c.key());
        }
        Optional<String> text = asText("one of " + String.join(", ", keys));
        if (text.isPresent()) {
            error("expected one of " + String.join(", ", keys) + ", found '" + text.get() + "'"
                    + Suggestions.didYouMean(text.get(), keys));
        }
        return constants[0];
    }
}
