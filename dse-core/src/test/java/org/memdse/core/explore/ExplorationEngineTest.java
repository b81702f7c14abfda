package org.memdse.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplorationEngineTest {
    /** Point ids divisible by 7 are invalid, by 5 infeasible, 13 throws; the rest evaluated. */
    static final class FakeEvaluator implements PointEvaluator {
        @Override
        public List<String> networks() {
            return List.of("n1", "n2");
        }

        @Override
        public List<PointResult> evaluate(DesignPoint p) {
            if (p.id() == 13) {
                throw new IllegalStateException("boom");
            }
            List<PointResult> out = new ArrayList<>();
            for (String n : networks()) {
                if (p.id() % 7 == 0) {
                    out.add(new PointResult.Invalid(p, n, "bad value"));
                } else if (p.id() % 5 == 0) {
                    out.add(new PointResult.Infeasible(p, n, "does not fit"));
                } else {
                    double[] m = new double[Metric.all().size()];
                    m[Metric.ENERGY_PJ.ordinal()] = p.choice(0) + 1;
                    m[Metric.AREA_MM2.ordinal()] = p.choice(1) + 1;
                    out.add(new PointResult.Evaluated(p, n, m, List.of()));
                }
            }
            return out;
        }

        @Override
        public Optional<String> check(DesignPoint p) {
            return Optional.empty();
        }
    }

    @Test
    void evaluatesEveryPointOnceAndTurnsAFailureIntoAnInvalidRow() {
        Sampler grid = new GridSampler(List.of(SamplerTest.parameter("a", 10), SamplerTest.parameter("b", 10)));
        List<PointResult> rows = Collections.synchronizedList(new ArrayList<>());
        ExplorationEngine.Summary s = new ExplorationEngine(grid, new FakeEvaluator(), 4)
                .run(rows::add, ExplorationEngine.ProgressListener.NONE);
        assertThat(s.points()).isEqualTo(100);
        assertThat(rows).hasSize(200);
        assertThat(rows.stream().map(r -> r.point().id() + r.network()).distinct().count()).isEqualTo(200);
        assertThat(rows).filteredOn(r -> r.point().id() == 13).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("invalid");
            assertThat(r.reason()).contains("internal error", "boom");
        });
        assertThat(rows).filteredOn(r -> r.point().id() == 14).allSatisfy(r ->
                assertThat(r.reason()).isEqualTo("bad value"));
        assertThat(rows).filteredOn(r -> r.point().id() == 10).allSatisfy(r ->
                assertThat(r.status()).isEqualTo("infeasible"));
        assertThat(s.invalid() + s.infeasible() + s.ok()).isEqualTo(200);
    }

    @Test
    void cancelStopsHandingOutPointsAndSkipsResumeTheRest() {
        Sampler grid = new GridSampler(List.of(SamplerTest.parameter("a", 20), SamplerTest.parameter("b", 20)));
        List<PointResult> first = Collections.synchronizedList(new ArrayList<>());
        ExplorationEngine engine = new ExplorationEngine(grid, new FakeEvaluator(), 2);
        ExplorationEngine.Summary s = engine.run(r -> {
            first.add(r);
            if (first.size() == 50) {
                engine.cancel();
            }
        }, ExplorationEngine.ProgressListener.NONE);
        assertThat(s.cancelled()).isTrue();
        assertThat(first.size()).isBetween(50, 50 + 2 * 2 * 8 + 2);
        // Resume: skip the rows already there.
        java.util.Set<String> done = new java.util.HashSet<>();
        first.forEach(r -> done.add(r.point().id() + "/" + r.network()));
        List<PointResult> second = Collections.synchronizedList(new ArrayList<>());
        new ExplorationEngine(grid, new FakeEvaluator(), 2).run(second::add,
                i -> done.contains(i + "/n1") && done.contains(i + "/n2"),
                (i, n) -> done.contains(i + "/" + (n == 0 ? "n1" : "n2")), ExplorationEngine.ProgressListener.NONE);
        List<String> all = new ArrayList<>();
        first.forEach(r -> all.add(r.point().id() + "/" + r.network()));
        second.forEach(r -> all.add(r.point().id() + "/" + r.network()));
        assertThat(all).hasSize(800).doesNotHaveDuplicates();
    }
}
