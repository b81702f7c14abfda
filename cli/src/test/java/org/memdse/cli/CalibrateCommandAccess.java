package org.memdse.cli;

import java.util.List;
import org.memdse.cli.calibrate.TrendResult;

/** Test access to the calibrate command's formatting from other test packages. */
public final class CalibrateCommandAccess {
    private CalibrateCommandAccess() {
    }

    public static String trendTable(List<TrendResult> results) {
        return CalibrateCommand.trendTable(results);
    }

    public static String trendMarkdown(List<TrendResult> results) {
        return CalibrateCommand.trendMarkdown(results);
    }
}
