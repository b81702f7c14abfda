package org.memdse.core.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.memdse.core.units.Dimension;
import org.memdse.core.units.Unit;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping being read. Every key a reader asks for, present or not, becomes a known key;
 * when reading ends, {@link SpecContext#finish()} reports every key nobody asked for as unknown,
 * with "did you mean" for near misses. Duplicate keys are reported with both lines.
 */
public final class SpecMap {
    private final SpecNode owner;
    /** The values by key; each knows its key node, for messages about a key itself (unknown, duplicate, defined twice). */
    private final Map<String, SpecNode> entries;
    /** A stand-in for a mapping that is absent or not a mapping (already reported): reports nothing. */
    private final boolean placeholder;
    /**
     * The keys asked for, present or not, in the order asked, a key again each time it is asked
     * (a list: a mapping is asked a few dozen keys; repeats are dropped when a message lists them,
     * which is rare, rather than looked for on every question).
     */
    private final List<String> known = new ArrayList<>();
    private boolean open = false;

    private SpecMap(SpecNode owner, Map<String, SpecNode> entries, boolean placeholder) {
        this.owner = owner;
        this.entries = entries;
        this.placeholder = placeholder;
    }

    /**
     * An empty stand-in for a mapping that is missing or is not a mapping. That mistake is already
     * reported, so the keys read from the stand-in are not reported missing as well.
     */
    static SpecMap empty(SpecNode owner) {
        return new SpecMap(owner, Map.of(), true);
    }

    static SpecMap of(SpecNode owner, MappingNode node) {
        List<NodeTuple> tuples = node.getValue();
        Map<String, SpecNode> entries = new LinkedHashMap<>(Math.max(4, tuples.size() * 4 / 3 + 1));
        for (NodeTuple tuple : tuples) {
            if (!(tuple.getKeyNode() instanceof ScalarNode scalar)) {
                SpecNode keyNode = new SpecNode(tuple.getKeyNode(), owner.file(), owner.path(), owner.context());
                keyNode.error("expected a plain key, found " + keyNode.describeFound());
                continue;
            }
            String key = scalar.getValue();
            SpecNode value = owner.child(key, tuple.getValueNode(), tuple.getKeyNode());
            SpecNode previous = entries.putIfAbsent(key, value);
            if (previous != null) {
                value.keyAt().error("duplicate key '" + key + "' (first given at line " + previous.keyAt().position().line()
                        + "); remove one of them");
            }
        }
        return new SpecMap(owner, entries, false);
    }

    /** The node that holds this mapping. */
    public SpecNode node() {
        return owner;
    }

    public String path() {
        return owner.path();
    }

    /** Whether the key is written (and marks it known). */
    public boolean has(String key) {
        markKnown(key);
        return entries.containsKey(key);
    }

    /** The value under a key, if written. */
    public Optional<SpecNode> get(String key) {
        markKnown(key);
        return Optional.ofNullable(entries.get(key));
    }

    private void markKnown(String key) {
        known.add(key);
    }

    /** The value under a required key; records "missing required key" if absent. */
    public Optional<SpecNode> required(String key, String what) {
        Optional<SpecNode> value = get(key);
        if (value.isEmpty()) {
            missing(key, what);
        }
        return value;
    }

    /** Records that a required key is missing, pointing at the mapping that should hold it. */
    public void missing(String key, String what) {
        if (placeholder) {
            return;
        }
        owner.context().diagnostics().error(owner.position(), owner.childPath(key),
                "missing required key '" + key + "' (" + what + ")");
    }

    /** Free-form mappings (names of devices, templates, subsystems): every key is accepted. */
    public Map<String, SpecNode> entries() {
        open = true;
        return entries;
    }

    /**
     * The node of a key as written (its position is the key's, its path the key's path), for
     * messages about the key itself such as "defined twice"; the value's node if the key is unknown.
     */
    public SpecNode keyNode(String key) {
        SpecNode value = entries.get(key);
        SpecNode node = value == null ? null : value.keyAt();
        return node != null ? node : value != null ? value : owner;
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public String string(String key, String what) {
        return required(key, what).map(SpecNode::asString).orElse("");
    }

    public Optional<String> optionalString(String key) {
        return get(key).map(SpecNode::asString);
    }

    public int integer(String key, int min, int max, String what) {
        return required(key, what).map(n -> n.asInt(min, max)).orElse(min);
    }

    public int integer(String key, int min, int max, int defaultValue) {
        return get(key).map(n -> n.asInt(min, max)).orElse(defaultValue);
    }

    /** A required integer within {@code bounds} (see {@link SpecNode#asInt(Bounds)}). */
    public int integer(String key, Bounds bounds, String what) {
        return required(key, what).map(n -> n.asInt(bounds)).orElse((int) bounds.placeholder());
    }

    /** An optional integer within {@code bounds}. */
    public int integer(String key, Bounds bounds, int defaultValue) {
        return get(key).map(n -> n.asInt(bounds)).orElse(defaultValue);
    }

    /** A required quantity within {@code bounds} (see {@link SpecNode#asQuantity(Bounds)}). */
    public double quantity(String key, Bounds bounds, String what) {
        return required(key, what).map(n -> n.asQuantity(bounds)).orElse(bounds.placeholder());
    }

    /** An optional quantity within {@code bounds}. */
    public OptionalDouble optionalQuantity(String key, Bounds bounds) {
        Optional<SpecNode> node = get(key);
        return node.isPresent() ? OptionalDouble.of(node.get().asQuantity(bounds)) : OptionalDouble.empty();
    }

    public boolean bool(String key, boolean defaultValue) {
        return get(key).map(SpecNode::asBoolean).orElse(defaultValue);
    }

    /** A required positive quantity. */
    public double quantity(String key, Dimension dimension, Unit defaultUnit, String what) {
        return required(key, what).map(n -> n.asQuantity(dimension, defaultUnit, 0, true)).orElse(1.0);
    }

    /** An optional positive quantity. */
    public OptionalDouble optionalQuantity(String key, Dimension dimension, Unit defaultUnit) {
        Optional<SpecNode> node = get(key);
        return node.isPresent() ? OptionalDouble.of(node.get().asQuantity(dimension, defaultUnit, 0, true)) : OptionalDouble.empty();
    }

    /** An optional quantity that may be zero (e.g. a leakage power of 0 W). */
    public OptionalDouble optionalNonNegativeQuantity(String key, Dimension dimension, Unit defaultUnit) {
        Optional<SpecNode> node = get(key);
        return node.isPresent() ? OptionalDouble.of(node.get().asQuantity(dimension, defaultUnit, 0, false)) : OptionalDouble.empty();
    }

    public <E extends Enum<E> & Keyed> E enumValue(String key, Class<E> type, String what) {
        return required(key, what).map(n -> n.asEnum(type)).orElse(type.getEnumConstants()[0]);
    }

    public <E extends Enum<E> & Keyed> E enumValue(String key, Class<E> type, E defaultValue) {
        return get(key).map(n -> n.asEnum(type)).orElse(defaultValue);
    }

    /** A required nested mapping (an empty view if missing or not a mapping). */
    public SpecMap map(String key, String what) {
        return required(key, what).map(SpecNode::asMap).orElse(empty(owner));
    }

    public Optional<SpecMap> optionalMap(String key) {
        return get(key).map(SpecNode::asMap);
    }

    /** The items of an optional list (none if absent). */
    public List<SpecNode> list(String key) {
        return get(key).map(SpecNode::asList).orElse(List.of());
    }

    /** Reports the keys nobody asked for. Called once by {@link SpecContext#finish()}. */
    void reportUnknownKeys() {
        if (open) {
            return;
        }
        for (Map.Entry<String, SpecNode> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                List<String> allowed = List.copyOf(new LinkedHashSet<>(known));
                String hint = Suggestions.didYouMean(e.getKey(), allowed);
                String list = allowed.isEmpty() ? "" : "; allowed here: " + String.join(", ", allowed);
                // At the key, not the value: a block mapping's value starts on the next line.
                keyNode(e.getKey()).error("unknown key '" + e.getKey() + "'" + hint + list);
            }
        }
    }
}
