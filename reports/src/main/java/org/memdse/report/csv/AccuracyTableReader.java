package org.memdse.report.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.memdse.core.eval.AccuracyCurve;

/**
 * Reads a user's measured accuracy table: a CSV whose header has an {@code snr_db} column (the
 * analytic SNR memdse estimated for each design point) and an {@code accuracy} column (what they
 * measured for it, a fraction 0..1); other columns are ignored, so a memdse sweep CSV with the
 * user's own accuracy column added reads as it is. Rows whose status is not ok (a sweep's
 * infeasible or invalid points, without an SNR) are skipped.
 */
public final class AccuracyTableReader {
    /** The columns read. */
    public static final String SNR = "snr_db";
    public static final String ACCURACY = "accuracy";

    private AccuracyTableReader() {
    }

    /**
     * The points of {@code file}, fitted.
     *
     * @throws IllegalArgumentException naming the file, the line and the fix, for anything unreadable
     */
    public static AccuracyCurve read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the accuracy table: " + e.getMessage(), e);
        }
    }

    /** Reads from {@code in}; {@code source} names it in messages. */
    public static AccuracyCurve read(Reader in, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(true).get();
        List<AccuracyCurve.Point> points = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            for (String column : List.of(SNR, ACCURACY)) {
                if (!header.contains(column)) {
                    throw new IllegalArgumentException(source + ":1: no '" + column + "' column (found "
                            + String.join(", ", header) + "); the header needs snr_db (the SNR memdse estimated, dB) "
                            + "and accuracy (what you measured, 0..1), e.g. a sweep CSV with an accuracy column added");
                }
            }
            boolean hasStatus = header.contains(ResultColumn.STATUS.key());
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (!rec.isConsistent()) {
                    throw new IllegalArgumentException(source + ":" + line + ": " + rec.size() + " values for "
                            + header.size() + " columns; give every row a value per header column");
                }
                if (hasStatus && !"ok".equals(rec.get(ResultColumn.STATUS.key()))) {
                    continue;
                }
                double snr = number(rec.get(SNR), source, line, SNR, "the SNR in dB, e.g. 12.5, or Infinity for no error");
                double accuracy = number(rec.get(ACCURACY), source, line, ACCURACY, "a fraction 0..1, e.g. 0.97");
                if (!(accuracy >= 0 && accuracy <= 1)) {
                    throw new IllegalArgumentException(source + ":" + line + ": accuracy: expected a fraction 0..1, "
                            + "found " + rec.get(ACCURACY) + (accuracy > 1 && accuracy <= 100
                            ? "; write " + rec.get(ACCURACY) + " % as " + String.format(Locale.ROOT, "%.4g", accuracy / 100)
                            : ""));
                }
                if (snr == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException(source + ":" + line + ": snr_db: -Infinity is no signal at all; "
                            + "leave such a point out");
                }
                points.add(new AccuracyCurve.Point(snr, accuracy));
            }
        }
        try {
            return AccuracyCurve.fit(points);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": the accuracy table " + e.getMessage()
                    + "; measure at least two design points with different SNRs", e);
        }
    }

    private static double number(String text, String source, long line, String column, String expected) {
        String t = text.strip();
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity") || t.equals("+Infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isNaN(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(source + ":" + line + ": " + column + ": expected " + expected + ", found '"
                + text + "'");
    }
}
