package org.memdse.report.compare;

import java.util.List;
import java.util.Objects;
import org.memdse.core.arch.Architecture;

/**
 * What a comparison report shows: architectures (first = reference) evaluated on one or more
 * networks.
 *
 * @param architectures the architectures, in the user's order
 * @param networks      one comparison per network
 * @param mapper        the mapper's name
 * @param opConvention  how operations are counted for TOPS
 */
public record Comparison(List<Architecture> architectures, List<NetworkComparison> networks, String mapper,
                         String opConvention) {
    public Comparison {
        architectures = List.copyOf(architectures);
        networks = List.copyOf(networks);
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(opConvention, "opConvention");
        if (architectures.isEmpty() || networks.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one architecture and one network");
        }
    }

    public List<String> names() {
        return architectures.stream().map(Architecture::name).toList();
    }
}
