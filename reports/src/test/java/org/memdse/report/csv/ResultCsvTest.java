package org.memdse.report.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.explore.DesignPoint;
import org.memdse.core.explore.GridSampler;
import org.memdse.core.explore.Metric;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.Parameter;
import org.memdse.core.explore.ParameterValue;
import org.memdse.core.explore.PointResult;
import org.memdse.core.spec.SourcePosition;
import org.memdse.core.spec.SpecException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

class ResultCsvTest {
    @TempDir
    Path dir;

    private static Parameter parameter(String path, int size) {
        List<ParameterValue> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            values.add(new ParameterValue("v" + i, new ScalarNode(Tag.STR, "v" + i, null, null,
                    DumperOptions.ScalarStyle.PLAIN)));
        }
        return new Parameter(path, List.of(), values, SourcePosition.ofFile("t"), List.of());
    }

    private static final List<Parameter> PARAMS = List.of(parameter("a.b", 30), parameter("c", 20));
    private static final List<String> NETWORKS = List.of("n1", "n2");
    private static final List<Objective> OBJECTIVES = List.of(
            new Objective(Metric.ENERGY_PJ, Objective.Direction.MINIMISE),
            new Objective(Metric.TOPS_PER_W, Objective.Direction.MAXIMISE));

    /** Results with random metrics, some invalid or infeasible, seeded. */
    private static List<PointResult> results(long seed) {
        Random random = new Random(seed);
        GridSampler grid = new GridSampler(PARAMS);
        List<PointResult> out = new ArrayList<>();
        for (long i = 0; i < grid.size(); i++) {
            DesignPoint p = grid.point(i);
            for (String n : NETWORKS) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    out.add(new PointResult.Invalid(p, n, "bad, \"quoted\"\nand on two lines"));
                } else if (kind == 1) {
                    out.add(new PointResult.Infeasible(p, n, "does not fit"));
                } else {
                    double[] m = new double[Metric.all().size()];
                    for (int k = 0; k < m.length; k++) {
                        m[k] = random.nextInt(50) + random.nextDouble();
                    }
                    out.add(new PointResult.Evaluated(p, n, m, kind == 2 ? List.of("constraint x") : List.of()));
                }
            }
        }
        return out;
    }

    @Test
    void finishingSortsDeduplicatesAndMarksTheBruteForceFront() throws IOException {
        List<PointResult> results = results(11);
        List<PointResult> shuffled = new ArrayList<>(results);
        Collections.shuffle(shuffled, new Random(3));
        shuffled.addAll(shuffled.subList(0, 25)); // rows written twice
        Path csv = dir.resolve("r.csv");
        try (CsvResultSink sink = CsvResultSink.create(csv, PARAMS)) {
            shuffled.forEach(sink::accept);
        }
        List<String> header = ResultColumn.header(List.of("param.a.b", "param.c"));
        assertThat(CsvResultReader.header(csv)).isEqualTo(header);
        ResultCsvFinisher.Finished f = ResultCsvFinisher.finish(csv, dir.resolve("p.csv"), header, NETWORKS, OBJECTIVES,
                97); // many runs to merge
        assertThat(f.rows()).isEqualTo(results.size());
        List<CsvResultReader.Row> rows = CsvResultReader.readAll(csv, header, NETWORKS);
        assertThat(rows).hasSize(results.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).point()).isEqualTo(i / 2);
            assertThat(rows.get(i).network()).isEqualTo(i % 2);
        }
        // Brute force, per network, over the ok rows.
        Set<String> expected = new HashSet<>();
        for (String n : NETWORKS) {
            List<PointResult> ok = results.stream().filter(r -> r.network().equals(n) && r.feasible()).toList();
            for (PointResult a : ok) {
                boolean dominated = ok.stream().anyMatch(b -> b != a
                        && b.metrics()[Metric.ENERGY_PJ.ordinal()] <= a.metrics()[Metric.ENERGY_PJ.ordinal()]
                        && b.metrics()[Metric.TOPS_PER_W.ordinal()] >= a.metrics()[Metric.TOPS_PER_W.ordinal()]
                        && (b.metrics()[Metric.ENERGY_PJ.ordinal()] < a.metrics()[Metric.ENERGY_PJ.ordinal()]
                        || b.metrics()[Metric.TOPS_PER_W.ordinal()] > a.metrics()[Metric.TOPS_PER_W.ordinal()]));
                if (!dominated) {
                    expected.add(a.point().id() + "/" + n);
                }
            }
        }
        Set<String> marked = new HashSet<>();
        rows.stream().filter(r -> r.fields()[header.size() - 1].equals("true"))
                .forEach(r -> marked.add(r.point() + "/" + NETWORKS.get(r.network())));
        assertThat(marked).isEqualTo(expected).isNotEmpty();
        assertThat(f.front()).isEqualTo(expected.size());
        assertThat(CsvResultReader.readAll(dir.resolve("p.csv"), header, NETWORKS)).hasSize(expected.size())
                .allSatisfy(r -> assertThat(r.status()).isEqualTo("ok"));
        // Reasons stay on one line; quotes survive.
        assertThat(Files.readAllLines(csv)).hasSize(results.size() + 1);
        assertThat(rows.stream().filter(r -> r.status().equals("invalid")).findFirst().orElseThrow().fields()[3])
                .isEqualTo("bad, \"quoted\" and on two lines");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.csv", "p.csv");
    }

    @Test
    void resumeCutsAPartialLastLineAndListsTheRowsThere() throws IOException {
        Path csv = dir.resolve("r.csv");
        List<PointResult> results = results(5);
        try (CsvResultSink sink = CsvResultSink.create(csv, PARAMS)) {
            results.subList(0, 7).forEach(sink::accept);
        }
        Files.writeString(csv, "12,n1,ok,,v0,v1,3.1", java.nio.file.StandardOpenOption.APPEND);
        List<String> header = ResultColumn.header(List.of("param.a.b", "param.c"));
        CsvResultReader.Done done = CsvResultReader.resume(csv, header, NETWORKS);
        assertThat(done.count()).isEqualTo(7);
        assertThat(done.point(0)).isTrue();
        assertThat(done.point(3)).isFalse();
        assertThat(done.row(3, 0)).isTrue();
        assertThat(done.row(12, 0)).isFalse();
        assertThat(Files.readString(csv)).endsWith("\n");
        assertThatThrownBy(() -> CsvResultReader.resume(csv, ResultColumn.header(List.of("param.x")), NETWORKS))
                .isInstanceOf(SpecException.class).hasMessageContaining("r.csv:1:1: error: its columns are not");
    }
}
