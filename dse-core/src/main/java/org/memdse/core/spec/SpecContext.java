package org.memdse.core.spec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * The state of one reading pass: its diagnostics, the mappings read (for the unknown-key check
 * at the end) and the technology node, which gives {@code F^2} its size.
 */
public final class SpecContext {
    private final Diagnostics diagnostics;
    private final List<SpecMap> maps = new ArrayList<>();
    /**
     * Sized for a few mappings: a context per item of a streamed list (a layer) holds one or two,
     * and the default table (64 slots) was 28 MB of the allocations in reading a 96,000-layer file.
     */
    private final Map<MappingNode, SpecMap> byNode = new IdentityHashMap<>(4);
    private double featureSizeMeters = Double.NaN;
    /**
     * For one item of a list read item by item ({@link SpecLoader#compose(SpecSource, SpecContext, String,
     * Diagnostics, SpecLoader.ItemReader)}): the document's context, which keeps the mappings with an
     * anchor (an alias elsewhere may read them again) until the whole document is read; null otherwise.
     */
    private final SpecContext document;

    public SpecContext(Diagnostics diagnostics) {
        this(diagnostics, null);
    }

    private SpecContext(Diagnostics diagnostics, SpecContext document) {
        this.diagnostics = diagnostics;
        this.document = document;
    }

    /**
     * A context for one item of a list read item by item: its findings go to {@code itemDiagnostics},
     * its mappings' unknown keys are reported by its own {@link #finish()} (so the item can be dropped
     * once read), except those of anchored mappings, which stay with this context: an alias may
     * reach them again, and then the keys read through either route are known, as in a whole tree.
     */
    SpecContext forItem(Diagnostics itemDiagnostics) {
        SpecContext item = new SpecContext(itemDiagnostics, this);
        item.featureSizeMeters = featureSizeMeters;
        return item;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** One view per YAML mapping, so that keys read through any route count as known. */
    SpecMap mapOf(SpecNode owner, MappingNode node) {
        if (document != null && node.getAnchor() != null) {
            return document.mapOf(owner, node);
        }
        SpecMap map = byNode.get(node);
        if (map == null) {
            map = SpecMap.of(owner, node);
            byNode.put(node, map);
            maps.add(map);
        }
        return map;
    }

    public double featureSizeMeters() {
        return featureSizeMeters;
    }

    public void setFeatureSizeMeters(double featureSizeMeters) {
        this.featureSizeMeters = featureSizeMeters;
    }

    /** Reports unknown keys in every mapping read; call once, after all reading. */
    public void finish() {
        for (SpecMap map : maps) {
            map.reportUnknownKeys();
        }
        maps.clear();
    }
}
