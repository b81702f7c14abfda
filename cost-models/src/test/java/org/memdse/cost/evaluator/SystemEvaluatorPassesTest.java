package org.memdse.cost.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.memdse.core.eval.Metrics;

/** The evaluator as an ordered list of passes: the seam later passes (learning, accuracy) plug into. */
class SystemEvaluatorPassesTest {
    private static final MappedNetwork VIEW = PassFixtures.fc(PassFixtures.tiny("", "1 mW", ""), false, 1);

    private static Metrics evaluate(List<EvaluationPass> passes) {
        return new SystemEvaluator(PassFixtures.REGISTRY, passes).evaluate(PassFixtures.tiny("", "1 mW", ""),
                VIEW.network(), VIEW.mapping(), VIEW.convention());
    }

    @Test
    void inferenceRunsOnePassPerConcernInOrder() {
        assertThat(SystemEvaluator.INFERENCE.stream().map(EvaluationPass::name))
                .containsExactly("compute", "conversion", "reservoir", "storage", "communication", "contention", "board", "rewrite",
                        "timing", "static",
                        "accuracy");
        assertThat(new SystemEvaluator(PassFixtures.REGISTRY).passes()).isEqualTo(SystemEvaluator.INFERENCE);
    }

    @Test
    void aPassAddedAtTheEndReadsWhatTheOthersWrote() {
        List<double[]> seen = new ArrayList<>();
        List<EvaluationPass> passes = new ArrayList<>(SystemEvaluator.INFERENCE);
        passes.add(new EvaluationPass() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public void run(MappedNetwork view, EvaluationLedger ledger) {
                seen.add(new double[] {ledger.latency(), ledger.staticEnergy()});
            }
        });
        Metrics m = evaluate(passes);
        // 24 ns (SystemEvaluatorTest's hand calculation); 2 mW x 24 ns = 48 pJ
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)[0]).isCloseTo(24e-9, withinPercentage(1e-9));
        assertThat(seen.get(0)[1]).isCloseTo(48e-12, withinPercentage(1e-9));
        assertThat(m.energyByKind().get("static")).isCloseTo(48e-12, withinPercentage(1e-9));
    }

    @Test
    void leavingAPassOutLeavesOutItsConcernAndNothingElse() {
        Metrics all = evaluate(SystemEvaluator.INFERENCE);
        List<EvaluationPass> noNetwork = new ArrayList<>(SystemEvaluator.INFERENCE);
        noNetwork.removeIf(p -> p instanceof CommunicationPass);
        Metrics without = evaluate(noNetwork);
        // the 7 pJ of routers and links and the input's 2 ns on the network go; the static energy follows the latency
        assertThat(without.energyByKind().get("router") + without.energyByKind().get("link")).isZero();
        assertThat(all.latencyS() - without.latencyS()).isCloseTo(2e-9, withinPercentage(1e-6));
        assertThat(without.energyByKind().get("adc")).isEqualTo(all.energyByKind().get("adc"));
        assertThat(without.energyByLayer().get("fc")).isEqualTo(all.energyByLayer().get("fc"));
    }
}
