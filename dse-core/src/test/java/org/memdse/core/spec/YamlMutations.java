package org.memdse.core.spec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Mutated YAML documents for the readers' fuzz tests (architecture, network, sweep): a valid
 * seed changed by one to four mutations. Mutations work on the YAML tree (values swapped for
 * numbers at and beyond the reader's bounds, units of the wrong dimension, unicode, very long
 * strings; keys renamed, dropped or added; types and nesting changed; nodes shared through
 * anchors and aliases, recursion included) and on the text (lines inserted, dropped,
 * duplicated, re-indented; truncation; extra documents; tags, merge keys, alias bombs; includes
 * of directories and devices). Each reader supplies its seeds, its keys and its edge values.
 */
public final class YamlMutations {
    private final List<String> seeds;
    private final List<String> keys;
    private final List<String> boundValues;

    /**
     * @param seeds valid documents to mutate
     * @param keys the reader's keys and key words (inserted as keys and values)
     * @param boundValues values at and beyond the reader's bounds, with their units
     */
    public YamlMutations(List<String> seeds, List<String> keys, List<String> boundValues) {
        this.seeds = List.copyOf(seeds);
        this.keys = List.copyOf(keys);
        this.boundValues = boundValues.isEmpty() ? List.of("0") : List.copyOf(boundValues);
    }

    /** Documents made from a seed by one to four mutations. */
    public Arbitrary<String> documents() {
        Arbitrary<Integer> seed = Arbitraries.integers().between(0, seeds.size() - 1);
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(seed, mutations).as((i, list) -> apply(seeds.get(i), list));
    }

    /** The numbers every reader meets, with and without units. */
    public static List<String> numbers() {
        return NUMBERS;
    }

    /** One change: what to do, where (indices taken modulo what is there), and with what. */
    public record Mutation(Op op, int target, int other, String payload) {
    }

    public enum Op {
        // on the YAML tree
        SET_VALUE, SET_BOUND_VALUE, DELETE_KEY, RENAME_KEY, ADD_KEY, TO_LIST, TO_MAP, TO_SCALAR, NEST_DEEPER,
        SHARE_NODE, SHARE_ANCESTOR,
        // on the text
        INSERT_LINE, DELETE_LINE, DUPLICATE_LINE, REINDENT_LINE, TRUNCATE, INSERT_TEXT, EXTRA_DOCUMENT, YAML_TRICK;

        boolean onTree() {
            return ordinal() <= SHARE_ANCESTOR.ordinal();
        }
    }

    private Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000), payload()).as(Mutation::new);
    }

    /** What goes into a value, a key or a line. */
    public Arbitrary<String> payload() {
        return Arbitraries.frequencyOf(List.of(
                weight(6, numberWithUnit()),
                weight(6, Arbitraries.of(boundValues)),
                weight(3, Arbitraries.of(YAML_SPECIALS)),
                weight(3, Arbitraries.of(keys)),
                weight(2, Arbitraries.of(INCLUDES)),
                weight(3, Arbitraries.strings().all().ofMaxLength(12)),
                weight(2, Arbitraries.of(UNICODE)),
                weight(1, Arbitraries.of(LONG))));
    }

    private static Tuple.Tuple2<Integer, Arbitrary<String>> weight(int weight, Arbitrary<String> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    private static Arbitrary<String> numberWithUnit() {
        return Combinators.combine(Arbitraries.of(NUMBERS), Arbitraries.of(UNITS)).as((n, u) -> n + u);
    }

    private static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "0.5", "2", "3", "7", "8", "16", "17",
            "128", "1000", "4096", "4097", "65536", "65537", "1048577", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999", "1e6", "1e9", "1e15",
            "1e300", "1e308", "1.7976931348623157e308", "2e308", "1e-9", "1e-300", "4.9e-324", "1e-400", "1e999",
            ".5", "5.", "+5", "1_000", "0x1F", "0o17", "1e", "e5", "1.2.3", "NaN", "Infinity", "-Infinity", ".nan",
            ".inf", "-.inf");
    private static final List<String> UNITS = List.of("", " ", " V", " mV", " kV", " A", " nA", " Ohm", " kOhm",
            " GOhm", " ohms", " S", " uS", " nS", " s", " ms", " ns", " ps", " µs", " Hz", " MHz", " GHz", " J", " pJ",
            " fJ", " W", " mW", " nW", " m", " mm", " um", " nm", " µm", " m^2", " mm^2", " um^2", " F^2", " bit",
            " B", " KiB", " MiB", " GiB", " KB", "V", "ns", " furlong", " V V", "\tV");
    private static final List<String> YAML_SPECIALS = List.of("~", "null", "true", "false", "yes", "no", "on", "off",
            "[]", "{}", "''", "\"\"", "[1, 2]", "{a: 1}", "&a", "*a", "*undefined", "&a [*a]", "!!binary AAAA",
            "!!python/object/apply:os.system ['true']", "!!float 1e999", "!!int 0x10", "!!str", "!foo bar",
            "? complex key", "- item", "key: value", ": colon", "# comment", "'quoted'", "\"tab\\tand\\u0000nul\"",
            "|\n  block", ">\n  folded", "<<: *a", "%YAML 1.1", "---", "...", "@reserved", "`reserved");
    /** Includes of things that are not regular description files. */
    private static final List<String> INCLUDES = List.of("/dev/zero", "/dev/null", "/", ".", "/proc/self/status",
            "missing.yaml", "fuzz.yaml", "../../../../../../../../etc/hostname", "a\u0000b.yaml", "");
    private static final List<String> UNICODE = List.of("\u202Eevil", "zero\u200Bwidth", "😀", "e\u0301",
            "\uFEFFbom", "line\u2028sep", "next\u0085line", "\u0000", "\u0007bell", "\uD800", "\uDFFF", "𝟙𝟚𝟛",
            "µ", "Ω", "١٢٣", "ｆｕｌｌ", "\t", "\r", "\r\n");
    /** Long enough to expose work quadratic in a value's length (did-you-mean, messages), cheap enough for 6,000 tries. */
    private static final List<String> LONG = List.of("a".repeat(20_000), "9".repeat(5_000), "1e" + "9".repeat(400),
            "[".repeat(300), "{a: ".repeat(150), "- ".repeat(300), "x" + "\u00e9".repeat(10_000));

    // ---- applying mutations ---------------------------------------------------------------------

    public String apply(String seedText, List<Mutation> mutations) {
        Object tree = copy(trees.computeIfAbsent(seedText, YamlMutations::load));
        boolean treeValid = tree != null;
        String text = seedText;
        boolean textEdited = false;
        for (Mutation m : mutations) {
            if (m.op().onTree() && treeValid && !textEdited) {
                tree = mutateTree(tree, m);
                text = null;
            } else {
                if (text == null) {
                    text = dump(tree);
                }
                text = mutateText(text, m);
                textEdited = true;
            }
        }
        return text != null ? text : dump(tree);
    }

    /** The seeds parsed once: copying a tree costs far less than parsing its text again. */
    private final Map<String, Object> trees = new java.util.concurrent.ConcurrentHashMap<>();

    /** A deep copy of a loaded tree (the seeds have no shared nodes). */
    @SuppressWarnings("unchecked")
    private static Object copy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return node;
    }

    private static Object load(String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(1000);
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String dump(Object tree) {
        // SnakeYAML writes no lone surrogate (the text mutations still put them into documents).
        return writer.dump(withoutLoneSurrogates(tree, new IdentityHashMap<>()));
    }

    /** One dumper for all tries (jqwik runs the tries of a property one after another). */
    private final Yaml writer = dumper();

    private static Yaml dumper() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return new Yaml(options);
    }

    @SuppressWarnings("unchecked")
    private static Object withoutLoneSurrogates(Object node, Map<Object, Boolean> seen) {
        if (node instanceof String text) {
            if (text.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
                return text;
            }
            return text.codePoints().mapToObj(c -> Character.isSurrogate((char) c) && c < 0x10000 ? "?"
                    : new String(Character.toChars(c))).collect(java.util.stream.Collectors.joining());
        }
        if ((node instanceof Map || node instanceof List) && seen.put(node, true) == null) {
            if (node instanceof Map<?, ?> map) {
                Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) map);
                ((Map<Object, Object>) map).clear();
                copy.forEach((k, v) -> ((Map<Object, Object>) map).put(withoutLoneSurrogates(k, seen),
                        withoutLoneSurrogates(v, seen)));
            } else {
                List<Object> list = (List<Object>) node;
                list.replaceAll(v -> withoutLoneSurrogates(v, seen));
            }
        }
        return node;
    }

    /** A place in the tree: a mapping and one of its keys, or a list and one of its indices. */
    private record Slot(Object container, Object key, int depth) {
        Object get() {
            return container instanceof Map<?, ?> map ? map.get(key) : ((List<?>) container).get((Integer) key);
        }

        @SuppressWarnings("unchecked")
        void set(Object value) {
            if (container instanceof Map<?, ?> map) {
                ((Map<Object, Object>) map).put(key, value);
            } else {
                ((List<Object>) container).set((Integer) key, value);
            }
        }
    }

    private static List<Slot> slots(Object root) {
        List<Slot> out = new ArrayList<>();
        collect(root, 0, out, new IdentityHashMap<>());
        return out;
    }

    private static void collect(Object node, int depth, List<Slot> out, Map<Object, Boolean> seen) {
        if (!(node instanceof Map || node instanceof List) || seen.put(node, true) != null) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            for (Object key : new ArrayList<>(map.keySet())) {
                out.add(new Slot(map, key, depth));
                collect(map.get(key), depth + 1, out, seen);
            }
        } else {
            List<?> list = (List<?>) node;
            for (int i = 0; i < list.size(); i++) {
                out.add(new Slot(list, i, depth));
                collect(list.get(i), depth + 1, out, seen);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Object mutateTree(Object root, Mutation m) {
        List<Slot> slots = slots(root);
        if (slots.isEmpty()) {
            return m.payload();
        }
        Slot slot = slots.get(m.target() % slots.size());
        Object value = slot.get();
        switch (m.op()) {
            case SET_VALUE, SET_BOUND_VALUE -> slot.set(m.payload());
            case DELETE_KEY -> {
                if (slot.container() instanceof Map<?, ?> map) {
                    map.remove(slot.key());
                } else {
                    ((List<Object>) slot.container()).remove((int) (Integer) slot.key());
                }
            }
            case RENAME_KEY -> {
                if (slot.container() instanceof Map<?, ?> map) {
                    Map<Object, Object> renamed = new LinkedHashMap<>();
                    String newKey = typo(String.valueOf(slot.key()), m);
                    map.forEach((k, v) -> renamed.put(k.equals(slot.key()) ? newKey : k, v));
                    ((Map<Object, Object>) map).clear();
                    ((Map<Object, Object>) map).putAll(renamed);
                }
            }
            case ADD_KEY -> {
                if (value instanceof Map<?, ?> map) {
                    ((Map<Object, Object>) map).put(m.payload(), slots.get(m.other() % slots.size()).get());
                } else if (value instanceof List<?> list) {
                    ((List<Object>) list).add(m.payload());
                } else {
                    slot.set(new LinkedHashMap<>(Map.of(m.payload(), String.valueOf(value))));
                }
            }
            case TO_LIST -> slot.set(new ArrayList<>(List.of(value == null ? "" : value)));
            case TO_MAP -> slot.set(new LinkedHashMap<>(Map.of(m.payload(), value == null ? "" : value)));
            case TO_SCALAR -> slot.set(value instanceof Map || value instanceof List ? m.payload() : value);
            case NEST_DEEPER -> {
                Object nested = value;
                for (int i = 0; i < 1 + m.other() % 120; i++) {
                    nested = i % 2 == 0 ? new ArrayList<>(List.of(nested == null ? "" : nested))
                            : new LinkedHashMap<>(Map.of("k", nested == null ? "" : nested));
                }
                slot.set(nested);
            }
            case SHARE_NODE -> slot.set(slots.get(m.other() % slots.size()).get());
            case SHARE_ANCESTOR -> {
                // Shares a node above this slot into it: the dumped YAML holds an alias to its own
                // ancestor, a recursive document.
                Slot ancestor = null;
                for (Slot s : slots) {
                    if (s.depth() < slot.depth() && (s.get() instanceof Map || s.get() instanceof List)) {
                        ancestor = s;
                    }
                    if (s == slot) {
                        break;
                    }
                }
                slot.set(ancestor == null ? root : ancestor.get());
            }
            default -> throw new IllegalStateException(m.op().name());
        }
        return root;
    }

    /** A misspelling, a case change, kebab for snake, a unicode look-alike, or the payload itself. */
    private static String typo(String key, Mutation m) {
        if (key.isEmpty()) {
            return m.payload();
        }
        int at = m.other() % key.length();
        return switch (m.other() % 6) {
            case 0 -> key.substring(0, at) + key.substring(at + 1);
            case 1 -> key.substring(0, at) + key.charAt(at) + key.substring(at);
            case 2 -> key.toUpperCase(java.util.Locale.ROOT);
            case 3 -> key.replace('_', '-').replace("o", "о");  // Cyrillic o
            case 4 -> key + " ";
            default -> m.payload();
        };
    }

    private String mutateText(String text, Mutation m) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = m.target() % Math.max(1, lines.size());
        switch (m.op()) {
            case INSERT_LINE, SET_VALUE, SET_BOUND_VALUE, ADD_KEY -> lines.add(at, " ".repeat(m.other() % 9)
                    + keys.get(m.other() % keys.size()) + ": " + m.payload());
            case DELETE_LINE, DELETE_KEY -> lines.remove(at);
            case DUPLICATE_LINE, RENAME_KEY -> lines.add(at, lines.get(at));
            case REINDENT_LINE, NEST_DEEPER -> {
                String line = lines.get(at);
                int shift = m.other() % 5 - 2;
                lines.set(at, shift >= 0 ? (m.other() % 7 == 0 ? "\t" : " ".repeat(shift + 1)) + line
                        : line.substring(Math.min(line.length() - line.stripLeading().length(), -shift)));
            }
            case TRUNCATE, TO_SCALAR -> {
                return text.substring(0, m.other() % (text.length() + 1));
            }
            case INSERT_TEXT, TO_MAP, TO_LIST -> {
                int offset = m.other() % (text.length() + 1);
                return text.substring(0, offset) + m.payload() + text.substring(offset);
            }
            case EXTRA_DOCUMENT -> {
                return text + "\n---\n" + m.payload() + "\n";
            }
            case YAML_TRICK, SHARE_NODE, SHARE_ANCESTOR -> {
                return trick(text, lines, at, m);
            }
            default -> throw new IllegalStateException(m.op().name());
        }
        return String.join("\n", lines);
    }

    /** Anchors, aliases, merge keys, tags, an alias bomb, an include. */
    private static String trick(String text, List<String> lines, int at, Mutation m) {
        String line = lines.get(at);
        int colon = line.indexOf(": ");
        switch (m.other() % 7) {
            case 0 -> lines.set(at, colon < 0 ? "&a " + line : line.substring(0, colon + 2) + "&a " + line.substring(colon + 2));
            case 1 -> lines.set(at, colon < 0 ? "*a" : line.substring(0, colon + 2) + "*a");
            case 2 -> lines.add(at, line.substring(0, line.length() - line.stripLeading().length()) + "<<: *a");
            case 3 -> lines.set(at, colon < 0 ? "!!binary " + line : line.substring(0, colon + 2) + "!!map "
                    + line.substring(colon + 2));
            case 4 -> {
                return billionLaughs() + text;
            }
            case 5 -> {
                return "include: " + m.payload() + "\n" + text;
            }
            default -> {
                return "include: [" + INCLUDES.get(m.target() % INCLUDES.size()) + ", " + m.payload() + "]\n" + text;
            }
        }
        return String.join("\n", lines);
    }

    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("lol0: &l0 [lol]\n");
        for (int i = 1; i < 10; i++) {
            b.append("lol").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            b.append("]\n");
        }
        return b.toString();
    }

}
