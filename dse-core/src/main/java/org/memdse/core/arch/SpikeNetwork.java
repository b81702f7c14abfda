package org.memdse.core.arch;

/**
 * How spikes travel between SNN cores.
 *
 * @param routing    packet or wire based
 * @param packetBits bits per spike packet (address-event)
 * @param figures    published figures for one spike hop (energy, latency)
 */
public record SpikeNetwork(SpikeRouting routing, double packetBits, PublishedFigures figures) {
    public SpikeNetwork {
        Checks.notNull("routing", routing);
        Checks.positive("packet", packetBits);
        Checks.notNull("figures", figures);
    }
}
