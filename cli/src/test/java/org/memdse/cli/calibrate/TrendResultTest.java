package org.memdse.cli.calibrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendResultTest {
    private static final TrendCheck CHECK = TrendCheck.of("c", "chip", "net", "knob").set("a.b", "1")
            .expect(TrendMetric.AREA, Expectation.up("derivation: x")).build();

    private static TrendResult result(double base, double variant, Expectation e) {
        return new TrendResult(CHECK, TrendMetric.AREA, base, variant, e);
    }

    @Test
    void theVerdictFollowsTheDirectionThenTheSourcesRange() {
        Expectation up = Expectation.up("derivation: x");
        assertThat(result(10, 11, up).verdict()).isEqualTo(TrendResult.Verdict.OK);
        assertThat(result(10, 10, up).verdict()).as("no change is not up").isEqualTo(TrendResult.Verdict.WRONG);
        assertThat(result(10, 9, up).verdict()).isEqualTo(TrendResult.Verdict.WRONG);
        Expectation ranged = up.between(0.2, 0.5);
        assertThat(result(10, 13, ranged).verdict()).isEqualTo(TrendResult.Verdict.OK);
        assertThat(result(10, 11, ranged).verdict()).isEqualTo(TrendResult.Verdict.OFF_RANGE);
        assertThat(result(10, 9.6, Expectation.unchanged(0.05, "derivation: y")).verdict())
                .isEqualTo(TrendResult.Verdict.OK);
        assertThat(result(10, 9.4, Expectation.unchanged(0.05, "derivation: y")).verdict())
                .isEqualTo(TrendResult.Verdict.WRONG);
        assertThat(result(10, 12, Expectation.down("derivation: z")).change()).isCloseTo(0.2,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(result(10, 12, null).verdict()).isEqualTo(TrendResult.Verdict.SHOWN);
    }

    @Test
    void aPendingExpectationIsShownNotCheckedAndSaysWhenItWouldHold() {
        Expectation pending = Expectation.down("derivation: x").pending("the model does not yet do x");
        TrendResult wrongWay = result(10, 11, pending);
        assertThat(wrongWay.verdict()).isEqualTo(TrendResult.Verdict.PENDING);
        assertThat(wrongWay.pendingNowHolds()).isFalse();
        assertThat(result(10, 9, pending).pendingNowHolds()).isTrue();
        assertThatThrownBy(() -> Expectation.up("derivation: x").pending("not modelled"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the model does not yet");
        assertThatThrownBy(() -> Expectation.up(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTablePrintsChangesExpectationsAndNumberedSources() {
        Expectation area = Expectation.up("derivation: bigger").between(0.1, 0.5);
        Expectation energy = Expectation.down("derivation: cheaper").pending("the model does not yet do y");
        TrendCheck check = TrendCheck.of("k", "chip", "net", "a knob").set("p", "1").expect(TrendMetric.AREA, area)
                .expect(TrendMetric.ENERGY, energy).build();
        String table = org.memdse.cli.CalibrateCommandAccess.trendTable(List.of(
                new TrendResult(check, TrendMetric.AREA, 1, 1.2, area),
                new TrendResult(check, TrendMetric.ENERGY, 1, 1.1, energy),
                new TrendResult(check, TrendMetric.LATENCY, 1, 0.5, null)));
        assertThat(table).contains("k: a knob (chip / net)",
                "  area                         +20.0 %  up (+10 % to +50 %)      ok        [1]",
                "  energy per inference         +10.0 %  down                     pending   [2] (p1)",
                "  latency (layer by layer)     -50.0 %  -",
                "1 checks, 2 expectations: 1 ok, 0 off the source's range, 1 pending, 0 WRONG",
                "  [1] derivation: bigger", "  [2] derivation: cheaper", "  (p1) the model does not yet do y");
    }

    @Test
    void theMarkdownTableHasARowPerCheckWithExtraMetricsBesideTheKnob() {
        Expectation area = Expectation.up("derivation: bigger").between(0.1, 0.5);
        Expectation wires = Expectation.down("derivation: shorter").pending("the model does not yet do y");
        TrendCheck check = TrendCheck.of("k", "chip", "net", "a -> b").set("p", "1").expect(TrendMetric.AREA, area)
                .expect(TrendMetric.WIRE_ENERGY, wires).build();
        String md = org.memdse.cli.CalibrateCommandAccess.trendMarkdown(List.of(
                new TrendResult(check, TrendMetric.AREA, 1, 1.2, area),
                new TrendResult(check, TrendMetric.LATENCY, 1, 0.5, null),
                new TrendResult(check, TrendMetric.WIRE_ENERGY, 1, 1.1, wires)));
        assertThat(md).startsWith("1 checks, 2 expectations: 1 ok, 0 off the source's range, 1 pending, 0 WRONG\n")
                .contains("| `k` | a → b (chip); wire energy +10.0 % (down pending p1 [2]) | +20.0 % (up (+10 % to +50 %)"
                        + " ok [1]) |  | -50.0 % |  |  |\n")
                .contains("1. derivation: bigger\n2. derivation: shorter\n", "- p1: the model does not yet do y\n");
    }
}
