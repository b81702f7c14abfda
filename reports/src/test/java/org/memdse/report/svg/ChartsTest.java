package org.memdse.report.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {
    @Test
    void linearTicksAreNiceAndCoverTheData() {
        Axis a = Axis.linear(0, 47.3, 0, 100, 6);
        assertThat(a.ticks()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(a.map(0)).isEqualTo(0);
        assertThat(a.map(50)).isEqualTo(100);
    }

    @Test
    void tickLabelsHaveTheDecimalsTheStepNeeds() {
        Axis a = Axis.linear(325.1, 326.3, 0, 100, 6);
        List<String> labels = a.ticks().stream().map(a::label).toList();
        assertThat(labels).doesNotHaveDuplicates();
        assertThat(labels.get(0)).isEqualTo("325.0");
    }

    @Test
    void wideRangesGetALogAxis() {
        Axis a = Axis.auto(0.01, 500, 0, 100, 6, false);
        assertThat(a.isLog()).isTrue();
        assertThat(a.ticks()).first().isEqualTo(0.01);
    }

    @Test
    void numbersAreLocaleFreeWithFourSignificantDigits() {
        assertThat(Numbers.fmt(24.595009551)).isEqualTo("24.6");
        assertThat(Numbers.fmt(6250.0000001)).isEqualTo("6\u2009250");
        assertThat(Numbers.fmt(4.0308e-4)).isEqualTo("4.031e-4");
        Numbers.Scaled s = Numbers.prefixed(1.0185e-3, "J");
        assertThat(s.unit()).isEqualTo("mJ");
        assertThat(s.factor()).isEqualTo(1e3);
    }

    @Test
    void longLabelsAreCutToFit() {
        String cut = TextMetrics.fit("templates.cim-tile.macro.adc.columns_per_adc", 12, 100);
        assertThat(cut).endsWith("…");
        assertThat(TextMetrics.width(cut, 12)).isLessThanOrEqualTo(100);
    }

    @Test
    void stackedBarsDrawOneSegmentPerPositiveValueAndALegendOutsideThePlot() {
        String svg = StackedBarChart.render("t", "area (mm²)", List.of("a", "b"), List.of("adc", "crossbar", "link"),
                List.of(Palette.color(0), Palette.color(1), Palette.color(2)),
                new double[][] {{1, 2, 0}, {3, 0, 0}}, "mm²");
        assertThat(ChartsTestSupport.count(svg, "class=\"segment\"")).isEqualTo(3);
        assertThat(svg).contains(">area (mm²)</text>").doesNotContain(">link</text>");
    }

    @Test
    void thePaletteIsTheColourBlindSafeOne() {
        assertThat(Palette.CATEGORICAL).startsWith("#0072B2", "#E69F00", "#009E73").doesNotHaveDuplicates();
    }
}
