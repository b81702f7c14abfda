package org.memdse.core.mapping;

import java.util.Map;
import java.util.Objects;

/** A mapper's answer: a mapping, or why the network does not fit (an expected outcome, not an error). */
public sealed interface MappingOutcome permits MappingOutcome.Mapped, MappingOutcome.DoesNotFit {

    /** The network is mapped. */
    record Mapped(Mapping mapping) implements MappingOutcome {
        public Mapped {
            Objects.requireNonNull(mapping, "mapping");
        }
    }

    /**
     * The network does not fit.
     *
     * @param reason    for users: what is short, by how much, and what would help
     * @param needed    resource key → amount needed (e.g. {@code crossbars → 4200})
     * @param available resource key → amount the system has
     */
    record DoesNotFit(String reason, Map<String, Long> needed, Map<String, Long> available) implements MappingOutcome {
        public DoesNotFit {
            Objects.requireNonNull(reason, "reason");
            needed = Map.copyOf(needed);
            available = Map.copyOf(available);
        }
    }
}
