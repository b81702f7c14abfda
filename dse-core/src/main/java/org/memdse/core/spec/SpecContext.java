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
    private final Map<MappingNode, SpecMap> byNode = new IdentityHashMap<>();
    private double featureSizeMeters = Double.NaN;

    public SpecContext(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    void register(SpecMap map) {
        maps.add(map);
    }

    /** One view per YAML mapping, so that keys read through any route count as known. */
    SpecMap mapOf(SpecNode owner, MappingNode node) {
        return byNode.computeIfAbsent(node, n -> SpecMap.of(owner, n));
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
