package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.memdse.cost.evaluator.PassFixtures.FC;
import static org.memdse.cost.evaluator.PassFixtures.IN;
import static org.memdse.cost.evaluator.PassFixtures.RELU;

import org.junit.jupiter.api.Test;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.eval.Metrics;

/** The timing pass on durations written by hand, then after the work passes. */
class TimingPassTest {
    private static final MappedNetwork VIEW = PassFixtures.fc(PassFixtures.tiny(), true, 1);

    /** in: array 20 ns, conversion 4 ns, buffer 2 ns; fc: array 10, conversion 30, global 5, network 1; relu: digital 3, ticks 7. */
    private static EvaluationLedger handWritten() {
        EvaluationLedger l = new EvaluationLedger(VIEW.size());
        l.addDuration(IN, LatencyCause.ARRAY, 20e-9);
        l.addDuration(IN, LatencyCause.CONVERSION, 4e-9);
        l.addDuration(IN, LatencyCause.BUFFER, 2e-9);
        l.addDuration(FC, LatencyCause.ARRAY, 10e-9);
        l.addDuration(FC, LatencyCause.CONVERSION, 30e-9);
        l.addDuration(FC, LatencyCause.GLOBAL_BUFFER, 5e-9);
        l.addDuration(FC, LatencyCause.NETWORK, 1e-9);
        l.addDuration(RELU, LatencyCause.DIGITAL, 3e-9);
        l.addDuration(RELU, LatencyCause.SNN_TICKS, 7e-9);
        new TimingPass().run(VIEW, l);
        return l;
    }

    @Test
    void readsAndConversionsOverlapAndEverythingElseFollows() {
        EvaluationLedger l = handWritten();
        // max(20, 4) + 2 = 22 ns; max(10, 30) + 5 + 1 = 36 ns; 3 + 7 = 10 ns
        assertThat(l.layerLatency(IN)).isCloseTo(22e-9, withinPercentage(1e-9));
        assertThat(l.layerLatency(FC)).isCloseTo(36e-9, withinPercentage(1e-9));
        assertThat(l.layerLatency(RELU)).isCloseTo(10e-9, withinPercentage(1e-9));
    }

    @Test
    void theInferenceTakesEveryLayerInTurnAndThePipelineRunsAtTheSlowest() {
        EvaluationLedger l = handWritten();
        assertThat(l.latency()).isCloseTo(68e-9, withinPercentage(1e-9));
        assertThat(l.pipelineInterval()).isCloseTo(36e-9, withinPercentage(1e-9));
    }

    @Test
    void theConversionIsChargedOnlyTheTimeTheReadsDoNotHide() {
        EvaluationLedger l = handWritten();
        assertThat(l.latencyShare(IN, LatencyCause.ARRAY)).isCloseTo(20e-9, withinPercentage(1e-9));
        assertThat(l.latencyShare(IN, LatencyCause.CONVERSION)).isZero();
        assertThat(l.latencyShare(FC, LatencyCause.ARRAY)).isCloseTo(10e-9, withinPercentage(1e-9));
        assertThat(l.latencyShare(FC, LatencyCause.CONVERSION)).isCloseTo(20e-9, withinPercentage(1e-9));
        for (int i = 0; i < VIEW.size(); i++) {
            double sum = 0;
            for (LatencyCause c : LatencyCause.values()) {
                sum += l.latencyShare(i, c);
            }
            assertThat(sum).as("layer %d", i).isCloseTo(l.layerLatency(i), withinPercentage(1e-9));
        }
    }

    @Test
    void noLatencyIsKnownBeforeTheTimingPassRuns() {
        EvaluationLedger l = new EvaluationLedger(VIEW.size());
        assertThatThrownBy(l::latency).isInstanceOf(IllegalStateException.class).hasMessageContaining("timing pass");
        assertThatThrownBy(() -> new StaticPass().run(VIEW, l)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterTheWorkPassesTheBreakdownSaysWhereEachLayersTimeGoes() {
        // an ADC of 8 ns: 2 columns per ADC x 8 ns = 16 ns per cycle, slower than the 10 ns read
        MappedNetwork slowAdc = PassFixtures.fc(PassFixtures.tiny(), false, 1);
        String yaml = TinyChip.yaml("tiny", "", "0 W", PassFixtures.ACTIVATION_UNIT)
                .replace("energy: 1 pJ, latency: 1 ns, area: 10 um^2", "energy: 1 pJ, latency: 8 ns, area: 10 um^2");
        Metrics m = new SystemEvaluator(PassFixtures.REGISTRY).evaluate(
                org.memdse.core.arch.read.ArchitectureReader.read(org.memdse.core.spec.SpecSource.ofText("tiny.yaml", yaml)),
                slowAdc.network(), slowAdc.mapping(), slowAdc.convention());
        // fc: 2 cycles x 10 ns of reads, 2 x (16 - 10) ns of conversion beyond them, 2 ns of buffer accesses
        assertThat(m.latencyByLayerAndCause().get("fc").parts()).containsOnlyKeys("array", "conversion", "buffer");
        assertThat(m.latencyByLayerAndCause().get("fc").get("array")).isCloseTo(20e-9, withinPercentage(1e-9));
        assertThat(m.latencyByLayerAndCause().get("fc").get("conversion")).isCloseTo(12e-9, withinPercentage(1e-9));
        assertThat(m.latencyByLayerAndCause().get("fc").get("buffer")).isCloseTo(2e-9, withinPercentage(1e-9));
        // in: its 8 bits cross one link (1 ns) and one router hop (1 ns)
        assertThat(m.latencyByLayerAndCause().get("in").parts()).containsOnlyKeys("network");
        assertThat(m.latencyByLayerAndCause().get("in").get("network")).isCloseTo(2e-9, withinPercentage(1e-9));
        assertThat(m.latencyByCause().total()).isCloseTo(m.latencyS(), withinPercentage(1e-9));
        assertThat(m.latencyS()).isCloseTo(36e-9, withinPercentage(1e-9));
    }
}
