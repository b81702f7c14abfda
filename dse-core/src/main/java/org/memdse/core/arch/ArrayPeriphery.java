package org.memdse.core.arch;

/**
 * The circuits around one crossbar array that select and route its lines: the row decoder and
 * word-line switch matrix for its rows, and the column multiplexers with their decoder that
 * share each ADC over its columns (DNN+NeuroSim's RowDecoder, SwitchMatrix, Mux classes). One
 * per array; {@code figures} are for one array's set.
 *
 * @param crossbars     the array it serves
 * @param columnsPerAdc columns multiplexed onto one ADC
 * @param figures       published figures for one array's periphery
 */
public record ArrayPeriphery(Crossbars crossbars, int columnsPerAdc, PublishedFigures figures) {
    public ArrayPeriphery {
        Checks.notNull("crossbars", crossbars);
        Checks.notNull("figures", figures);
        if (columnsPerAdc < 1) {
            throw new IllegalArgumentException("columnsPerAdc must be >= 1, was " + columnsPerAdc);
        }
    }
}
