package org.memdse.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ArrayPeriphery;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.Components;
import org.memdse.core.arch.LevelShifters;
import org.memdse.core.spec.Diagnostic;
import org.memdse.core.spec.SourceMap;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.Validated;
import org.memdse.cost.registry.ComponentModelRegistry;

/**
 * Whether every component of a description can be priced: by a cost model, or by published
 * figures of its own. A component neither prices (a 12-bit flash ADC) is an error at the place
 * it is written, with every model's reason, so that {@code validate} refuses what {@code evaluate}
 * could not run. The check lives here, where the cost models and the reader meet: dse-core
 * knows no model.
 */
final class ModelCoverage {
    private ModelCoverage() {
    }

    /** One error per component that nothing prices, sorted by position; empty when all are priced. */
    static List<Diagnostic> check(Validated<Architecture> read, String file, ComponentModelRegistry registry) {
        Architecture a = read.value();
        List<Diagnostic> errors = new ArrayList<>();
        for (Component c : Components.of(a)) {
            Optional<String> refusal = registry.refusal(c, a);
            if (refusal.isEmpty()) {
                continue;
            }
            Optional<SourceMap.Location> at = locate(c, a, read.sources());
            SourcePosition position = at.map(SourceMap.Location::position).orElse(SourcePosition.ofFile(file));
            String path = at.map(SourceMap.Location::path).orElse(c.path());
            Diagnostic d = new Diagnostic(position, path, "no cost model prices " + c.path() + " (" + c.kind().key()
                    + ") and it has no published figures: " + refusal.get()
                    + "; change the setting, or give it published figures (area, energy, power, leakage_power, latency)");
            if (!errors.contains(d)) {
                errors.add(d);
            }
        }
        errors.sort(null);
        return List.copyOf(errors);
    }

    /** Where a component was written: its own record, the array it serves, else its subsystem. */
    private static Optional<SourceMap.Location> locate(Component c, Architecture a, SourceMap sources) {
        Optional<SourceMap.Location> own = sources.locate(c.spec());
        if (own.isPresent()) {
            return own;
        }
        if (c.spec() instanceof ArrayPeriphery p) {
            return sources.locate(p.crossbars());
        }
        if (c.spec() instanceof LevelShifters s) {
            return sources.locate(s.crossbars());
        }
        return a.subsystem(c.subsystem()).flatMap(sources::locate);
    }
}
