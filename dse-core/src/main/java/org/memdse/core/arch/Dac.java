package org.memdse.core.arch;

/**
 * Row drivers / DACs of a macro, one per crossbar row.
 *
 * @param bits    bits applied per read cycle (1 for bit-serial drivers)
 * @param figures published figures for one driver
 */
public record Dac(int bits, PublishedFigures figures) {
    public Dac {
        Checks.atLeast("dac.bits", bits, 1);
        Checks.notNull("figures", figures);
    }
}
