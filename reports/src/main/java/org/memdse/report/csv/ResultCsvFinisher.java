package org.memdse.report.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.memdse.core.explore.Metric;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.ParetoFront;

/**
 * Finishes a sweep's results file: sorts the rows into point order (then network order), drops
 * duplicates, marks the Pareto front in the {@code pareto} column and writes the front as a CSV
 * of its own. Each file is written to a temporary file next to it and renamed over it, so a
 * crash leaves the old file or the new one. Memory is bounded: rows are sorted in chunks
 * written to temporary runs and merged, and the front is kept incrementally (one per network:
 * designs compete on the same network).
 */
public final class ResultCsvFinisher {
    /** Rows sorted in memory at a time. */
    static final int CHUNK = 20_000;

    private static final Comparator<CsvResultReader.Row> ORDER =
            Comparator.comparingLong(CsvResultReader.Row::point).thenComparingInt(CsvResultReader.Row::network);

    private ResultCsvFinisher() {
    }

    /**
     * What finishing found.
     *
     * @param rows  rows in the final file
     * @param front rows on the Pareto front (all networks)
     */
    public record Finished(long rows, long front) {
    }

    /**
     * Sorts {@code results} in place and writes the front to {@code front} (if objectives are given).
     *
     * @param header     the results' header
     * @param networks   the sweep's networks, in order
     * @param objectives the front's objectives; none: no front, every {@code pareto} is false
     */
    public static Finished finish(Path results, Path front, List<String> header, List<String> networks,
                                  List<Objective> objectives) {
        return finish(results, front, header, networks, objectives, CHUNK);
    }

    /** The same, sorting {@code chunkRows} rows in memory at a time (tests use small chunks). */
    static Finished finish(Path results, Path front, List<String> header, List<String> networks,
                           List<Objective> objectives, int chunkRows) {
        int firstMetric = header.indexOf(Metric.all().get(0).key());
        int pareto = header.indexOf(ResultColumn.PARETO.key());
        Set<Long> members = frontKeys(results, header, networks, objectives, firstMetric);
        Path dir = results.toAbsolutePath().getParent();
        List<Path> runs = new ArrayList<>();
        try {
            // 1. Sorted runs of CHUNK rows.
            List<CsvResultReader.Row> chunk = new ArrayList<>();
            CsvResultReader.forEach(results, header, networks, r -> {
                chunk.add(r);
                if (chunk.size() >= chunkRows) {
                    runs.add(writeRun(dir, chunk));
                    chunk.clear();
                }
            });
            // 2. Merge them (and the last chunk, in memory) into the final file and the front.
            chunk.sort(ORDER);
            // Next to the targets (so the rename stays on one file system), with default permissions.
            Path sortedTmp = results.resolveSibling(results.getFileName() + ".sorting.tmp");
            Path frontTmp = objectives.isEmpty() ? null : front.resolveSibling(front.getFileName() + ".sorting.tmp");
            long rows = 0;
            long inFront = 0;
            List<Iterator<CsvResultReader.Row>> sources = new ArrayList<>();
            List<CSVParser> parsers = new ArrayList<>();
            try (Writer out = writer(sortedTmp); CSVPrinter all = new CSVPrinter(out, CsvResultSink.FORMAT);
                 Writer fout = frontTmp == null ? Writer.nullWriter() : writer(frontTmp);
                 CSVPrinter fp = new CSVPrinter(fout, CsvResultSink.FORMAT)) {
                all.printRecord(header);
                if (frontTmp != null) {
                    fp.printRecord(header);
                }
                for (Path run : runs) {
                    Reader in = Files.newBufferedReader(run, StandardCharsets.UTF_8);
                    CSVParser p = CSVParser.parse(in, CsvResultSink.FORMAT);
                    parsers.add(p);
                    Iterator<CSVRecord> it = p.iterator();
                    sources.add(new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public CsvResultReader.Row next() {
                            return CsvResultReader.row(run, it.next(), header.size(), networks);
                        }
                    });
                }
                sources.add(chunk.iterator());
                PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.row, b.row));
                for (Iterator<CsvResultReader.Row> s : sources) {
                    if (s.hasNext()) {
                        heads.add(new Head(s.next(), s));
                    }
                }
                CsvResultReader.Row last = null;
                while (!heads.isEmpty()) {
                    Head h = heads.poll();
                    CsvResultReader.Row r = h.row;
                    if (h.source.hasNext()) {
                        heads.add(new Head(h.source.next(), h.source));
                    }
                    if (last != null && last.point() == r.point() && last.network() == r.network()) {
                        continue; // a duplicate (a row written twice): keep the first
                    }
                    last = r;
                    boolean member = members.contains(key(r.point(), r.network(), networks.size()));
                    String[] f = r.fields();
                    f[pareto] = Boolean.toString(member);
                    all.printRecord((Object[]) f);
                    rows++;
                    if (member) {
                        fp.printRecord((Object[]) f);
                        inFront++;
                    }
                }
            } finally {
                for (CSVParser p : parsers) {
                    p.close();
                }
            }
            move(sortedTmp, results);
            if (frontTmp != null) {
                move(frontTmp, front);
            }
            return new Finished(rows, inFront);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + results + ": " + e.getMessage(), e);
        } finally {
            for (Path run : runs) {
                try {
                    Files.deleteIfExists(run);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    private record Head(CsvResultReader.Row row, Iterator<CsvResultReader.Row> source) {
    }

    /** The keys of the rows on the front (pass 1, streaming; memory: the fronts). */
    private static Set<Long> frontKeys(Path results, List<String> header, List<String> networks,
                                       List<Objective> objectives, int firstMetric) {
        if (objectives.isEmpty()) {
            return Set.of();
        }
        Map<Integer, ParetoFront<Long>> fronts = new HashMap<>();
        CsvResultReader.forEach(results, header, networks, r -> {
            if (!"ok".equals(r.status())) {
                return;
            }
            double[] m = new double[Metric.all().size()];
            for (Objective o : objectives) {
                String text = r.fields()[firstMetric + o.metric().ordinal()];
                try {
                    m[o.metric().ordinal()] = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return;
                }
            }
            long key = key(r.point(), r.network(), networks.size());
            fronts.computeIfAbsent(r.network(), n -> new ParetoFront<>(objectives)).offer(key, m);
        });
        Set<Long> out = new HashSet<>();
        fronts.values().forEach(f -> out.addAll(f.members()));
        return out;
    }

    private static long key(long point, int network, int networks) {
        return point * networks + network;
    }

    private static Path writeRun(Path dir, List<CsvResultReader.Row> chunk) {
        chunk.sort(ORDER);
        try {
            Path run = Files.createTempFile(dir, "memdse-sort-", ".csv");
            try (Writer out = writer(run); CSVPrinter p = new CSVPrinter(out, CsvResultSink.FORMAT)) {
                for (CsvResultReader.Row r : chunk) {
                    p.printRecord((Object[]) r.fields());
                }
            }
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
