package org.memdse.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.memdse.core.explore.DesignPoint;
import org.memdse.core.explore.GridSampler;
import org.memdse.core.explore.Metric;
import org.memdse.core.explore.Objective;
import org.memdse.core.explore.Parameter;
import org.memdse.core.explore.ParameterValue;
import org.memdse.core.explore.PointResult;
import org.memdse.core.explore.Sampler;
import org.memdse.core.explore.VariantSampler;
import org.memdse.core.spec.SourcePosition;
import org.memdse.report.sweep.SweepResults;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A sweep with variants: a last {@code variant} column, the front still marked in {@code pareto}. */
class VariantColumnTest {
    @TempDir
    Path dir;

    private static final List<String> NETWORKS = List.of("net");
    private static final List<String> VARIANTS = List.of("base", "adc-4", "45nm");
    private static final Parameter CLOCK = new Parameter("technology.clock", List.of(),
            List.of(value("1 GHz"), value("2 GHz")), SourcePosition.ofFile("t"), List.of());

    private static ParameterValue value(String text) {
        return new ParameterValue(text, new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.PLAIN));
    }

    @Test
    void theVariantIsTheLastColumnAndTheFrontIsMarkedBeforeIt() throws IOException {
        Sampler sampler = new VariantSampler(new GridSampler(List.of(CLOCK)), VARIANTS.size());
        List<PointResult> results = new ArrayList<>();
        for (long i = sampler.size() - 1; i >= 0; i--) { // out of order, as threads finish
            DesignPoint p = sampler.point(i);
            double[] m = new double[Metric.all().size()];
            m[Metric.ENERGY_PJ.ordinal()] = 10 + p.variant() * 3 - p.choice(0); // variant 0 at 2 GHz is best
            results.add(new PointResult.Evaluated(p, "net", m, List.of()));
        }
        Path csv = dir.resolve("r.csv");
        try (CsvResultSink sink = CsvResultSink.create(csv, List.of(CLOCK), VARIANTS)) {
            results.forEach(sink::accept);
        }
        List<String> header = ResultColumn.header(List.of(CLOCK.column()), true);
        assertThat(header.subList(header.size() - 2, header.size())).containsExactly("pareto", "variant");
        assertThat(header.subList(0, header.size() - 1)).as("the columns before it as without variants")
                .isEqualTo(ResultColumn.header(List.of(CLOCK.column())));
        assertThat(CsvResultReader.header(csv)).isEqualTo(header);
        ResultCsvFinisher.finish(csv, dir.resolve("p.csv"), header, NETWORKS,
                List.of(new Objective(Metric.ENERGY_PJ, Objective.Direction.MINIMISE)));
        List<CsvResultReader.Row> rows = CsvResultReader.readAll(csv, header, NETWORKS);
        assertThat(rows).hasSize(6);
        int pareto = header.indexOf("pareto");
        for (int i = 0; i < 6; i++) {
            String[] f = rows.get(i).fields();
            assertThat(f[f.length - 1]).isEqualTo(VARIANTS.get(i / 2));
            assertThat(f[header.indexOf("param.technology.clock")]).isEqualTo(i % 2 == 0 ? "1 GHz" : "2 GHz");
            assertThat(f[pareto]).isEqualTo(Boolean.toString(i == 1));
        }
        // A resumed run checks the same header, variant column included.
        assertThat(CsvResultReader.resume(csv, header, NETWORKS).count()).isEqualTo(6);
        // The report reader shows the variant as a parameter of its own.
        SweepResults read = SweepResultsReader.read(csv);
        assertThat(read.parameters()).containsExactly("variant", "technology.clock");
        assertThat(read.metrics()).doesNotContain("variant", "pareto");
        assertThat(Files.readAllLines(csv).get(6)).endsWith(",45nm");
    }
}
