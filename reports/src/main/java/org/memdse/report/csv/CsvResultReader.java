package org.memdse.report.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.report.OutputFailure;

/**
 * Reads a sweep's results CSV: to resume a run (which rows are there already) and, streaming,
 * to sort it and find its Pareto front ({@link ResultCsvFinisher}).
 */
public final class CsvResultReader {
    private static final CSVFormat FORMAT = CsvResultSink.FORMAT;

    private CsvResultReader() {
    }

    /**
     * The rows already written, for {@code --resume}.
     *
     * @param rows     bit {@code point * networks + networkIndex} set for each row present
     * @param networks the sweep's networks, in order
     */
    public record Done(BitSet rows, int networks, long count) {
        public boolean row(long point, int network) {
            long bit = point * networks + network;
            return bit < Integer.MAX_VALUE && rows.get((int) bit);
        }

        /** Whether every network of the point is there. */
        public boolean point(long point) {
            for (int n = 0; n < networks; n++) {
                if (!row(point, n)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Prepares a results file for resuming: checks its header is this sweep's, cuts off a last
     * line that a killed run left unfinished, and lists the rows present.
     *
     * @throws SpecException if the file is not this sweep's results (other columns, unknown network)
     */
    public static Done resume(Path file, List<String> header, List<String> networks) {
        cutPartialLine(file);
        BitSet rows = new BitSet();
        long[] count = {0};
        forEach(file, header, networks, r -> {
            long bit = r.point() * networks.size() + r.network();
            if (bit >= Integer.MAX_VALUE) {
                throw SpecException.of(SourcePosition.ofFile(file.toString()), "",
                        "point " + r.point() + " is too large to resume (at most " + Integer.MAX_VALUE / networks.size()
                                + " points)");
            }
            rows.set((int) bit);
            count[0]++;
        });
        return new Done(rows, networks.size(), count[0]);
    }

    /** A row: its sort key (point, network index) and every field. */
    public record Row(long point, int network, String[] fields) {
        public String status() {
            return fields[ResultColumn.STATUS.ordinal()];
        }
    }

    /**
     * Streams the rows of a results file.
     *
     * @throws SpecException if the header is not {@code header} or a row is malformed
     */
    public static void forEach(Path file, List<String> header, List<String> networks, Consumer<Row> action) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            CSVRecord first = next(file, parser, it);
            if (first == null) {
                throw bad(file, 1, "the file is empty; expected the header " + String.join(",", header));
            }
            List<String> found = first.toList();
            if (!found.equals(header)) {
                throw bad(file, 1, "its columns are not this sweep's (another sweep's results, or the parameters "
                        + "changed); expected " + String.join(",", header) + "; write to a new file or drop --resume");
            }
            for (CSVRecord r = next(file, parser, it); r != null; r = next(file, parser, it)) {
                action.accept(row(file, r, header.size(), networks));
            }
        } catch (IOException e) {
            throw OutputFailure.reading(file, e, "it is unchanged");
        }
    }

    /**
     * The next record, or null at the end. Commons CSV reports both a read failure and a
     * malformed record as an unchecked I/O exception: the first is an {@link OutputFailure}, the
     * second an error at the record's line.
     */
    private static CSVRecord next(Path file, CSVParser parser, Iterator<CSVRecord> it) {
        try {
            return it.hasNext() ? it.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                throw bad(file, parser.getCurrentLineNumber(), "not a CSV row: " + e.getCause().getMessage());
            }
            throw OutputFailure.reading(file, e.getCause(), "it is unchanged");
        }
    }

    static Row row(Path file, CSVRecord r, int columns, List<String> networks) {
        long line = r.getRecordNumber();
        if (r.size() != columns) {
            throw bad(file, line, "expected " + columns + " fields, found " + r.size());
        }
        String[] fields = r.values();
        long point;
        try {
            point = Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            throw bad(file, line, "expected a point number, found '" + fields[0] + "'");
        }
        int network = networks.indexOf(fields[1]);
        if (network < 0 || point < 0) {
            throw bad(file, line, network < 0 ? "network '" + fields[1] + "' is not one of this sweep's ("
                    + String.join(", ", networks) + ")" : "negative point number");
        }
        return new Row(point, network, fields);
    }

    private static SpecException bad(Path file, long line, String message) {
        return SpecException.of(new SourcePosition(file.toString(), (int) Math.min(line, Integer.MAX_VALUE), 1), "",
                message);
    }

    /**
     * Cuts off a last line without its newline (a row a killed run was writing, or the part of a
     * row a full disk let through), so that rows can be appended after it.
     *
     * @throws OutputFailure if the file cannot be read or shortened
     */
    public static void cutPartialLine(Path file) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long length = raf.length();
            long end = length;
            while (end > 0) {
                raf.seek(end - 1);
                if (raf.read() == '\n') {
                    break;
                }
                end--;
            }
            if (end < length) {
                raf.setLength(end);
            }
        } catch (IOException e) {
            throw OutputFailure.writing(file, e, "it is unchanged");
        }
    }

    /** Every row of a (small) results file, in file order; tests and reports. */
    public static List<Row> readAll(Path file, List<String> header, List<String> networks) {
        List<Row> out = new ArrayList<>();
        forEach(file, header, networks, out::add);
        return out;
    }

    /** The header of a results file as written. */
    public static List<String> header(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            return it.hasNext() ? it.next().toList() : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
