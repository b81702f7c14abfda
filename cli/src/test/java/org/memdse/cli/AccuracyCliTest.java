package org.memdse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy estimate (issue 16) where users see it: evaluate's table, JSON and CSV, a sweep's
 * snr_db column with a constraint and an objective on it, and the sweep report's energy-against-SNR
 * front.
 */
class AccuracyCliTest {
    @TempDir
    Path dir;

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": ([-0-9.Ee+]+)").matcher(json);
        assertThat(m.find()).as("key %s in %s", key, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void evaluateLabelsTheSnrAnEstimateInEveryFormat() {
        String[] args = {"evaluate", "--arch", "neurosim-vgg8", "--network", "mlp-mnist", "--mapper", "sequential"};
        CliRunner table = CliRunner.run(args);
        assertThat(table.exitCode()).as(table.err()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains("accuracy (analytic estimate, not a measured accuracy)", "output SNR",
                "adc alone", "programming alone");

        CliRunner json = CliRunner.run(concat(args, "--format", "json"));
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.OK);
        String j = json.out();
        assertThat(j).contains("\"snr_is_estimate\": true", "\"snr_db_by_layer\": {", "\"snr_db_by_source\": {");
        double snr = number(j, "snr_db");
        // mlp-mnist is a chain (hidden, output): the network's figure is its last layer's, the noisiest.
        Matcher layers = Pattern.compile("\"snr_db_by_layer\": \\{([^}]*)}").matcher(j);
        assertThat(layers.find()).isTrue();
        List<Double> perLayer = new ArrayList<>();
        for (String part : layers.group(1).split(",")) {
            perLayer.add(Double.parseDouble(part.substring(part.indexOf(':') + 1).trim()));
        }
        assertThat(perLayer).hasSize(2);
        assertThat(perLayer.get(0)).isGreaterThan(perLayer.get(1));
        assertThat(snr).isEqualTo(perLayer.get(1));
        // The sources add as 1/SNR = Σ 1/SNR_i.
        Matcher sources = Pattern.compile("\"snr_db_by_source\": \\{([^}]*)}").matcher(j);
        assertThat(sources.find()).isTrue();
        double inverse = 0;
        for (String part : sources.group(1).split(",")) {
            inverse += Math.pow(10, -Double.parseDouble(part.substring(part.indexOf(':') + 1).trim()) / 10);
        }
        assertThat(-10 * Math.log10(inverse)).isCloseTo(snr, within(1e-9));

        CliRunner csv = CliRunner.run(concat(args, "--format", "csv"));
        assertThat(csv.exitCode()).as(csv.err()).isEqualTo(ExitCodes.OK);
        assertThat(csv.out()).contains("\naccuracy_estimate,snr_db," + snr + ",dB\n", "\nsnr_db_by_source,adc,",
                "\nsnr_db_by_layer,");
    }

    @Test
    void aNetworkWithoutCrossbarLayersHasNoEstimate() throws IOException {
        // An SNN-only network on the Fig. 4 system: nothing computes on a crossbar, so nothing is
        // estimated (null in JSON, no rows in CSV), rather than a made-up figure.
        Path network = Files.writeString(dir.resolve("snn-only.yaml"), """
                version: 1
                name: snn-only
                weight_bits: 8
                activation_bits: 8
                layers:
                  - {name: sensor, kind: encoder, shape: [2, 16, 16], encoding: rate, time_steps: 16, firing_rate: 0.1}
                  - {name: s1_syn, kind: projection, connectivity: conv, out_channels: 8, kernel: 3, padding: 1}
                  - {name: s1, kind: population, model: lif, threshold: 0.5 V, tau_mem: 20 ms, firing_rate: 0.05}
                """);
        String[] args = {"evaluate", "--arch", "fig4-hybrid", "--network", network.toString(), "--mapper", "sequential"};
        CliRunner json = CliRunner.run(concat(args, "--format", "json"));
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.OK);
        assertThat(json.out()).contains("\"snr_db\": null", "\"snr_db_by_layer\": {}");
        assertThat(CliRunner.run(concat(args, "--format", "csv")).out()).doesNotContain("snr_db");
        assertThat(CliRunner.run(args).out()).doesNotContain("accuracy (analytic estimate");
    }

    @Test
    void theBundledAccuracySweepKeepsOnlyPointsMeetingItsSnrConstraint() throws IOException {
        Path out = dir.resolve("accuracy.csv");
        CliRunner r = CliRunner.run("sweep", "accuracy-adc", "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows;
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(out))) {
            rows = p.getRecords();
        }
        assertThat(rows).hasSize(30);
        int ok = 0;
        for (CSVRecord row : rows) {
            double snr = Double.parseDouble(row.get("snr_db"));
            if (row.get("status").equals("ok")) {
                ok++;
                assertThat(snr).isGreaterThanOrEqualTo(10);
            } else {
                assertThat(row.get("status")).isEqualTo("infeasible");
                assertThat(snr).isLessThan(10);
                assertThat(row.get("reason")).startsWith("constraint snr_db >= 10").contains("snr_db = ");
            }
        }
        assertThat(ok).isBetween(1, 29);
        // The front trades energy for SNR: along it, more energy buys a higher SNR.
        List<CSVRecord> front = rows.stream().filter(x -> x.get("pareto").equals("true"))
                .sorted((a, b) -> Double.compare(Double.parseDouble(a.get("energy_pj")),
                        Double.parseDouble(b.get("energy_pj")))).toList();
        assertThat(front).hasSizeGreaterThan(1);
        for (int i = 1; i < front.size(); i++) {
            assertThat(Double.parseDouble(front.get(i).get("snr_db")))
                    .isGreaterThan(Double.parseDouble(front.get(i - 1).get("snr_db")));
        }
        // Fewer ADC bits: less energy and a lower SNR, the rest equal.
        Map<String, CSVRecord> byKey = new java.util.HashMap<>();
        for (CSVRecord row : rows) {
            byKey.put(row.get("param.templates.neurosim-tile.macro.adc.bits") + "/"
                    + row.get("param.templates.neurosim-tile.macro.crossbars.signed_weights") + "/"
                    + row.get("param.devices.rram-neurosim.nonidealities.programming_error"), row);
        }
        for (int bits = 5; bits <= 8; bits++) {
            CSVRecord more = byKey.get(bits + "/differential/0.01");
            CSVRecord fewer = byKey.get((bits - 1) + "/differential/0.01");
            assertThat(Double.parseDouble(fewer.get("energy_pj"))).isLessThan(Double.parseDouble(more.get("energy_pj")));
            assertThat(Double.parseDouble(fewer.get("snr_db"))).isLessThan(Double.parseDouble(more.get("snr_db")));
        }

        Path html = dir.resolve("accuracy.html");
        CliRunner report = CliRunner.run("report", out.toString(), "--x", "energy_pj", "--y", "snr_db", "--objective",
                "minimise:energy_pj", "--objective", "maximise:snr_db", "-o", html.toString());
        assertThat(report.exitCode()).as(report.err()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(html)).contains("output SNR (estimate)", "(dB)");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
