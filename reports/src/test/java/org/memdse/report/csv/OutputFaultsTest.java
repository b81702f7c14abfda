package org.memdse.report.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.memdse.core.explore.DesignPoint;
import org.memdse.core.explore.GridSampler;
import org.memdse.core.explore.Metric;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.Parameter;
import org.memdse.core.explore.ParameterValue;
import org.memdse.core.explore.PointResult;
import org.memdse.core.spec.SourcePosition;
import org.memdse.report.OutputFailure;
import org.memdse.report.csv.FaultyStorage.Fault;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Every fault while writing a sweep's results (a full disk, an I/O error, a read-only file
 * system, a quota; a short write; a truncate that fails as well; a rename that fails), at every
 * byte: the failure is an {@link OutputFailure} in words, the file keeps only complete rows (or
 * its unsorted self when finishing fails), no temporary file is left, and resuming then finishing
 * gives byte for byte the files of a run that never failed.
 */
class OutputFaultsTest {
    private static Parameter parameter(String path, int size) {
        List<ParameterValue> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(new ParameterValue("v" + i, new ScalarNode(Tag.STR, "v" + i, null, null,
                    DumperOptions.ScalarStyle.PLAIN)));
        }
        return new Parameter(path, List.of(), values, SourcePosition.ofFile("t"), List.of());
    }

    private static final List<Parameter> PARAMS = List.of(parameter("a.b", 6), parameter("c", 5));
    private static final List<String> NETWORKS = List.of("n1", "n2");
    private static final List<String> HEADER = ResultColumn.header(List.of("param.a.b", "param.c"));
    private static final List<Objective> OBJECTIVES = List.of(
            new Objective(Metric.ENERGY_PJ, Objective.Direction.MINIMISE),
            new Objective(Metric.LATENCY_NS, Objective.Direction.MINIMISE));

    /** 60 results in a seeded completion order (some invalid, some infeasible). */
    private static List<PointResult> results(long seed) {
        Random random = new Random(seed);
        GridSampler grid = new GridSampler(PARAMS);
        List<PointResult> out = new ArrayList<>();
        for (long i = 0; i < grid.size(); i++) {
            DesignPoint p = grid.point(i);
            for (String n : NETWORKS) {
                int kind = random.nextInt(8);
                if (kind == 0) {
                    out.add(new PointResult.Invalid(p, n, "bad, \"quoted\", µ-units"));
                } else if (kind == 1) {
                    out.add(new PointResult.Infeasible(p, n, "does not fit"));
                } else {
                    double[] m = new double[Metric.all().size()];
                    for (int k = 0; k < m.length; k++) {
                        m[k] = random.nextInt(50) + random.nextDouble();
                    }
                    out.add(new PointResult.Evaluated(p, n, m, List.of()));
                }
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    /** The files a run that never failed leaves: the unsorted rows, then the finished results and front. */
    private record Reference(byte[] unsorted, byte[] results, byte[] front) {
        /** By the seed of the results' order (and whether rows repeat): the same results, the same files. */
        private static final java.util.Map<String, Reference> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static Reference of(String key, List<PointResult> results) throws IOException {
            Reference known = CACHE.get(key);
            if (known == null) {
                known = compute(results);
                CACHE.put(key, known);
            }
            return known;
        }

        private static Reference compute(List<PointResult> results) throws IOException {
            Path dir = Files.createTempDirectory("memdse-ref");
            try {
                Path csv = dir.resolve("r.csv");
                try (CsvResultSink sink = CsvResultSink.create(csv, PARAMS)) {
                    results.forEach(sink::accept);
                }
                byte[] unsorted = Files.readAllBytes(csv);
                ResultCsvFinisher.finish(csv, dir.resolve("p.csv"), HEADER, NETWORKS, OBJECTIVES);
                return new Reference(unsorted, Files.readAllBytes(csv), Files.readAllBytes(dir.resolve("p.csv")));
            } finally {
                delete(dir);
            }
        }
    }

    @Property(tries = 200, seed = "20261204")
    void aFailedRowWriteLeavesCompleteRowsThatResumeFinishes(@ForAll @LongRange(min = 0, max = 14_000) long budget,
                                                             @ForAll Fault fault, @ForAll boolean truncateFails,
                                                             @ForAll @IntRange(min = 0, max = 50) int order)
            throws IOException {
        List<PointResult> results = results(order);
        Reference reference = Reference.of("once " + order, results);
        Path dir = Files.createTempDirectory("memdse-faults");
        try {
            Path csv = dir.resolve("r.csv");
            OutputFailure failure = null;
            CsvResultSink sink = null;
            try {
                sink = CsvResultSink.create(csv, PARAMS, List.of(),
                        FaultyStorage.channels(budget, fault, truncateFails));
                for (PointResult r : results) {
                    sink.accept(r);
                }
            } catch (OutputFailure e) {
                failure = e;
            }
            if (sink != null) {
                if (failure != null) {
                    // After a failure every row is refused: no row may follow a gap.
                    CsvResultSink failed = sink;
                    assertThatThrownBy(() -> failed.accept(results.get(0))).isSameAs(failure);
                }
                sink.close();
            }
            byte[] written = Files.readAllBytes(csv);
            if (failure == null) {
                assertThat(written).isEqualTo(reference.unsorted());
            } else {
                assertThat(failure.getMessage()).contains("r.csv", fault.text).doesNotContain("Exception");
                if (!truncateFails) {
                    assertThat(written.length == 0 || written[written.length - 1] == '\n')
                            .as("the file ends with a complete row").isTrue();
                }
                CsvResultReader.cutPartialLine(csv);
                byte[] complete = Files.readAllBytes(csv);
                assertThat(startsWith(reference.unsorted(), complete)).as("complete rows, as written").isTrue();
            }
            // Resume: append what is missing with healthy storage, then finish.
            CsvResultReader.Done done = Files.size(csv) > 0 ? CsvResultReader.resume(csv, HEADER, NETWORKS) : null;
            try (CsvResultSink rest = done == null ? CsvResultSink.create(csv, PARAMS)
                    : CsvResultSink.append(csv, PARAMS)) {
                for (PointResult r : results) {
                    if (done == null || !done.row(r.point().id(), NETWORKS.indexOf(r.network()))) {
                        rest.accept(r);
                    }
                }
            }
            ResultCsvFinisher.finish(csv, dir.resolve("p.csv"), HEADER, NETWORKS, OBJECTIVES);
            assertThat(Files.readAllBytes(csv)).isEqualTo(reference.results());
            assertThat(Files.readAllBytes(dir.resolve("p.csv"))).isEqualTo(reference.front());
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 200, seed = "20261205")
    void aFailureWhileFinishingKeepsTheUnsortedRowsOrTheSortedFile(
            @ForAll @LongRange(min = 0, max = 60_000) long budget, @ForAll @IntRange(min = 1, max = 3) int failingMove,
            @ForAll Fault fault, @ForAll @IntRange(min = 1, max = 40) int chunk,
            @ForAll @IntRange(min = 2, max = 5) int fanIn, @ForAll @IntRange(min = 0, max = 50) int order)
            throws IOException {
        List<PointResult> results = new ArrayList<>(results(order));
        results.addAll(results.subList(0, 17)); // rows written twice (a resumed run's overlap)
        Reference reference = Reference.of("twice " + order, results);
        Path dir = Files.createTempDirectory("memdse-faults");
        try {
            Path csv = dir.resolve("r.csv");
            Path front = dir.resolve("p.csv");
            Files.write(csv, reference.unsorted());
            OutputFailure failure = null;
            try {
                ResultCsvFinisher.finish(csv, front, HEADER, NETWORKS, OBJECTIVES, chunk, fanIn,
                        FaultyStorage.io(budget, failingMove, fault));
            } catch (OutputFailure e) {
                failure = e;
            }
            try (Stream<Path> left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left")
                        .isSubsetOf("r.csv", "p.csv");
            }
            if (failure == null) {
                // Any chunk size and number of merge passes gives the same files.
                assertThat(Files.readAllBytes(csv)).isEqualTo(reference.results());
                assertThat(Files.readAllBytes(front)).isEqualTo(reference.front());
                return;
            }
            assertThat(failure.getMessage()).contains(fault.text).contains("--resume").doesNotContain("Exception");
            byte[] now = Files.readAllBytes(csv);
            if (java.util.Arrays.equals(now, reference.unsorted())) {
                assertThat(failure.getMessage()).contains("cannot sort", "r.csv is unchanged");
                assertThat(front).doesNotExist();
            } else {
                assertThat(now).as("sorted, or untouched").isEqualTo(reference.results());
                assertThat(failure.getMessage()).contains("cannot write the Pareto front", "p.csv");
            }
            ResultCsvFinisher.finish(csv, front, HEADER, NETWORKS, OBJECTIVES);
            assertThat(Files.readAllBytes(csv)).isEqualTo(reference.results());
            assertThat(Files.readAllBytes(front)).isEqualTo(reference.front());
        } finally {
            delete(dir);
        }
    }

    private static boolean startsWith(byte[] whole, byte[] prefix) {
        return prefix.length <= whole.length
                && java.util.Arrays.equals(whole, 0, prefix.length, prefix, 0, prefix.length)
                && (prefix.length == 0 || prefix[prefix.length - 1] == '\n');
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
