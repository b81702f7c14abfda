package org.memdse.core.arch;

import java.util.Optional;

/**
 * Chip-to-chip links (e.g. ISAAC's HyperTransport).
 *
 * @param links       number of links
 * @param widthBits   bits per transfer of one link
 * @param frequencyHz transfers per second of one link
 * @param kind        the physical kind; empty: serial ({@link ChipLinkKind#SERDES}) from 1 Gb/s per link
 *                    up, else {@link ChipLinkKind#PARALLEL}
 * @param figures     published figures for all links together (area, power; energy per bit, latency per crossing)
 */
public record ChipLinks(int links, double widthBits, double frequencyHz, Optional<ChipLinkKind> kind,
                        PublishedFigures figures) {
    /** Per link, the bandwidth from which a link without a kind counts as serial, bit/s. */
    public static final double SERIAL_THRESHOLD = 1e9;

    public ChipLinks {
        Checks.atLeast("links", links, 1);
        Checks.positive("width", widthBits);
        Checks.positive("frequency", frequencyHz);
        Checks.notNull("kind", kind);
        Checks.notNull("figures", figures);
    }

    /** Links of an unstated kind. */
    public ChipLinks(int links, double widthBits, double frequencyHz, PublishedFigures figures) {
        this(links, widthBits, frequencyHz, Optional.empty(), figures);
    }

    /** Bandwidth of one link, bit/s. */
    public double bandwidthBitsPerSecond() {
        return widthBits * frequencyHz;
    }

    /** The kind given, else the one the bandwidth suggests. */
    public ChipLinkKind effectiveKind() {
        return kind.orElse(bandwidthBitsPerSecond() >= SERIAL_THRESHOLD ? ChipLinkKind.SERDES : ChipLinkKind.PARALLEL);
    }
}
