package org.memdse.core.arch;

/**
 * Shift-and-add units that combine bit slices (cells and input bits) into partial sums.
 *
 * @param count   units per macro
 * @param figures published figures for one unit
 */
public record ShiftAdd(int count, PublishedFigures figures) {
    public ShiftAdd {
        Checks.atLeast("shift_add.count", count, 1);
        Checks.notNull("figures", figures);
    }
}
