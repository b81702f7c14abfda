package org.memdse.core.arch;

import java.util.Optional;

/**
 * Everything that moves data between blocks.
 *
 * @param onChip     the on-chip network
 * @param spikes     spike routing between SNN cores, if the system has any
 * @param chipToChip links to other chips, if any
 */
public record Interconnect(OnChipNetwork onChip, Optional<SpikeNetwork> spikes, Optional<ChipLinks> chipToChip) {
    public Interconnect {
        Checks.notNull("onChip", onChip);
        Checks.notNull("spikes", spikes);
        Checks.notNull("chipToChip", chipToChip);
    }
}
