package org.memdse.core.arch;

import java.util.Optional;

/**
 * Everything that moves data between blocks.
 *
 * @param onChip       the on-chip network
 * @param spikes       spike routing between SNN cores, if the system has any
 * @param chipToChip   links to other chips, if any
 * @param spikeRouting how a spike reaches targets on other cores ({@code interconnect.spike_routing}):
 *                     multicast (one packet per destination core; the default, as TrueNorth, Loihi and
 *                     SpiNNaker deliver) or unicast (one packet per target neuron)
 */
public record Interconnect(OnChipNetwork onChip, Optional<SpikeNetwork> spikes, Optional<ChipLinks> chipToChip,
                           SpikeDelivery spikeRouting) {
    public Interconnect {
        Checks.notNull("onChip", onChip);
        Checks.notNull("spikes", spikes);
        Checks.notNull("chipToChip", chipToChip);
        Checks.notNull("spikeRouting", spikeRouting);
    }

    /** Multicast spike delivery (the default). */
    public Interconnect(OnChipNetwork onChip, Optional<SpikeNetwork> spikes, Optional<ChipLinks> chipToChip) {
        this(onChip, spikes, chipToChip, SpikeDelivery.MULTICAST);
    }
}
