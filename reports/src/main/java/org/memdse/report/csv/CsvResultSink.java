package org.memdse.report.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/**
 * Writes a sweep's results as they come: one CSV row per (point, network), flushed at once, so a
 * killed run leaves every accepted row on disk (at worst a last, partial line, which
 * {@link CsvResultReader#resume} cuts off). The {@code pareto} column stays empty until
 * {@link ResultCsvFinisher} sorts the file and marks the front. Thread-safe.
 */
public final class CsvResultSink implements ResultSink, Closeable {
    /** Commons CSV with '\n' line ends (golden files do not depend on the platform). */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final List<Parameter> parameters;
    private final List<String> variants;
    private final Writer writer;
    private final CSVPrinter printer;

    private CsvResultSink(Path file, List<Parameter> parameters, List<String> variants, boolean append)
            throws IOException {
        this.parameters = List.copyOf(parameters);
        this.variants = List.copyOf(variants);
        this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING),
                StandardCharsets.UTF_8), 1 << 14);
        this.printer = new CSVPrinter(writer, FORMAT);
        if (!append) {
            printer.printRecord(ResultColumn.header(columns(parameters), !variants.isEmpty()));
            printer.flush();
        }
    }

    /** A new results file (replacing any) with its header, for a sweep without variants. */
    public static CsvResultSink create(Path file, List<Parameter> parameters) {
        return create(file, parameters, List.of());
    }

    /** A new results file (replacing any) with its header; {@code variants}: the sweep's variant names, if any. */
    public static CsvResultSink create(Path file, List<Parameter> parameters, List<String> variants) {
        try {
            return new CsvResultSink(file, parameters, variants, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends to a results file whose header is already there (resume; see {@link CsvResultReader#resume}). */
    public static CsvResultSink append(Path file, List<Parameter> parameters) {
        return append(file, parameters, List.of());
    }

    /** Appends to a results file of a sweep with these variant names (none: no {@code variant} column). */
    public static CsvResultSink append(Path file, List<Parameter> parameters, List<String> variants) {
        try {
            return new CsvResultSink(file, parameters, variants, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    static List<String> columns(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::column).toList();
    }

    @Override
    public synchronized void accept(PointResult r) {
        try {
            printer.printRecord(row(r, parameters, variants));
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a result row: " + e.getMessage(), e);
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

    @Override
    public synchronized void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
