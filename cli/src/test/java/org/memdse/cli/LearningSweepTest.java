package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps in the learning modes (issue 14): the sweep file's {@code mode:}, the learning columns of
 * the CSV (empty figures, NaN, in inference), the bundled update-scheme x endurance x batch sweep and
 * its report of energy per epoch against lifetime, and a mode with nothing to learn refused at its line.
 */
class LearningSweepTest {
    private static final String UPDATE = "param.templates.neurosim-tile.learning.update";
    private static final String ENDURANCE = "param.devices.fefet-neurosim-v21.write.endurance";
    private static final String BATCH = "param.templates.neurosim-tile.learning.batch_size";
    private static final String C2C = "param.devices.fefet-neurosim-v21.write.c2c";

    @TempDir
    Path dir;

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv))) {
            return p.getRecords();
        }
    }

    private static double num(CSVRecord r, String column) {
        return Double.parseDouble(r.get(column));
    }

    @Test
    void theBundledLearningSweepTradesEnergyPerEpochAgainstLifetime() throws IOException {
        Path out = dir.resolve("learning.csv");
        CliRunner r = CliRunner.run("sweep", "learning-update-endurance", "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = rows(out);
        assertThat(rows).hasSize(3 * 4 * 4 * 2);
        Map<String, CSVRecord> by = new HashMap<>();
        for (CSVRecord row : rows) {
            by.put(row.get(UPDATE) + "/" + row.get(ENDURANCE) + "/" + row.get(BATCH) + "/" + row.get(C2C), row);
            assertThat(num(row, "energy_pj_per_epoch")).isPositive();
            assertThat(num(row, "time_ns_per_epoch")).isPositive();
            // The learning columns agree with each other: lifetime = epochs survived x time per epoch.
            assertThat(num(row, "lifetime_s")).isCloseTo(num(row, "epochs_survived") * num(row, "time_ns_per_epoch") * 1e-9,
                    withinPercentage(1e-6));
            // Inference figures stay what they were: energy_pj is one inference, far below an epoch.
            assertThat(num(row, "energy_pj")).isLessThan(num(row, "energy_pj_per_epoch") / 10_000);
        }
        for (String scheme : List.of("open-loop", "incremental-step", "write-verify")) {
            for (String c2c : List.of("0.003", "0.035")) {
                // Lifetime scales with endurance; a smaller batch writes more often and lives shorter in proportion.
                CSVRecord base = by.get(scheme + "/1e6/200/" + c2c);
                assertThat(num(by.get(scheme + "/1e7/200/" + c2c), "lifetime_s"))
                        .isCloseTo(10 * num(base, "lifetime_s"), withinPercentage(1e-6));
                assertThat(num(by.get(scheme + "/1e6/100/" + c2c), "epochs_survived"))
                        .isCloseTo(num(base, "epochs_survived") / 2, withinPercentage(1e-6));
                assertThat(num(by.get(scheme + "/1e6/50/" + c2c), "energy_pj_per_epoch"))
                        .isGreaterThan(num(base, "energy_pj_per_epoch"));
            }
        }
        // On the noisy device only write-verify writes within half a level: open loop misses the constraint.
        CSVRecord open = by.get("open-loop/1e6/200/0.035");
        CSVRecord verify = by.get("write-verify/1e6/200/0.035");
        assertThat(open.get("status")).isEqualTo("infeasible");
        assertThat(open.get("reason")).startsWith("constraint written_precision_levels <= 0.5");
        assertThat(verify.get("status")).isEqualTo("ok");
        assertThat(num(verify, "written_precision_levels")).isLessThan(num(open, "written_precision_levels"));
        assertThat(num(verify, "write_energy_pj_per_update")).isGreaterThan(num(open, "write_energy_pj_per_update"));
        assertThat(num(verify, "energy_pj_per_epoch")).isGreaterThan(num(open, "energy_pj_per_epoch"));
        assertThat(num(verify, "lifetime_s")).isLessThan(num(open, "lifetime_s"));
        // The front: no ok row has both less energy per epoch and a longer life than a front row.
        List<CSVRecord> front = rows.stream().filter(x -> x.get("pareto").equals("true")).toList();
        assertThat(front).isNotEmpty();
        for (CSVRecord f : front) {
            assertThat(f.get("status")).isEqualTo("ok");
            for (CSVRecord o : rows) {
                if (o.get("status").equals("ok")) {
                    assertThat(num(o, "energy_pj_per_epoch") < num(f, "energy_pj_per_epoch")
                            && num(o, "lifetime_s") > num(f, "lifetime_s")).as("%s dominates %s", o, f).isFalse();
                }
            }
        }

        Path html = dir.resolve("learning.html");
        CliRunner report = CliRunner.run("report", out.toString(), "--x", "energy_pj_per_epoch", "--y", "lifetime_s",
                "-o", html.toString());
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(html)).contains("energy per epoch", "lifetime", "Pareto");
    }

    @Test
    void anInferenceSweepLeavesTheLearningColumnsNaN() throws IOException {
        Path sweep = dir.resolve("s.yaml");
        Files.writeString(sweep, """
                name: inference
                architecture: neurosim-v21-training
                networks: [mlp-mnist]
                parameters:
                  - path: templates.neurosim-tile.learning.batch_size
                    values: [100, 200]
                """);
        Path out = dir.resolve("s.csv");
        CliRunner r = CliRunner.run("sweep", sweep.toString(), "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = rows(out);
        assertThat(rows).hasSize(2);
        for (CSVRecord row : rows) {
            assertThat(row.get("status")).isEqualTo("ok");
            assertThat(num(row, "energy_pj")).isPositive();
            for (String c : List.of("energy_pj_per_sample", "energy_pj_per_epoch", "time_ns_per_epoch",
                    "write_energy_pj_per_update", "written_precision_levels", "lifetime_s", "epochs_survived")) {
                assertThat(row.get(c)).as(c).isEqualTo("NaN");
            }
        }
        // The columns keep their order: the old ones first, the learning ones after snr_db, then pareto.
        List<String> header = List.of(Files.readAllLines(out).get(0).split(","));
        assertThat(header.indexOf("energy_pj_per_sample")).isEqualTo(header.indexOf("snr_db") + 1);
        assertThat(header.get(header.size() - 1)).isEqualTo("pareto");
    }

    @Test
    void anOnlineLearningSweepFillsTheUpdateColumnsAndLeavesTheEpochOnesNaN() throws IOException {
        Path sweep = dir.resolve("online.yaml");
        Files.writeString(sweep, """
                name: online
                architecture: fig4-hybrid
                networks: [fig4-hybrid]
                mode: online-learning
                parameters:
                  - path: devices.hfo2-rram.write.endurance
                    values: [1e5, 1e6]
                """);
        Path out = dir.resolve("online.csv");
        CliRunner r = CliRunner.run("sweep", sweep.toString(), "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = rows(out);
        assertThat(rows).hasSize(2);
        for (CSVRecord row : rows) {
            assertThat(row.get("status")).isEqualTo("ok");
            // One synaptic update: 1 pJ a pulse x (1.1809 + 1.1212) / 2 pulses (LearningModeTest by hand).
            assertThat(num(row, "write_energy_pj_per_update")).isCloseTo(1.1510, withinPercentage(0.01));
            assertThat(num(row, "energy_pj_per_sample")).isGreaterThan(num(row, "energy_pj"));
            for (String c : List.of("energy_pj_per_epoch", "time_ns_per_epoch", "epochs_survived")) {
                assertThat(row.get(c)).as(c).isEqualTo("NaN");
            }
        }
        assertThat(num(rows.get(1), "lifetime_s")).isCloseTo(10 * num(rows.get(0), "lifetime_s"), withinPercentage(1e-6));
    }

    @Test
    void aLearningModeWithNothingToLearnIsAnErrorAtItsLine() throws IOException {
        Path sweep = dir.resolve("bad.yaml");
        Files.writeString(sweep, """
                name: bad
                architecture: isaac-ce
                networks: [lenet5]
                mode: training
                parameters:
                  - path: templates.isaac-tile.macro.adc.bits
                    values: [7, 8]
                """);
        CliRunner r = CliRunner.run("sweep", sweep.toString(), "-o", dir.resolve("bad.csv").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("bad.yaml:4:7: error: mode: mode training: isaac-ce has nothing to train",
                "or mode: inference").doesNotContain("Exception");
        Files.writeString(sweep, Files.readString(sweep).replace("mode: training", "mode: learn"));
        CliRunner unknown = CliRunner.run("sweep", sweep.toString(), "-o", dir.resolve("bad.csv").toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("bad.yaml:4:7: error: mode:", "learn", "training");
    }
}
