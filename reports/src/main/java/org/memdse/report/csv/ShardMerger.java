package org.memdse.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.SweepReader;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.report.OutputFailure;
import org.memdse.report.ReportFiles;

/**
 * Merges the shards of one sweep ({@code memdse sweep --shard i/n}) into the results file one
 * unsharded run writes: checks from their {@link ShardRecord}s that they are shards of one sweep
 * (one fingerprint, one shard count), that every shard is there once and finished, and from
 * their rows that each holds exactly its points; then sorts, marks the Pareto front and writes it
 * ({@link ResultCsvFinisher}). Nothing is written until every check passed, and both outputs are
 * written to temporary files renamed into place.
 */
public final class ShardMerger {
    private ShardMerger() {
    }

    /**
     * What was merged.
     *
     * @param sweep      the sweep's name
     * @param shards     how many shards
     * @param rows       rows in the merged file
     * @param front      rows on the front
     * @param objectives the front's objectives (none: no front file)
     */
    public record Merged(String sweep, int shards, long rows, long front, List<Objective> objectives) {
    }

    /** The shards' records, checked to be one sweep's complete set (in shard order). */
    public static List<Part> check(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no shards");
        }
        TreeMap<Integer, Part> byIndex = new TreeMap<>();
        Part first = null;
        for (Path f : files) {
            Part p = new Part(f, ShardRecord.read(f));
            if (first == null) {
                first = p;
            }
            ShardRecord a = first.record();
            ShardRecord b = p.record();
            if (!a.fingerprint().equals(b.fingerprint()) || a.shard().count() != b.shard().count()) {
                String why = !a.fingerprint().equals(b.fingerprint())
                        ? "another sweep: '" + b.sweep() + "' " + shortPrint(b) + " against '" + a.sweep() + "' "
                                + shortPrint(a) + (a.sweep().equals(b.sweep()) ? " (the same name, but its files "
                                + "changed between the runs)" : "")
                        : "the same sweep cut into " + b.shard().count() + " shards, not " + a.shard().count();
                throw bad(f, "not a shard of the same run as " + first.file() + ": " + why
                        + "; merge the shards of one sweep, cut one way");
            }
            Part twin = byIndex.putIfAbsent(b.shard().index(), p);
            if (twin != null) {
                throw bad(f, "shard " + b.shard() + ", and so is " + twin.file() + "; give each shard once");
            }
        }
        int count = first.record().shard().count();
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            String which = String.join(", ", missing.stream().map(i -> i + "/" + count).toList());
            throw bad(first.file(), (missing.size() == 1 ? "shard " : "shards ") + which + " of the sweep '"
                    + first.record().sweep() + "' " + (missing.size() == 1 ? "is" : "are") + " missing (given: "
                    + String.join(", ", byIndex.keySet().stream().map(i -> i + "/" + count).toList())
                    + "); run 'memdse sweep SWEEP --shard " + missing.get(0) + "/" + count + " -o FILE' and merge "
                    + "all " + count);
        }
        for (Part p : byIndex.values()) {
            ShardRecord r = p.record();
            if (r.rows().isEmpty()) {
                throw bad(p.file(), "shard " + r.shard() + " did not finish (it is still running, or it "
                        + "was stopped); finish it with 'memdse sweep SWEEP --shard " + r.shard() + " -o " + p.file()
                        + " --resume'");
            }
        }
        return List.copyOf(byIndex.values());
    }

    /** A shard's results file and its record. */
    public record Part(Path file, ShardRecord record) {
    }

    /**
     * Checks the shards ({@link #check}), then writes the merged, sorted results with the Pareto
     * column to {@code results} and the front to {@code front} (when the sweep has objectives).
     *
     * @throws SpecException  if the shards are not one sweep's complete set, or a shard's rows are not its points
     * @throws OutputFailure  if an output cannot be written (the outputs are then as they were)
     */
    public static Merged merge(List<Path> files, Path results, Path front) {
        List<Part> parts = check(files);
        ShardRecord record = parts.get(0).record();
        List<String> header = record.columns();
        List<String> networks = record.networks();
        List<Objective> objectives = new ArrayList<>();
        for (String o : record.objectives()) {
            objectives.add(SweepReader.objective(o).orElseThrow(() -> bad(ShardRecord.fileOf(parts.get(0).file()),
                    "objectives: '" + o + "' is not minimise:METRIC or maximise:METRIC")));
        }
        Path dir = results.toAbsolutePath().getParent();
        Path merged = null;
        Path frontTmp = null;
        try {
            merged = Files.createTempFile(dir, "." + results.getFileName(), ".merging.tmp");
            merged.toFile().deleteOnExit();
            try (Writer out = ResultCsvFinisher.closing(merged);
                 CSVPrinter p = new CSVPrinter(out, CsvResultSink.FORMAT)) {
                p.printRecord(header);
                for (Part part : parts) {
                    copyRows(part, header, networks, p);
                }
            }
            if (!objectives.isEmpty()) {
                frontTmp = Files.createTempFile(front.toAbsolutePath().getParent(), "." + front.getFileName(),
                        ".merging.tmp");
                frontTmp.toFile().deleteOnExit();
            }
            ResultCsvFinisher.Finished finished = ResultCsvFinisher.finish(merged, frontTmp, header, networks,
                    objectives);
            if (frontTmp != null) {
                ReportFiles.move(frontTmp, front);
                frontTmp = null;
            }
            ReportFiles.move(merged, results);
            merged = null;
            return new Merged(record.sweep(), record.shard().count(), finished.rows(), finished.front(),
                    List.copyOf(objectives));
        } catch (IOException e) {
            throw OutputFailure.writing(results, e, "nothing was written");
        } catch (OutputFailure e) {
            throw OutputFailure.of(results, "cannot write the merged results " + results, cause(e),
                    "the shards are unchanged; nothing was written");
        } finally {
            ReportFiles.deleteQuietly(merged);
            ReportFiles.deleteQuietly(frontTmp);
        }
    }

    private static IOException cause(OutputFailure e) {
        return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }

    /** Copies a shard's rows, checking each is one of its points and that all of them are there. */
    private static void copyRows(Part part, List<String> header, List<String> networks, CSVPrinter out)
            throws IOException {
        ShardRecord r = part.record();
        long[] rows = {0};
        long[] previous = {-1};
        IOException[] failed = {null};
        CsvResultReader.forEach(part.file(), header, networks, row -> {
            if (failed[0] != null) {
                return;
            }
            long key = row.point() * networks.size() + row.network();
            if (!r.shard().contains(row.point()) || row.point() >= r.points()) {
                throw bad(part.file(), "point " + row.point() + " is not in shard " + r.shard()
                        + " of a " + r.points() + "-point sweep; the file was changed after the shard ran");
            }
            if (key <= previous[0]) {
                throw bad(part.file(), "rows are not sorted or repeat (point " + row.point()
                        + ", network " + networks.get(row.network()) + "); the shard did not finish, or the file was "
                        + "changed; run its sweep again with --resume");
            }
            previous[0] = key;
            rows[0]++;
            try {
                out.printRecord((Object[]) row.fields());
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        if (rows[0] != r.expectedRows()) {
            throw bad(part.file(), "shard " + r.shard() + " holds " + rows[0] + " rows, not the "
                    + r.expectedRows() + " of its " + r.shard().size(r.points()) + " points x " + networks.size()
                    + " network(s); finish it with 'memdse sweep SWEEP --shard " + r.shard() + " -o " + part.file()
                    + " --resume'");
        }
    }

    private static String shortPrint(ShardRecord r) {
        String f = r.fingerprint();
        int colon = f.indexOf(':');
        return "(fingerprint " + f.substring(0, Math.min(f.length(), colon + 13)) + "...)";
    }

    private static SpecException bad(Path file, String message) {
        return SpecException.of(SourcePosition.ofFile(file.toString()), "", message);
    }
}
