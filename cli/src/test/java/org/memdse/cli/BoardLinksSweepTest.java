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
 * The bundled sweep board-links (issue 15): ResNet-50 across two NeuroSim-like chips, board link
 * width x chip-to-chip link kind, and the multi-chip columns of the results CSV (chips,
 * chip_crossing_bits, board_link_utilisation_max, board_energy_share; 1, 0, 0, 0 on one chip).
 */
class BoardLinksSweepTest {
    private static final String WIDTH = "param.board.link.width";
    private static final String KIND = "param.board.link.kind";
    private static final List<String> WIDTHS = List.of("1 bit", "2 bit", "4 bit", "16 bit", "64 bit", "256 bit");
    /** From the dearest energy per bit to the cheapest: 50.8, 26, 0.5, 0.3, 0.05 pJ. */
    private static final List<String> KINDS = List.of("serdes", "parallel", "ucie-2d", "interposer-2.5d", "3d-bonding");
    /** The kinds' published energy per bit, J (ChipLinkModelProvider). */
    private static final Map<String, Double> PJ_PER_BIT = Map.of("serdes", 10.4 / (4 * 6.4e9 * 8) * 1e12,
            "parallel", 26.0, "ucie-2d", 0.5, "interposer-2.5d", 0.3, "3d-bonding", 0.05);
    /** The link's transfer rate in neurosim-vgg8-2chip: 16 GT/s per lane. */
    private static final double FREQUENCY = 16e9;

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

    private static double lanes(String width) {
        return Double.parseDouble(width.replace(" bit", ""));
    }

    @Test
    void cheaperLinkKindsSaveEnergyAndWiderLinksSaveLatencyWhileTheLinkIsBusy() throws IOException {
        Path out = dir.resolve("board.csv");
        CliRunner r = CliRunner.run("sweep", "board-links", "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = rows(out);
        assertThat(rows).hasSize(WIDTHS.size() * KINDS.size());
        Map<String, CSVRecord> by = new HashMap<>();
        for (CSVRecord row : rows) {
            assertThat(row.get("status")).as(row.get("reason")).isEqualTo("ok");
            by.put(row.get(WIDTH) + "/" + row.get(KIND), row);
            assertThat(row.get("chips")).isEqualTo("2");
            assertThat(num(row, "board_energy_share")).isBetween(0.0, 1.0);
        }
        // One mapping for every point (width and kind do not change the mapping problem): the same cut.
        double crossing = num(rows.get(0), "chip_crossing_bits");
        assertThat(crossing).isGreaterThan(1e5);
        for (CSVRecord row : rows) {
            assertThat(num(row, "chip_crossing_bits")).isEqualTo(crossing);
        }
        for (String w : WIDTHS) {
            // Energy per inference falls from SerDes to 2.5D and 3D at equal width, by the kinds'
            // energy per bit times the crossing bits (one board hop: a line of two chips).
            for (int k = 1; k < KINDS.size(); k++) {
                CSVRecord dearer = by.get(w + "/" + KINDS.get(k - 1));
                CSVRecord cheaper = by.get(w + "/" + KINDS.get(k));
                assertThat(num(cheaper, "energy_pj")).as("%s: %s below %s", w, KINDS.get(k), KINDS.get(k - 1))
                        .isLessThan(num(dearer, "energy_pj"));
                assertThat(num(cheaper, "board_energy_share")).isLessThan(num(dearer, "board_energy_share"));
            }
            double saved = num(by.get(w + "/serdes"), "energy_pj") - num(by.get(w + "/interposer-2.5d"), "energy_pj");
            assertThat(saved).isCloseTo(crossing * (PJ_PER_BIT.get("serdes") - PJ_PER_BIT.get("interposer-2.5d")),
                    withinPercentage(2));
        }
        for (String kind : KINDS) {
            // Utilisation halves as the width doubles: the same bits over a wider link.
            for (int i = 1; i < WIDTHS.size(); i++) {
                CSVRecord narrow = by.get(WIDTHS.get(i - 1) + "/" + kind);
                CSVRecord wide = by.get(WIDTHS.get(i) + "/" + kind);
                double ratio = lanes(WIDTHS.get(i)) / lanes(WIDTHS.get(i - 1));
                assertThat(num(narrow, "board_link_utilisation_max"))
                        .isCloseTo(num(wide, "board_link_utilisation_max") * ratio, withinPercentage(1e-6));
                assertThat(num(wide, "latency_ns")).as("%s: latency falls with width", kind)
                        .isLessThan(num(narrow, "latency_ns"));
            }
            // One lane saturates the link (utilisation > 1); while it is busy, each doubling of the width
            // saves the serialisation of the crossing bits it halves, tens of microseconds ...
            CSVRecord one = by.get("1 bit/" + kind);
            CSVRecord two = by.get("2 bit/" + kind);
            assertThat(num(one, "board_link_utilisation_max")).isGreaterThan(1);
            double serialisation = crossing * (1 / (1 * FREQUENCY) - 1 / (2 * FREQUENCY)) * 1e9;
            assertThat(num(one, "latency_ns") - num(two, "latency_ns")).isCloseTo(serialisation, withinPercentage(5));
            // ... while past 64 lanes the idle link (utilisation < 3 %) gives back less than a thirtieth of that.
            CSVRecord wide = by.get("64 bit/" + kind);
            CSVRecord widest = by.get("256 bit/" + kind);
            assertThat(num(wide, "board_link_utilisation_max")).isLessThan(0.03);
            assertThat(num(wide, "latency_ns") - num(widest, "latency_ns"))
                    .isLessThan((num(one, "latency_ns") - num(two, "latency_ns")) / 30);
        }
    }

    @Test
    void oneChipSystemsHaveOneChipAndNoBoardFigures() throws IOException {
        Path sweep = dir.resolve("one-chip.yaml");
        Files.writeString(sweep, """
                version: 1
                name: one-chip
                architecture: neurosim-vgg8
                networks: [vgg8-cifar10]
                mapper: sequential
                parameters:
                  - path: templates.neurosim-tile.macro.adc.bits
                    values: [5, 6]
                objectives:
                  - minimise: energy_pj
                """);
        Path out = dir.resolve("one-chip.csv");
        CliRunner r = CliRunner.run("sweep", sweep.toString(), "-o", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.OK);
        List<CSVRecord> rows = rows(out);
        assertThat(rows).hasSize(2);
        for (CSVRecord row : rows) {
            assertThat(row.get("chips")).isEqualTo("1");
            assertThat(num(row, "chip_crossing_bits")).isZero();
            assertThat(num(row, "board_link_utilisation_max")).isZero();
            assertThat(num(row, "board_energy_share")).isZero();
        }
    }
}
