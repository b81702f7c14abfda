package org.memdse.report.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A small table (a header and rows of values) as RFC 4180 CSV, for commands whose output is not a
 * sweep or an evaluation. Numbers are written with {@link Double#toString} (locale-free, exact).
 */
public final class CsvTable {
    private CsvTable() {
    }

    public static void write(List<String> header, List<List<?>> rows, Appendable out) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            for (List<?> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row of " + row.size() + " values under " + header.size() + " columns");
                }
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
