package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/**
 * How an SNN interconnect delivers a spike (interconnect.spike_routing) to targets on other cores.
 * Multicast as in TrueNorth (Merolla et al., Science 345:668, 2014: one packet per destination
 * core, fanned out to the axon there), Loihi (Davies et al., IEEE Micro 38(1), 2018) and
 * SpiNNaker (Furber et al., Proc. IEEE 102(5), 2014: multicast routing tables); unicast: one
 * packet per target neuron.
 */
public enum SpikeDelivery implements Keyed {
    MULTICAST("multicast"),
    UNICAST("unicast");

    private final String key;

    SpikeDelivery(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
