package org.memdse.core.mapping;

import java.util.Objects;

/**
 * A mapping's quality beside the sequential baseline and a lower bound, so a user sees how good
 * the solver was.
 *
 * @param mapper     mapper name
 * @param objective  this mapping
 * @param baseline   the sequential mapper's mapping of the same network and system
 * @param lowerBound no mapping can do better than these (each value bounded on its own)
 * @param solveMillis wall time spent mapping, ms
 * @param feasible   whether every hard constraint holds
 */
public record MappingReport(String mapper, MappingObjectives objective, MappingObjectives baseline,
                            MappingObjectives lowerBound, long solveMillis, boolean feasible) {
    public MappingReport {
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(lowerBound, "lowerBound");
    }
}
