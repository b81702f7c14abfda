package org.memdse.core.arch;

/**
 * How spikes travel between SNN cores: address-event packets of an address (the target axon,
 * core and chip) and an optional payload (a graded spike's value).
 *
 * @param routing     packet or wire based
 * @param packetBits  bits per spike packet: address + payload
 * @param payloadBits of these, the payload bits (0 for a binary spike)
 * @param figures     published figures for one spike hop (energy, latency)
 * @param eastWest    published figures for one hop along a mesh row (Loihi's east-west hop), overriding {@code figures}
 * @param northSouth  published figures for one hop along a mesh column (Loihi's north-south hop)
 */
public record SpikeNetwork(SpikeRouting routing, double packetBits, double payloadBits, PublishedFigures figures,
                           PublishedFigures eastWest, PublishedFigures northSouth) {
    public SpikeNetwork {
        Checks.notNull("routing", routing);
        Checks.positive("packet", packetBits);
        Checks.nonNegative("payload", payloadBits);
        if (payloadBits >= packetBits) {
            throw new IllegalArgumentException("a spike packet of " + packetBits + " bits has no address bits left beside "
                    + payloadBits + " payload bits");
        }
        Checks.notNull("figures", figures);
        Checks.notNull("eastWest", eastWest);
        Checks.notNull("northSouth", northSouth);
    }

    /** Binary spikes, the same figures in every direction. */
    public SpikeNetwork(SpikeRouting routing, double packetBits, PublishedFigures figures) {
        this(routing, packetBits, 0, figures, PublishedFigures.NONE, PublishedFigures.NONE);
    }

    /** Address bits of a packet. */
    public double addressBits() {
        return packetBits - payloadBits;
    }

    /** Whether hops along rows and columns have figures of their own. */
    public boolean directional() {
        return !eastWest.isEmpty() || !northSouth.isEmpty();
    }

    /** This network without published figures. */
    public SpikeNetwork withoutFigures() {
        return new SpikeNetwork(routing, packetBits, payloadBits, PublishedFigures.NONE, PublishedFigures.NONE,
                PublishedFigures.NONE);
    }
}
