package org.memdse.report.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.memdse.core.explore.Metric;
import org.memdse.core.explore.Parameter;
import org.memdse.core.explore.ParameterValue;
import org.memdse.core.explore.PointResult;
import org.memdse.core.explore.ResultSink;
import org.memdse.report.OutputFailure;

/**
 * Writes a sweep's results as they come: one CSV row per (point, network), each handed to the
 * operating system whole as soon as it is known, so a killed run leaves every accepted row on
 * disk (at worst a last, partial line, which {@link CsvResultReader#resume} cuts off). When a
 * write fails (a full disk, an I/O error), the part of the row that got through is cut off
 * again, so the file still ends with a complete row, and every later row is refused: the file
 * stays one that {@code --resume} continues. The {@code pareto} column stays empty until
 * {@link ResultCsvFinisher} sorts the file and marks the front. Thread-safe.
 */
public final class CsvResultSink implements ResultSink, Closeable {
    /** Commons CSV with '\n' line ends (golden files do not depend on the platform). */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    /** Opens the results file's channel (tests inject one that fails). */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path file, OpenOption... options) throws IOException;
    }

    private final Path file;
    private final List<Parameter> parameters;
    private final List<String> variants;
    private final FileChannel channel;
    private final StringBuilder line = new StringBuilder(512);
    private final CSVPrinter printer;
    /** Where the next row goes: the end of the last complete row. */
    private long end;
    private long rows;
    private OutputFailure failure;

    private CsvResultSink(Path file, List<Parameter> parameters, List<String> variants, FileChannel channel, long end)
            throws IOException {
        this.file = file;
        this.parameters = List.copyOf(parameters);
        this.variants = List.copyOf(variants);
        this.channel = channel;
        this.end = end;
        this.printer = new CSVPrinter(line, FORMAT);
    }

    /** A new results file (replacing any) with its header, for a sweep without variants. */
    public static CsvResultSink create(Path file, List<Parameter> parameters) {
        return create(file, parameters, List.of());
    }

    /** A new results file (replacing any) with its header; {@code variants}: the sweep's variant names, if any. */
    public static CsvResultSink create(Path file, List<Parameter> parameters, List<String> variants) {
        return create(file, parameters, variants, FileChannel::open);
    }

    static CsvResultSink create(Path file, List<Parameter> parameters, List<String> variants, Opener opener) {
        FileChannel channel = null;
        try {
            channel = opener.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            CsvResultSink sink = new CsvResultSink(file, parameters, variants, channel, 0);
            sink.write(ResultColumn.header(columns(parameters), !variants.isEmpty()), "nothing was written");
            return sink;
        } catch (IOException e) {
            closeQuietly(channel);
            throw OutputFailure.writing(file, e, "nothing was written");
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Appends to a results file whose header is already there (resume; see {@link CsvResultReader#resume}). */
    public static CsvResultSink append(Path file, List<Parameter> parameters) {
        return append(file, parameters, List.of());
    }

    /** Appends to a results file of a sweep with these variant names (none: no {@code variant} column). */
    public static CsvResultSink append(Path file, List<Parameter> parameters, List<String> variants) {
        return append(file, parameters, variants, FileChannel::open);
    }

    static CsvResultSink append(Path file, List<Parameter> parameters, List<String> variants, Opener opener) {
        FileChannel channel = null;
        try {
            channel = opener.open(file, StandardOpenOption.WRITE);
            return new CsvResultSink(file, parameters, variants, channel, channel.size());
        } catch (IOException e) {
            closeQuietly(channel);
            throw OutputFailure.writing(file, e, "the rows already in it are unchanged");
        }
    }

    static List<String> columns(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::column).toList();
    }

    @Override
    public synchronized void accept(PointResult r) {
        if (failure != null) {
            throw failure; // the first failure stands: no row after a gap
        }
        write(row(r, parameters, variants), rowsState());
        rows++;
    }

    /**
     * Rows formatted as this sink writes them, one line each ({@link #row}): work that can be done
     * where the results are computed (a Spark executor), so the writer only appends text.
     */
    public static String format(List<PointResult> results, List<Parameter> parameters, List<String> variants) {
        StringBuilder out = new StringBuilder(results.size() * 256);
        try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
            for (PointResult r : results) {
                p.printRecord(row(r, parameters, variants));
            }
        } catch (IOException e) {
            throw new IllegalStateException("formatting into memory cannot fail", e);
        }
        return out.toString();
    }

    /**
     * Appends {@code count} rows formatted by {@link #format}, in one write: a batch that arrives
     * whole (a Spark partition's) goes to disk whole or, when the write fails, not at all.
     */
    public synchronized void acceptFormatted(String rows, long count) {
        if (failure != null) {
            throw failure;
        }
        writeBytes(ByteBuffer.wrap(rows.getBytes(StandardCharsets.UTF_8)), rowsState());
        this.rows += count;
    }

    private String rowsState() {
        return "every row before it is complete (" + rows + " written in this run); once that is fixed, run the same "
                + "command with --resume to continue";
    }

    /** Writes one record whole at the end of the complete rows, or cuts off what got through and fails. */
    private void write(List<String> fields, String state) {
        line.setLength(0);
        ByteBuffer bytes;
        try {
            printer.printRecord(fields);
            bytes = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("formatting into memory cannot fail", e);
        }
        writeBytes(bytes, state);
    }

    /** Writes bytes (whole lines) at the end of the complete rows, or cuts off what got through and fails. */
    private void writeBytes(ByteBuffer bytes, String state) {
        long at = end;
        try {
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
            end = at;
        } catch (IOException e) {
            try {
                channel.truncate(end);
            } catch (IOException ignored) {
                // the part-row stays without its line end; --resume cuts it off
            }
            failure = OutputFailure.writing(file, e, state);
            throw failure;
        }
    }

    /** A result as the CSV's fields (the {@code pareto} field empty), for a sweep without variants. */
    public static List<String> row(PointResult r, List<Parameter> parameters) {
        return row(r, parameters, List.of());
    }

    /** A result as the CSV's fields (the {@code pareto} field empty, then the variant's name if there are variants). */
    public static List<String> row(PointResult r, List<Parameter> parameters, List<String> variants) {
        List<String> f = new ArrayList<>(6 + parameters.size() + Metric.all().size());
        f.add(Long.toString(r.point().id()));
        f.add(r.network());
        f.add(r.status());
        f.add(oneLine(r.reason()));
        List<ParameterValue> values = r.point().values(parameters);
        for (ParameterValue v : values) {
            f.add(v.label());
        }
        double[] m = r.metrics();
        for (Metric metric : Metric.all()) {
            f.add(m == null ? "" : metric.format(m[metric.ordinal()]));
        }
        f.add("");
        if (!variants.isEmpty()) {
            f.add(variants.get(r.point().variant()));
        }
        return f;
    }

    /** Rows are single lines, so a cut-off last line is easy to find and drop. */
    static String oneLine(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** Rows written by this sink. */
    public synchronized long rows() {
        return rows;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Every row was written with its own system call; closing releases the descriptor only.
            if (failure == null) {
                throw OutputFailure.writing(file, e, rowsState());
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
