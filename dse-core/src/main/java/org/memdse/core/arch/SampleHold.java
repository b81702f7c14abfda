package org.memdse.core.arch;

/** Sample-and-hold circuits, one per crossbar column; {@code figures} are for one circuit. */
public record SampleHold(PublishedFigures figures) {
    public SampleHold {
        Checks.notNull("figures", figures);
    }
}
