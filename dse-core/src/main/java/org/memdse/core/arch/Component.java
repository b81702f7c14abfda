package org.memdse.core.arch;

import java.util.Objects;

/**
 * A group of identical component instances in a system: what a cost model prices once and the
 * evaluator multiplies by {@code count}.
 *
 * @param path      where it sits, e.g. {@code cim.macro.adc} or {@code cim.buffers.edram}
 * @param subsystem the subsystem it belongs to ({@code interconnect} for the network)
 * @param kind      its kind (the breakdown key)
 * @param spec      the model record that describes it ({@link Adc}, {@link Crossbars}, ...)
 * @param count     instances in the whole system
 * @param figures   published figures for one instance
 */
public record Component(String path, String subsystem, ComponentKind kind, Object spec, long count,
                        PublishedFigures figures) {
    public Component {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(subsystem, "subsystem");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(spec, "spec");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        Objects.requireNonNull(figures, "figures");
    }
}
