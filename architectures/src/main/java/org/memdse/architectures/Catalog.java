package org.memdse.architectures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.memdse.core.spec.Diagnostics;
import org.memdse.core.spec.SpecContext;
import org.memdse.core.spec.SpecLoader;
import org.memdse.core.spec.SpecMap;
import org.memdse.core.spec.SpecNode;
import org.memdse.core.spec.SpecSource;
import org.memdse.core.spec.Suggestions;

/**
 * The bundled reference architectures, networks and example sweeps, usable by name. The index files
 * {@code catalog/architectures.yaml}, {@code catalog/networks.yaml} and {@code catalog/sweeps.yaml} list them: adding one is
 * a resource and an index entry, no code.
 */
public final class Catalog {
    private static final String BASE = "org/memdse/architectures/";
    private static final Catalog BUNDLED = load();

    private final List<CatalogEntry> entries;

    private Catalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The catalogue shipped in this jar. */
    public static Catalog bundled() {
        return BUNDLED;
    }

    public List<CatalogEntry> architectures() {
        return entries.stream().filter(e -> e.kind() == CatalogEntry.Kind.ARCHITECTURE).toList();
    }

    public List<CatalogEntry> networks() {
        return entries.stream().filter(e -> e.kind() == CatalogEntry.Kind.NETWORK).toList();
    }

    /** The bundled example sweeps ({@code memdse sweep <id>}). */
    public List<CatalogEntry> sweeps() {
        return entries.stream().filter(e -> e.kind() == CatalogEntry.Kind.SWEEP).toList();
    }

    public Optional<CatalogEntry> sweep(String id) {
        return sweeps().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<CatalogEntry> architecture(String id) {
        return architectures().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Optional<CatalogEntry> network(String id) {
        return networks().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** " (did you mean 'x'?)" among the ids of one kind, or the empty string. */
    public String didYouMean(String id, CatalogEntry.Kind kind) {
        List<String> ids = entries.stream().filter(e -> e.kind() == kind).map(CatalogEntry::id).toList();
        // Users often type the start of an id ("isaac" for "isaac-ce"): a unique prefix is the best hint.
        List<String> prefixed = ids.stream().filter(i -> !id.isEmpty() && i.startsWith(id)).toList();
        if (prefixed.size() == 1) {
            return " (did you mean '" + prefixed.get(0) + "'?)";
        }
        // Or the shortest of several that the others extend ("isaac" -> isaac-ce, not isaac-ce-2chip).
        java.util.Optional<String> base = prefixed.stream().min(java.util.Comparator.comparingInt(String::length))
                .filter(b -> prefixed.stream().allMatch(i -> i.startsWith(b)));
        if (base.isPresent()) {
            return " (did you mean '" + base.get() + "'?)";
        }
        return Suggestions.didYouMean(id, ids);
    }

    /** Where to read an entry's YAML from (its includes resolve inside the jar). */
    public SpecSource source(CatalogEntry entry) {
        return SpecSource.ofResource(Catalog.class.getClassLoader(), BASE + entry.resource());
    }

    private static Catalog load() {
        List<CatalogEntry> entries = new ArrayList<>();
        read("catalog/architectures.yaml", "architectures", CatalogEntry.Kind.ARCHITECTURE, entries);
        read("catalog/networks.yaml", "networks", CatalogEntry.Kind.NETWORK, entries);
        read("catalog/sweeps.yaml", "sweeps", CatalogEntry.Kind.SWEEP, entries);
        return new Catalog(entries);
    }

    /** Index files ship in the jar; a mistake in one is a build defect, caught by the catalogue tests. */
    private static void read(String index, String key, CatalogEntry.Kind kind, List<CatalogEntry> into) {
        Diagnostics diagnostics = new Diagnostics();
        SpecContext context = new SpecContext(diagnostics);
        Optional<SpecNode> root = SpecLoader.compose(SpecSource.ofResource(Catalog.class.getClassLoader(), BASE + index),
                context);
        if (root.isPresent()) {
            SpecMap top = root.get().asMap();
            for (Map.Entry<String, SpecNode> e : top.map(key, "the entries").entries().entrySet()) {
                SpecMap m = e.getValue().asMap();
                into.add(new CatalogEntry(e.getKey(), kind, m.string("resource", "classpath resource"),
                        m.string("summary", "one line"), m.string("source", "where it comes from")));
            }
        }
        context.finish();
        diagnostics.throwIfAny();
    }
}
