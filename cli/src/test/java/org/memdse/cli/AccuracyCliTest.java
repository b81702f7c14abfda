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

    /** mlp-mnist's two matrices (400x100, 100x10), drawn from {@code draw}, as a weight file. */
    private Path weightFile(String name, java.util.function.DoubleSupplier draw) throws IOException {
        StringBuilder b = new StringBuilder("# mlp-mnist weights\n");
        int[][] shapes = {{400, 100}, {100, 10}};
        String[] layers = {"hidden", "output"};
        for (int l = 0; l < 2; l++) {
            b.append("layer ").append(layers[l]).append(' ').append(shapes[l][0]).append('x').append(shapes[l][1])
                    .append('\n');
            for (int i = 0; i < shapes[l][0]; i++) {
                for (int j = 0; j < shapes[l][1]; j++) {
                    b.append(j == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.5f", draw.getAsDouble()));
                }
                b.append('\n');
            }
        }
        return Files.writeString(dir.resolve(name), b);
    }

    @Test
    void trainedWeightsChangeTheEstimateAndUniformOnesDoNot() throws IOException {
        String[] args = {"evaluate", "--arch", "neurosim-vgg8", "--network", "mlp-mnist", "--mapper", "sequential",
            "--format", "json"};
        double assumed = number(CliRunner.run(args).out(), "snr_db");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        // Weights uniform over their range: the file confirms the assumption (within 1.5 dB: with real weights
        // the budget counts the ADCs' column sums exactly rather than by the closed form).
        Path uniform = weightFile("uniform.txt", () -> r.nextDouble() * 2 - 1);
        CliRunner u = CliRunner.run(concat(args, "--weights", uniform.toString()));
        assertThat(u.exitCode()).as(u.err()).isEqualTo(ExitCodes.OK);
        assertThat(number(u.out(), "snr_db")).isCloseTo(assumed, within(1.5));
        assertThat(u.out()).contains("\"snr_weights\": {\"file\": \"" + uniform + "\", \"trained_layers\": [\"hidden\", \"output\"]}");
        // Trained-like weights (Laplacian, most near 0): the same cell errors against a smaller signal.
        Path laplace = weightFile("laplace.txt", () -> Math.log(r.nextDouble()) * (r.nextBoolean() ? 0.05 : -0.05));
        CliRunner t = CliRunner.run(concat(args, "--weights", laplace.toString()));
        assertThat(number(t.out(), "snr_db")).isLessThan(assumed - 3);
        CliRunner table = CliRunner.run("evaluate", "--arch", "neurosim-vgg8", "--network", "mlp-mnist", "--mapper",
                "sequential", "--weights", laplace.toString());
        assertThat(table.out()).contains("  weights: trained for hidden, output (" + laplace + "); other layers assumed uniform");
    }

    @Test
    void yourOwnAccuracyTablePredictsThePointsAccuracyFromItsSnr() throws IOException {
        String[] args = {"evaluate", "--arch", "neurosim-vgg8", "--network", "mlp-mnist", "--mapper", "sequential"};
        CliRunner plain = CliRunner.run(concat(args, "--format", "json"));
        assertThat(plain.exitCode()).as(plain.err()).isEqualTo(ExitCodes.OK);
        double snr = number(plain.out(), "snr_db");
        // measured 0.5 ten dB below this point and 0.9 ten dB above: the point lies half way
        Path table = Files.writeString(dir.resolve("measured.csv"), String.format(java.util.Locale.ROOT,
                "point,status,snr_db,accuracy%n0,ok,%s,0.5%n1,invalid,,%n2,ok,%s,0.9%n", snr - 10, snr + 10));
        CliRunner text = CliRunner.run(concat(args, "--accuracy-table", table.toString()));
        assertThat(text.exitCode()).as(text.err()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).contains("accuracy from your measured table (" + table + ": 2 points, fitted "
                + "non-decreasing in SNR; Spearman 1.000)").containsPattern("predicted accuracy +0\\.7000 +\\(SNR [-0-9.]+ dB, "
                + "within the table's");
        CliRunner json = CliRunner.run(concat(args, "--accuracy-table", table.toString(), "--format", "json"));
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.OK);
        assertThat(number(json.out(), "predicted_accuracy")).isCloseTo(0.7, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.out()).contains("\"outside_measured_range\": false");

        Path percent = Files.writeString(dir.resolve("percent.csv"), "snr_db,accuracy\n1,50\n9,90\n");
        CliRunner bad = CliRunner.run(concat(args, "--accuracy-table", percent.toString()));
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains(percent + ":2: accuracy: expected a fraction 0..1, found 50; write 50 % as 0.5000")
                .doesNotContain("Exception");
    }

    @Test
    void aWeightFileWhoseShapesDoNotMatchTheNetworkIsBadInputAtItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.txt"), "# wrong shape\nlayer hidden 100x400\n");
        CliRunner r = CliRunner.run("evaluate", "--arch", "neurosim-vgg8", "--network", "mlp-mnist", "--mapper",
                "sequential", "--weights", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file + ":2:14: error: weights: layer 'hidden' has a 400x100 weight matrix"
                + " (400 inputs x 100 outputs) in network mlp-mnist, the file gives 100x400; the file's matrix is transposed")
                .doesNotContain("Exception");
    }

    /** docs/examples, from the cli module's folder or the repository's. */
    private static Path examples() {
        Path here = Path.of("docs", "examples");
        return Files.isDirectory(here) ? here : Path.of("..", "docs", "examples");
    }

    @Test
    void measureRunsTheTrainedLayersThroughTheCrossbarsBesideTheEstimate() {
        String network = examples().resolve("digits-mlp.yaml").toString();
        String weights = examples().resolve("digits-mlp.weights.txt").toString();
        String[] args = {"evaluate", "--arch", "neurosim-vgg8", "--network", network, "--weights", weights, "--measure",
            "300", "--measure-seeds", "2"};
        CliRunner table = CliRunner.run(args);
        assertThat(table.exitCode()).as(table.err()).isEqualTo(ExitCodes.OK);
        assertThat(table.out()).contains("functional check (crossbar inference of the trained layers: 300 uniform inputs"
                + " x 2 seeds, layer by layer)").containsPattern("\\n  fc1 +-?[0-9.]+ +-?[0-9.]+")
                .containsPattern("\\n  fc2 +-?[0-9.]+ +-?[0-9.]+");
        CliRunner json = CliRunner.run(concat(args, "--format", "json"));
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.OK);
        Matcher m = Pattern.compile("\\{\"layer\": \"(fc[12])\", \"analytic_db\": ([-0-9.Ee+]+), \"measured_db\": "
                + "([-0-9.Ee+]+), \"measured_db_lowest_seed\": ([-0-9.Ee+]+), \"measured_db_highest_seed\": ([-0-9.Ee+]+)")
                .matcher(json.out());
        int layers = 0;
        while (m.find()) {
            layers++;
            double analytic = Double.parseDouble(m.group(2));
            double measured = Double.parseDouble(m.group(3));
            // The estimate with the weights against the simulated layer (the issue's 1.5 dB for one source; all here).
            assertThat(measured).as(m.group(1)).isCloseTo(analytic, within(2.0));
            assertThat(Double.parseDouble(m.group(4))).isLessThanOrEqualTo(Double.parseDouble(m.group(5)));
        }
        assertThat(layers).isEqualTo(2);
        CliRunner alone = CliRunner.run("evaluate", "--arch", "neurosim-vgg8", "--network", network, "--measure", "10");
        assertThat(alone.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(alone.err()).contains("--measure needs --weights FILE").doesNotContain("Exception");
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
