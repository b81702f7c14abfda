package org.memdse.core.arch;

/**
 * Digital units of a tile (activation, pooling, accumulation...).
 *
 * @param kind    what it does
 * @param count   instances per tile
 * @param figures published figures for one instance
 */
public record DigitalUnit(DigitalKind kind, int count, PublishedFigures figures) {
    public DigitalUnit {
        Checks.notNull("kind", kind);
        Checks.atLeast("digital.count", count, 1);
        Checks.notNull("figures", figures);
    }
}
