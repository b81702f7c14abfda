package org.memdse.core.arch;

/**
 * Chip-to-chip links (e.g. ISAAC's HyperTransport).
 *
 * @param links       number of links
 * @param widthBits   bits per transfer of one link
 * @param frequencyHz transfers per second of one link
 * @param figures     published figures for all links together (area, power)
 */
public record ChipLinks(int links, double widthBits, double frequencyHz, PublishedFigures figures) {
    public ChipLinks {
        Checks.atLeast("links", links, 1);
        Checks.positive("width", widthBits);
        Checks.positive("frequency", frequencyHz);
        Checks.notNull("figures", figures);
    }

    /** Bandwidth of one link, bit/s. */
    public double bandwidthBitsPerSecond() {
        return widthBits * frequencyHz;
    }
}
