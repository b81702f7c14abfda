package org.memdse.report.compare;

import java.util.Objects;
import org.memdse.core.eval.Metrics;
import org.memdse.core.mapping.Mapping;

/** One architecture on one network: evaluated, or the reason it could not be. */
public sealed interface DesignOutcome permits DesignOutcome.Evaluated, DesignOutcome.Failed {
    /** The architecture's name. */
    String architecture();

    /**
     * Mapped and priced.
     *
     * @param architecture architecture name
     * @param metrics      the evaluator's figures
     * @param mapping      where every unit sits
     * @param floorplan    how to draw the on-chip network
     */
    record Evaluated(String architecture, Metrics metrics, Mapping mapping, Floorplan floorplan)
            implements DesignOutcome {
        public Evaluated {
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(mapping, "mapping");
            Objects.requireNonNull(floorplan, "floorplan");
        }
    }

    /**
     * Not evaluated (the network does not fit, or no model prices a component).
     *
     * @param architecture architecture name
     * @param reason       why, as the user should read it
     */
    record Failed(String architecture, String reason) implements DesignOutcome {
        public Failed {
            Objects.requireNonNull(architecture, "architecture");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
