package org.memdse.report.compare;

import java.util.List;
import java.util.Objects;
import org.memdse.core.network.NetworkGraph;

/**
 * Every compared architecture on one network, in the order the user named them (the first is
 * the reference for ratios).
 *
 * @param network the network
 * @param designs one outcome per architecture
 */
public record NetworkComparison(NetworkGraph network, List<DesignOutcome> designs) {
    public NetworkComparison {
        Objects.requireNonNull(network, "network");
        designs = List.copyOf(designs);
    }
}
