package org.memdse.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.Encoding;
import org.memdse.core.network.LearningRule;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Shape;

/** Seeded random SNNs: a chain of 4-7 populations of 150-700 neurons with random projections, some recurrent. */
final class RandomSnns {
    private RandomSnns() {
    }

    static NetworkGraph of(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NetworkBuilder b = new NetworkBuilder("random-snn-" + seed).precision(4, 8);
        b.add(new Encoder("sensor", Shape.of(100 + r.nextInt(300)), Encoding.RATE, 20, 0.05));
        int populations = 4 + r.nextInt(4);
        String previous = "sensor";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < populations; i++) {
            int n = 150 + r.nextInt(550);
            double p = 0.02 + r.nextDouble() * 0.1;
            b.add(Projection.random("p" + i, n, p, seed * 100 + i, 4, LearningRule.NONE), previous);
            List<String> inputs = new ArrayList<>(List.of("p" + i));
            if (i > 0 && r.nextBoolean()) {
                // a sparse recurrent projection onto itself: lateral connections
                b.add(Projection.random("rec" + i, n, 0.02, seed * 100 + 50 + i, 4, LearningRule.NONE).asFeedback(),
                        "pop" + i);
                inputs.add("rec" + i);
            }
            b.add(new Population("pop" + i, 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.01 + r.nextDouble() * 0.1),
                    inputs.toArray(String[]::new));
            names.add("pop" + i);
            previous = "pop" + i;
        }
        return b.build();
    }
}
