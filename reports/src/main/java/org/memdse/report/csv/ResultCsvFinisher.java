package org.memdse.report.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.memdse.report.OutputFailure;
import org.memdse.report.ReportFiles;

/**
 * Finishes a sweep's results file: sorts the rows into point order (then network order), drops
 * duplicates, marks the Pareto front in the {@code pareto} column and writes the front as a CSV
 * of its own. Each file is written to a temporary file next to it and renamed over it, so a
 * crash or a failure (a full disk, an I/O error) leaves the old file or the new one, never part
 * of one: the unsorted results stay complete, and finishing again ({@code --resume}) works.
 * Memory is bounded: rows are sorted in chunks written to temporary runs and merged at most
 * {@link #FAN_IN} at a time (so the number of open files is bounded too), and the front is kept
 * incrementally (one per network: designs compete on the same network).
 */
public final class ResultCsvFinisher {
    /** Rows sorted in memory at a time. */
    static final int CHUNK = 20_000;
    /** Runs merged at a time: open files stay far below the usual limit of 1,024. */
    static final int FAN_IN = 64;

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
     * A buffered UTF-8 writer of {@code file} whose close always closes the file, even when the last
     * flush fails: the JDK's encoder (StreamEncoder.implClose) throws before closing its stream when
     * the final write fails (a disk full at the last buffer), leaving the descriptor open, and a
     * file system that filled up could then not even be unmounted (DiskFullTest).
     */
    static Writer closing(Path file) throws IOException {
        java.io.OutputStream os = Files.newOutputStream(file);
        return new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    os.close();
                }
            }
        };
    }

    /** How the finisher writes and renames files (tests inject failures). */
    interface Io {
        Writer create(Path file) throws IOException;

        void move(Path from, Path to) throws IOException;

        Io FILES = new Io() {
            @Override
            public Writer create(Path file) throws IOException {
                return closing(file);
            }

            @Override
            public void move(Path from, Path to) throws IOException {
                ReportFiles.move(from, to);
            }
        };
    }

    /**
     * Sorts {@code results} in place and writes the front to {@code front} (if objectives are given).
     *
     * @param header     the results' header
     * @param networks   the sweep's networks, in order
     * @param objectives the front's objectives; none: no front, every {@code pareto} is false
     * @throws OutputFailure if a file cannot be read or written; the message says what is left
     */
    public static Finished finish(Path results, Path front, List<String> header, List<String> networks,
                                  List<Objective> objectives) {
        return finish(results, front, header, networks, objectives, CHUNK, FAN_IN, Io.FILES);
    }

    /**
     * Sorts {@code results} in place and drops duplicates, leaving the {@code pareto} column empty:
     * for a shard of a sweep, whose front is known only once every shard is merged.
     *
     * @return the rows in the sorted file (no front)
     */
    public static long sortUnmarked(Path results, List<String> header, List<String> networks) {
        return finish(results, null, header, networks, null, CHUNK, FAN_IN, Io.FILES).rows();
    }

    /** The same, sorting {@code chunkRows} rows in memory at a time (tests use small chunks). */
    static Finished finish(Path results, Path front, List<String> header, List<String> networks,
                           List<Objective> objectives, int chunkRows) {
        return finish(results, front, header, networks, objectives, chunkRows, FAN_IN, Io.FILES);
    }

    static Finished finish(Path results, Path front, List<String> header, List<String> networks,
                           List<Objective> objectives, int chunkRows, int fanIn, Io io) {
        if (fanIn < 2) {
            throw new IllegalArgumentException("fanIn must be >= 2");
        }
        boolean mark = objectives != null; // null: sort only, the pareto column left empty
        if (!mark) {
            objectives = List.of();
        }
        if (!objectives.isEmpty() && results.toAbsolutePath().normalize().equals(front.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the front and the results are the same file: " + results);
        }
        int firstMetric = header.indexOf(Metric.all().get(0).key());
        int pareto = header.indexOf(ResultColumn.PARETO.key());
        Set<Long> members = frontKeys(results, header, networks, objectives, firstMetric);
        Path dir = results.toAbsolutePath().getParent();
        List<Path> temporary = new ArrayList<>();
        String unsorted = results.getFileName() + " is unchanged: every row is there, not yet sorted, and running "
                + "the same command with --resume sorts it and marks the front";
        boolean resultsMoved = false;
        try {
            // 1. Sorted runs of CHUNK rows; the last chunk stays in memory.
            List<Path> sortedRuns = new ArrayList<>();
            List<CsvResultReader.Row> chunk = new ArrayList<>();
            try {
                CsvResultReader.forEach(results, header, networks, r -> {
                    chunk.add(r);
                    if (chunk.size() >= chunkRows) {
                        try {
                            sortedRuns.add(writeRun(dir, chunk, io, temporary));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        chunk.clear();
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            chunk.sort(ORDER);
            List<Path> runs = sortedRuns;
            // 2. Merge runs FAN_IN at a time until one final merge can take them all.
            while (runs.size() + 1 > fanIn) {
                List<Path> merged = new ArrayList<>();
                for (int from = 0; from < runs.size(); from += fanIn) {
                    List<Path> group = runs.subList(from, Math.min(runs.size(), from + fanIn));
                    if (group.size() == 1) {
                        merged.add(group.get(0));
                        continue;
                    }
                    Path run = temp(dir, "memdse-sort-", ".csv", temporary);
                    try (Writer out = io.create(run); CSVPrinter p = new CSVPrinter(out, CsvResultSink.FORMAT)) {
                        merge(group, List.of(), header, networks, r -> p.printRecord((Object[]) r.fields()));
                    }
                    for (Path done : group) {
                        ReportFiles.deleteQuietly(done);
                    }
                    merged.add(run);
                }
                runs = merged;
            }
            // 3. The final merge into the sorted file and the front, each beside its target.
            Path sortedTmp = beside(results, temporary);
            Path frontTmp = objectives.isEmpty() ? null : beside(front, temporary);
            long[] counts = new long[2];
            try (Writer out = io.create(sortedTmp); CSVPrinter all = new CSVPrinter(out, CsvResultSink.FORMAT);
                 Writer fout = frontTmp == null ? Writer.nullWriter() : io.create(frontTmp);
                 CSVPrinter fp = new CSVPrinter(fout, CsvResultSink.FORMAT)) {
                all.printRecord(header);
                if (frontTmp != null) {
                    fp.printRecord(header);
                }
                CsvResultReader.Row[] last = {null};
                merge(runs, chunk, header, networks, r -> {
                    CsvResultReader.Row previous = last[0];
                    if (previous != null && previous.point() == r.point() && previous.network() == r.network()) {
                        return; // a duplicate (a row written twice): keep the first
                    }
                    last[0] = r;
                    boolean member = members.contains(key(r.point(), r.network(), networks.size()));
                    String[] f = r.fields();
                    f[pareto] = mark ? Boolean.toString(member) : "";
                    all.printRecord((Object[]) f);
                    counts[0]++;
                    if (member) {
                        fp.printRecord((Object[]) f);
                        counts[1]++;
                    }
                });
            }
            keepPermissions(results, sortedTmp);
            io.move(sortedTmp, results);
            resultsMoved = true;
            if (frontTmp != null) {
                io.move(frontTmp, front);
            }
            return new Finished(counts[0], counts[1]);
        } catch (IOException e) {
            throw resultsMoved
                    ? OutputFailure.of(front, "cannot write the Pareto front " + front, e, results.getFileName()
                            + " is complete, sorted and marked; running the same command with --resume writes the "
                            + "front again")
                    : OutputFailure.of(results, "cannot sort " + results, e, unsorted);
        } finally {
            for (Path t : temporary) {
                ReportFiles.deleteQuietly(t);
            }
        }
    }

    /** Something done with each row in order; may fail writing. */
    @FunctionalInterface
    private interface RowAction {
        void accept(CsvResultReader.Row row) throws IOException;
    }

    /** Merges sorted run files and a sorted in-memory list, in order (duplicates kept). */
    private static void merge(List<Path> runs, List<CsvResultReader.Row> inMemory, List<String> header,
                              List<String> networks, RowAction action) throws IOException {
        List<CSVParser> parsers = new ArrayList<>();
        try {
            List<Iterator<CsvResultReader.Row>> sources = new ArrayList<>();
            for (Path run : runs) {
                Reader in = Files.newBufferedReader(run, StandardCharsets.UTF_8);
                CSVParser p;
                try {
                    p = CSVParser.parse(in, CsvResultSink.FORMAT);
                } catch (IOException | RuntimeException e) {
                    in.close();
                    throw e;
                }
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
            sources.add(inMemory.iterator());
            PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.row, b.row));
            for (Iterator<CsvResultReader.Row> s : sources) {
                if (s.hasNext()) {
                    heads.add(new Head(s.next(), s));
                }
            }
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                if (h.source.hasNext()) {
                    heads.add(new Head(h.source.next(), h.source));
                }
                action.accept(h.row);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause(); // Commons CSV reports a failed read this way
        } finally {
            for (CSVParser p : parsers) {
                try {
                    p.close();
                } catch (IOException ignored) {
                    // read to the end, or failing already
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

    /** A new temporary file (a unique name, so two finishers never share one), remembered for deletion. */
    private static Path temp(Path dir, String prefix, String suffix, List<Path> temporary) throws IOException {
        Path t = Files.createTempFile(dir, prefix, suffix);
        remember(t, temporary);
        return t;
    }

    /**
     * A new, uniquely named file beside {@code target} (so the rename stays on one file system),
     * created with the default permissions like any file the user writes.
     */
    private static Path beside(Path target, List<Path> temporary) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path t = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".sorting.tmp");
            try {
                Files.createFile(t);
                remember(t, temporary);
                return t;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** The sorted file replaces the results: it keeps their permissions (best effort). */
    private static void keepPermissions(Path results, Path replacement) {
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(results));
        } catch (IOException | UnsupportedOperationException e) {
            // the default permissions then
        }
    }

    /**
     * A temporary file to delete when finishing ends, and at the latest when the JVM shuts down
     * (Ctrl-C stops a run without unwinding it; a renamed file is not under this name any more).
     */
    private static void remember(Path t, List<Path> temporary) {
        temporary.add(t);
        t.toFile().deleteOnExit();
    }

    private static Path writeRun(Path dir, List<CsvResultReader.Row> chunk, Io io, List<Path> temporary)
            throws IOException {
        chunk.sort(ORDER);
        Path run = temp(dir, "memdse-sort-", ".csv", temporary);
        try (Writer out = io.create(run); CSVPrinter p = new CSVPrinter(out, CsvResultSink.FORMAT)) {
            for (CsvResultReader.Row r : chunk) {
                p.printRecord((Object[]) r.fields());
            }
        }
        return run;
    }
}
