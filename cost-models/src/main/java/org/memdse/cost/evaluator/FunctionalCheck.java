package org.memdse.cost.evaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.mapping.Mapping;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.TrainedWeights;
import org.memdse.cost.accuracy.CrossbarSimulator;
import org.memdse.cost.accuracy.ErrorBudget;
import org.memdse.cost.accuracy.LayerArithmetic;
import org.memdse.cost.accuracy.Operands;

/**
 * Functional inference of a mapped network's trained layers ({@code evaluate --weights F
 * --measure N}): each crossbar layer the weight file names is programmed with its quantised
 * weights and runs N input vectors drawn uniformly over [0, 2^bits − 1] (the analytic budget's
 * own input assumption, so the two compare like for like) through {@link CrossbarSimulator} on
 * its mapped arithmetic, once per seed (programming error, drift and stuck-at faults drawn anew
 * each time). The measured SNR pools the error powers over the seeds; the spread is the lowest
 * and highest seed's. Layer by layer, without the propagation through the network.
 */
public final class FunctionalCheck {
    /**
     * One layer's check.
     *
     * @param layer       the layer's name
     * @param analyticDb  the budget's SNR with the layer's weights (inputs uniform), dB
     * @param measuredDb  the simulated SNR, error powers pooled over the seeds, dB
     * @param lowestDb    the lowest seed's SNR, dB
     * @param highestDb   the highest seed's SNR, dB
     * @param samples     input vectors per seed
     * @param seeds       seeds
     */
    public record LayerCheck(String layer, double analyticDb, double measuredDb, double lowestDb, double highestDb,
                             int samples, int seeds) {
    }

    private FunctionalCheck() {
    }

    /** Checks every crossbar layer {@code weights} names, in network order. */
    public static List<LayerCheck> run(ArchitectureCosts costs, NetworkGraph network, Mapping mapping,
                                       OpConvention convention, TrainedWeights weights, int samples, int seeds,
                                       long seed) {
        if (samples < 1 || seeds < 1) {
            throw new IllegalArgumentException("samples and seeds must be at least 1");
        }
        MappedNetwork view = MappedNetwork.of(costs, network, mapping, convention);
        List<LayerCheck> out = new ArrayList<>();
        for (int i = 0; i < view.size(); i++) {
            if (!(view.work(i) instanceof MappedNetwork.CrossbarLayer x)) {
                continue;
            }
            String name = view.node(i).name();
            TrainedWeights.Layer layer = weights.layer(name).orElse(null);
            if (layer == null) {
                continue;
            }
            LayerArithmetic a = AccuracyPass.arithmetic(x, network);
            int[][] q = layer.quantised(a.weightBits(), a.signedWeights() != SignedWeights.UNSIGNED);
            if (q.length > (long) a.rows() * a.rowBlocks()) {
                continue;   // a mapping that splits the matrix otherwise than rows x blocks: nothing to compare
            }
            double analytic = ErrorBudget.db(ErrorBudget.combined(ErrorBudget.snr(a, Operands.of(a, q))));
            SplittableRandom r = new SplittableRandom(seed ^ name.hashCode());
            int[][] inputs = new int[samples][q.length];
            for (int[] row : inputs) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = r.nextInt(a.maxInput() + 1);
                }
            }
            long[][] exact = CrossbarSimulator.exact(q, inputs);
            double signal = 0;
            double error = 0;
            double lowest = Double.POSITIVE_INFINITY;
            double highest = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < seeds; s++) {
                double[][] y = new CrossbarSimulator(a, q, seed + 1000L * s + i).run(inputs);
                double sig = 0;
                double err = 0;
                for (int n = 0; n < samples; n++) {
                    for (int j = 0; j < y[n].length; j++) {
                        sig += (double) exact[n][j] * exact[n][j];
                        err += Math.pow(y[n][j] - exact[n][j], 2);
                    }
                }
                signal += sig;
                error += err;
                double db = err > 0 ? ErrorBudget.db(sig / err) : EvaluationLedger.NO_ERROR_DB;
                lowest = Math.min(lowest, db);
                highest = Math.max(highest, db);
            }
            double measured = error > 0 ? ErrorBudget.db(signal / error) : EvaluationLedger.NO_ERROR_DB;
            out.add(new LayerCheck(name, Math.min(analytic, EvaluationLedger.NO_ERROR_DB), measured, lowest, highest,
                    samples, seeds));
        }
        return out;
    }
}
