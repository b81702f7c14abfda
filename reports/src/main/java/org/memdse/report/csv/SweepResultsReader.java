package org.memdse.report.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.memdse.report.sweep.SweepResults;

/**
 * Reads a sweep's results CSV for reports: the header defines the columns ({@link ResultColumn}
 * for the fixed ones, {@code param.<path>} for parameters, every other column a metric with its
 * unit in the name). Rows shorter than the header (a run cut off mid-line) are skipped.
 */
public final class SweepResultsReader {
    /** Prefix of parameter columns. */
    public static final String PARAM = "param.";

    private static final Set<String> TRUE = Set.of("true", "yes", "1", "pareto", "*", "x");

    private SweepResultsReader() {
    }

    public static SweepResults read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads from {@code in}; {@code source} names it in messages. */
    public static SweepResults read(Reader in, String source) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            for (ResultColumn c : List.of(ResultColumn.POINT, ResultColumn.STATUS)) {
                if (!header.contains(c.key())) {
                    throw new IllegalArgumentException(source + ": not a memdse results file: no '" + c.key()
                            + "' column (found " + String.join(", ", header) + ")");
                }
            }
            Set<String> fixed = Set.of(ResultColumn.POINT.key(), ResultColumn.NETWORK.key(), ResultColumn.STATUS.key(),
                    ResultColumn.REASON.key(), ResultColumn.PARETO.key(), ResultColumn.VARIANT.key());
            List<String> params = new ArrayList<>();
            List<String> metrics = new ArrayList<>();
            // A sweep's variants are shown like a parameter (one value per variant), named 'variant'.
            if (header.contains(ResultColumn.VARIANT.key())) {
                params.add(ResultColumn.VARIANT.key());
            }
            for (String h : header) {
                if (h.startsWith(PARAM)) {
                    params.add(h.substring(PARAM.length()));
                } else if (!fixed.contains(h)) {
                    metrics.add(h);
                }
            }
            List<SweepResults.Row> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (!rec.isConsistent()) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                for (String p : params) {
                    values.put(p, rec.get(p.equals(ResultColumn.VARIANT.key()) ? p : PARAM + p));
                }
                Map<String, Double> m = new HashMap<>();
                for (String k : metrics) {
                    m.put(k, number(rec.get(k)));
                }
                rows.add(new SweepResults.Row(rec.get(ResultColumn.POINT.key()), field(rec, ResultColumn.NETWORK),
                        rec.get(ResultColumn.STATUS.key()), field(rec, ResultColumn.REASON), values, m,
                        TRUE.contains(field(rec, ResultColumn.PARETO).trim().toLowerCase(Locale.ROOT))));
            }
            return new SweepResults(source, params, metrics, rows);
        }
    }

    private static String field(CSVRecord rec, ResultColumn c) {
        return rec.isMapped(c.key()) ? rec.get(c.key()) : "";
    }

    private static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
