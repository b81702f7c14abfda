package org.memdse.report.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.memdse.core.explore.Shard;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.memdse.report.OutputFailure;
import org.memdse.report.ReportFiles;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What {@code memdse merge} needs to know about a shard's results file, kept beside it in
 * {@code part-1.csv.shard.yaml} (the CSV itself stays a plain results file that {@code report}
 * and {@code --resume} read): which sweep it belongs to (the sweep's fingerprint: a hash of its
 * documents, so shards of another sweep, or of an edited one, are told apart), which shard it
 * is, how many points the whole sweep has, its networks, objectives and columns, and whether
 * the shard finished (its row count) or is still running or was stopped ({@code rows: unfinished}).
 *
 * @param sweep       the sweep's name
 * @param fingerprint {@code sha256:HEX} of the sweep's documents
 * @param shard       which shard
 * @param points      points in the whole sweep
 * @param networks    the sweep's networks, in order
 * @param objectives  the Pareto front's objectives ({@code minimise:energy_pj}), for merge to mark the front
 * @param columns     the results file's header
 * @param rows        rows in the finished, sorted file; empty while unfinished
 */
public record ShardRecord(String sweep, String fingerprint, Shard shard, long points, List<String> networks,
                          List<String> objectives, List<String> columns, Optional<Long> rows) {
    private static final String UNFINISHED = "unfinished";

    public ShardRecord {
        Objects.requireNonNull(sweep, "sweep");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(shard, "shard");
        networks = List.copyOf(networks);
        objectives = List.copyOf(objectives);
        columns = List.copyOf(columns);
        Objects.requireNonNull(rows, "rows");
    }

    /** Where the record of a shard's results file is: beside it, its name plus {@code .shard.yaml}. */
    public static Path fileOf(Path results) {
        return results.resolveSibling(results.getFileName() + ".shard.yaml");
    }

    /** The same record, finished with this many rows. */
    public ShardRecord finished(long rowCount) {
        return new ShardRecord(sweep, fingerprint, shard, points, networks, objectives, columns, Optional.of(rowCount));
    }

    /** The rows the finished shard must hold: its points times the networks. */
    public long expectedRows() {
        return shard.size(points) * networks.size();
    }

    /** Writes the record beside {@code results} (whole: a temporary file renamed over it). */
    public void write(Path results) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", sweep);
        m.put("fingerprint", fingerprint);
        m.put("shard", shard.toString());
        m.put("points", points);
        m.put("networks", networks);
        m.put("objectives", objectives);
        m.put("columns", columns);
        m.put("rows", rows.<Object>map(r -> r).orElse(UNFINISHED));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        String text = "# memdse shard record: " + results.getFileName() + " holds shard " + shard + " of the sweep "
                + "'" + sweep + "'. memdse merge reads it; keep it beside the CSV.\n" + new Yaml(options).dump(m);
        ReportFiles.write(fileOf(results), text);
    }

    /**
     * The record beside {@code results}.
     *
     * @throws SpecException if there is none or it is not a shard record (the message says which file and why)
     */
    public static ShardRecord read(Path results) {
        Path file = fileOf(results);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw bad(file, "no such file: " + results + " has no shard record beside it, so it is not a shard that "
                    + "'memdse sweep SWEEP --shard i/n -o " + results.getFileName() + "' wrote (or the record was "
                    + "moved away from it)");
        } catch (IOException e) {
            throw OutputFailure.reading(file, e, "nothing was written");
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw bad(file, "not a shard record: " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> m)) {
            throw bad(file, "not a shard record (expected keys sweep, fingerprint, shard, ...)");
        }
        Shard shard;
        try {
            shard = Shard.parse(string(file, m, "shard"));
        } catch (IllegalArgumentException e) {
            throw bad(file, "shard: " + e.getMessage());
        }
        Object rows = m.get("rows");
        Optional<Long> count;
        if (UNFINISHED.equals(rows)) {
            count = Optional.empty();
        } else if (rows instanceof Number n && n.longValue() >= 0) {
            count = Optional.of(n.longValue());
        } else {
            throw bad(file, "rows: expected a row count or '" + UNFINISHED + "', found '" + rows + "'");
        }
        Object points = m.get("points");
        if (!(points instanceof Number p) || p.longValue() < 0) {
            throw bad(file, "points: expected the sweep's point count, found '" + points + "'");
        }
        return new ShardRecord(string(file, m, "sweep"), string(file, m, "fingerprint"), shard, p.longValue(),
                strings(file, m, "networks"), strings(file, m, "objectives"), strings(file, m, "columns"), count);
    }

    private static String string(Path file, Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw bad(file, "no '" + key + "'; a shard record has sweep, fingerprint, shard, points, networks, "
                    + "objectives, columns and rows");
        }
        return v.toString();
    }

    private static List<String> strings(Path file, Map<?, ?> m, String key) {
        if (!(m.get(key) instanceof List<?> list)) {
            throw bad(file, key + ": expected a list");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static SpecException bad(Path file, String message) {
        return SpecException.of(SourcePosition.ofFile(file.toString()), "", message);
    }
}
