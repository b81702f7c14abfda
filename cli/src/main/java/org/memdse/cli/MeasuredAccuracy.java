package org.memdse.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.memdse.core.eval.AccuracyCurve;
import org.memdse.report.csv.AccuracyTableReader;

/**
 * {@code evaluate --accuracy-table}: the user's measured accuracy table, fitted, and what it
 * predicts for the evaluated point's SNR, in the table and JSON outputs.
 *
 * @param file  the table as the user named it
 * @param curve the fit
 */
record MeasuredAccuracy(String file, AccuracyCurve curve) {
    /** Reads and fits {@code file}; a mistake in it is bad input (exit 2) naming the file and line. */
    static MeasuredAccuracy read(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new UserInputException("--accuracy-table: no such file: " + file);
        }
        try {
            return new MeasuredAccuracy(file.toString(), AccuracyTableReader.read(file));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--accuracy-table: " + e.getMessage());
        }
    }

    /** The block the table output ends with. */
    String table(double snrDb) {
        AccuracyCurve.Prediction p = curve.predict(snrDb);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "%naccuracy from your measured table (%s: %d points, fitted non-decreasing in SNR; Spearman %.3f)%n",
                file, curve.points(), curve.rankCorrelation()));
        b.append(String.format(Locale.ROOT, "  %-28s %14s  %s%n", "predicted accuracy",
                Double.isNaN(p.accuracy()) ? "n/a" : String.format(Locale.ROOT, "%.4f", p.accuracy()), where(snrDb, p)));
        return b.toString();
    }

    /** The JSON object of the {@code accuracy_from_table} field. */
    String json(double snrDb) {
        AccuracyCurve.Prediction p = curve.predict(snrDb);
        return "{\"file\": " + JsonText.string(file) + ", \"points\": " + curve.points() + ", \"spearman\": "
                + JsonText.number(curve.rankCorrelation()) + ", \"predicted_accuracy\": " + JsonText.number(p.accuracy())
                + ", \"outside_measured_range\": " + p.outsideRange() + "}";
    }

    private String where(double snrDb, AccuracyCurve.Prediction p) {
        if (Double.isNaN(snrDb)) {
            return "(no SNR estimate: no crossbar layers)";
        }
        String range = String.format(Locale.ROOT, "%.2f .. %s dB", curve.lowestSnrDb(),
                curve.highestSnrDb() == Double.POSITIVE_INFINITY ? "no error" : String.format(Locale.ROOT, "%.2f",
                        curve.highestSnrDb()));
        String snr = snrDb == Double.POSITIVE_INFINITY ? "no error" : String.format(Locale.ROOT, "%.2f dB", snrDb);
        return p.outsideRange()
                ? "(SNR " + snr + " is outside the table's " + range + ": the nearest measured value, not an extrapolation)"
                : "(SNR " + snr + ", within the table's " + range + ")";
    }
}
