package org.memdse.core.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParetoFrontTest {
    private static final List<Objective> OBJECTIVES = List.of(
            new Objective(Metric.ENERGY_PJ, Objective.Direction.MINIMISE),
            new Objective(Metric.AREA_MM2, Objective.Direction.MINIMISE),
            new Objective(Metric.TOPS_PER_W, Objective.Direction.MAXIMISE));

    /** The front by definition: every point that no other point dominates. */
    private static Set<Integer> bruteForce(List<double[]> points) {
        Set<Integer> front = new HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                dominated = j != i && dominates(points.get(j), points.get(i));
            }
            if (!dominated) {
                front.add(i);
            }
        }
        return front;
    }

    private static boolean dominates(double[] a, double[] b) {
        boolean noWorse = true;
        boolean better = false;
        for (Objective o : OBJECTIVES) {
            double x = a[o.metric().ordinal()];
            double y = b[o.metric().ordinal()];
            boolean min = o.direction() == Objective.Direction.MINIMISE;
            noWorse &= min ? x <= y : x >= y;
            better |= min ? x < y : x > y;
        }
        return noWorse && better;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void incrementalFrontEqualsBruteForceOnRandomData(long seed) {
        Random random = new Random(seed);
        List<double[]> points = new ArrayList<>();
        ParetoFront<Integer> front = new ParetoFront<>(OBJECTIVES);
        for (int i = 0; i < 600; i++) {
            double[] m = new double[Metric.all().size()];
            // Coarse values make ties and duplicates likely, which a front must keep.
            m[Metric.ENERGY_PJ.ordinal()] = random.nextInt(40);
            m[Metric.AREA_MM2.ordinal()] = random.nextInt(40);
            m[Metric.TOPS_PER_W.ordinal()] = random.nextInt(40);
            points.add(m);
            front.offer(i, m);
        }
        assertThat(new HashSet<>(front.members())).as("seed %d", seed).isEqualTo(bruteForce(points));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6})
    void continuousValuesToo(long seed) {
        Random random = new Random(seed);
        List<double[]> points = new ArrayList<>();
        ParetoFront<Integer> front = new ParetoFront<>(OBJECTIVES);
        for (int i = 0; i < 2000; i++) {
            double[] m = new double[Metric.all().size()];
            m[Metric.ENERGY_PJ.ordinal()] = random.nextDouble();
            m[Metric.AREA_MM2.ordinal()] = random.nextDouble();
            m[Metric.TOPS_PER_W.ordinal()] = random.nextDouble();
            points.add(m);
            front.offer(i, m);
        }
        assertThat(new HashSet<>(front.members())).isEqualTo(bruteForce(points));
    }
}
