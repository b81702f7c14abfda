package org.memdse.core.arch;

/**
 * The write path of one crossbar array: a level shifter on each line the programming pulse
 * drives, so that logic at the technology's supply can switch the device's write voltage onto it
 * (DNN+NeuroSim's LevelShifter on word, bit and source lines). One group per array; present when
 * the device gives {@code v_write}. {@code figures} are for one array's set.
 *
 * @param crossbars the array it serves
 * @param figures   published figures for one array's level shifters
 */
public record LevelShifters(Crossbars crossbars, PublishedFigures figures) {
    public LevelShifters {
        Checks.notNull("crossbars", crossbars);
        Checks.notNull("figures", figures);
    }

    /**
     * Lines a write drives through a shifter: a 1T1R array's word and bit lines run along its rows
     * and its source lines along its columns (NeuroSim's pseudo-crossbar layout), so 2 · rows +
     * cols; a crosspoint array (1R, 1S1R) has rows + cols.
     */
    public int lines() {
        return crossbars.cell() == CellType.ONE_T_ONE_R
                ? 2 * crossbars.rows() + crossbars.cols()
                : crossbars.rows() + crossbars.cols();
    }
}
