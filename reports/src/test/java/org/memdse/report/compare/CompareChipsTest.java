package org.memdse.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.read.ArchitectureReader;
import org.memdse.core.arch.write.ArchitectureWriter;
import org.memdse.core.eval.Metrics;
import org.memdse.core.spec.SpecSource;
import org.memdse.report.html.CompareHtmlWriter;
import org.memdse.report.markdown.CompareMarkdownWriter;

/**
 * The comparison report's chip view: one neurosim-vgg8 chip of 56 tiles against two chips of 28
 * tiles on a 2.5D interposer (neurosim-vgg8-2chip, halved), ResNet-18 (49 tiles) on both, so the
 * sequential mapper spills onto the second chip. The report shows the chips, each chip's area and
 * average power, and the traffic between them.
 */
class CompareChipsTest {
    static Comparison comparison;
    static String html;

    /** neurosim-vgg8-2chip with 28 tiles per chip, named two-half-chips. */
    static Architecture twoHalfChips() {
        String yaml = ArchitectureWriter.toYaml(Fixtures.bundled("neurosim-vgg8-2chip"))
                .replaceFirst("count: 56", "count: 28").replaceFirst("(?m)^name: .*$", "name: two-half-chips");
        assertThat(yaml).doesNotContain("count: 56");
        return ArchitectureReader.read(SpecSource.ofText("two-half-chips.yaml", yaml));
    }

    @BeforeAll
    static void render() {
        comparison = Fixtures.compare(List.of(Fixtures.bundled("neurosim-vgg8"), twoHalfChips()),
                List.of(Fixtures.network("resnet18")));
        html = CompareHtmlWriter.write(comparison);
    }

    private static DesignOutcome.Evaluated design(int i) {
        return (DesignOutcome.Evaluated) comparison.networks().get(0).designs().get(i);
    }

    private static List<String> row(String key) {
        Matcher m = Pattern.compile("<tr data-key=\"" + key + "\">(.*?)</tr>").matcher(html);
        assertThat(m.find()).as("row " + key).isTrue();
        List<String> values = new ArrayList<>();
        Matcher v = Pattern.compile("data-value=\"([^\"]*)\"").matcher(m.group(1));
        while (v.find()) {
            values.add(v.group(1));
        }
        return values;
    }

    private static double value(String key, int design) {
        return Double.parseDouble(row(key).get(design));
    }

    @Test
    void theSummaryShowsChipsAreaAndPowerPerChipAndTheTrafficBetweenThem() {
        Metrics one = design(0).metrics();
        Metrics two = design(1).metrics();
        assertThat(row("chips")).containsExactly("1.0", "2.0");
        assertThat(value("area_per_chip_mm2", 0)).isEqualTo(one.areaM2());
        assertThat(value("area_per_chip_mm2", 1)).isEqualTo(two.areaM2() / 2);
        // A chip of 28 tiles: more than half the chip of 56 (each has its own global buffer), less than all of it.
        assertThat(value("area_per_chip_mm2", 1)).isBetween(one.areaM2() / 2, one.areaM2());
        // One chip has no chip 1, no chip-crossing traffic and no board links.
        assertThat(row("power_chip_1_w").get(0)).isEmpty();
        assertThat(value("chip_crossing_bits", 0)).isZero();
        assertThat(value("board_energy_j", 0)).isZero();
        assertThat(value("board_utilisation", 0)).isZero();
        // The one chip's average power is the system's: energy over latency.
        assertThat(value("power_chip_0_w", 0)).isCloseTo(one.energyJ() / one.latencyS(), within(1e-9 * one.energyJ() / one.latencyS()));
        // ResNet-18 spills onto the second chip: traffic crosses, the board links cost energy.
        double crossing = value("chip_crossing_bits", 1);
        assertThat(crossing).isPositive().isEqualTo(two.network().chipCrossingBits());
        assertThat(value("board_energy_j", 1)).isPositive().isEqualTo(two.energyByKind().get("chip_link"));
        // The chips' power and the board links' add up to the system's energy over the latency.
        double p0 = value("power_chip_0_w", 1);
        double p1 = value("power_chip_1_w", 1);
        assertThat(p0).isPositive();
        assertThat(p1).isPositive();
        assertThat((p0 + p1) * two.latencyS() + value("board_energy_j", 1)).isCloseTo(two.energyJ(),
                within(1e-9 * two.energyJ()));
        // The sequential mapper fills chip 0 first: it holds most of the network's work.
        assertThat(p0).isGreaterThan(p1);
        assertThat(html).contains("<b>two-half-chips</b>: 2 chips; traffic between them per inference: chip 0 → chip 1: ");
    }

    @Test
    void markdownHasTheChipRowsToo() {
        Map<String, String> files = CompareMarkdownWriter.write(comparison, "report");
        String md = files.get("report.md");
        assertThat(md).contains("| chips (lower is better) | chips | ★ **1** | 2 (×2) |", "| area per chip (lower is better) | mm² |",
                "| average power, chip 1 (lower is better) |", "| chip-crossing traffic (lower is better) | bit per inference | ★ **0** |",
                "- **two-half-chips**: 2 chips; traffic between them per inference: chip 0 → chip 1: ");
    }

    @Test
    void oneChipDesignsAloneHaveNoChipRows() {
        Comparison single = Fixtures.compare(List.of(Fixtures.bundled("neurosim-vgg8")), List.of(Fixtures.network("lenet5")));
        assertThat(SummaryTable.rows(single.networks().get(0).designs())).extracting(SummaryTable.Row::key)
                .doesNotContain("chips", "chip_crossing_bits", "power_chip_0_w");
    }
}
