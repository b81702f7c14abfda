package org.memdse.cost.evaluator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.network.TrainedWeights;
import org.memdse.core.network.TrafficEdge;
import org.memdse.cost.accuracy.ErrorBudget;
import org.memdse.cost.accuracy.LayerArithmetic;
import org.memdse.cost.accuracy.Operands;

/**
 * The accuracy side of a design point: for each crossbar layer the analytic output SNR of each
 * error source ({@link ErrorBudget}: ADC, programming error, read noise, drift, IR drop, stuck-at
 * faults, analog transfer), combined as 1/SNR = Σ 1/SNR_i and carried through the network: a
 * layer's output noise is its own plus the noisiest input's (a linear layer passes its input's
 * relative noise on; pooling, activation and reshapes keep it). The network's figure is its
 * noisiest output. An estimate, labelled so wherever it is printed.
 *
 * <p>With trained weights ({@link TrainedWeights}, from {@code evaluate --weights}) a layer's
 * budget counts its real weights' levels, E[q²] and column sums instead of uniform weights
 * (inputs stay uniform). Budgets are cached by the layer's arithmetic (and weights): a sweep
 * or a ResNet's repeated layers price each distinct arithmetic once.
 */
public final class AccuracyPass implements EvaluationPass {
    private static final int SOURCES = ErrorBudget.Source.values().length;
    /** Noise-to-signal ratios by source of uniform layers, by arithmetic; cleared when it grows past its bound. */
    private static final Map<LayerArithmetic, double[]> UNIFORM = new ConcurrentHashMap<>();
    private static final int CACHE_BOUND = 20_000;

    /** A trained layer's arithmetic: the budget depends on both. */
    private record TrainedKey(String layer, LayerArithmetic arithmetic) {
    }

    private final TrainedWeights weights;
    private final Map<TrainedKey, double[]> trained = new ConcurrentHashMap<>();

    /** Every layer with uniform weights. */
    public AccuracyPass() {
        this(TrainedWeights.NONE);
    }

    /** The layers {@code weights} names with their trained weights, the others uniform. */
    public AccuracyPass(TrainedWeights weights) {
        this.weights = weights;
    }

    /** The trained weights this pass reads (possibly none). */
    public TrainedWeights weights() {
        return weights;
    }

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        int n = view.size();
        NetworkGraph network = view.network();
        // Noise-to-signal ratios, own and accumulated, by source.
        double[][] total = new double[n][];
        boolean any = false;
        Map<String, Integer> index = new HashMap<>(2 * n);
        for (int i = 0; i < n; i++) {
            index.put(view.node(i).name(), i);
        }
        int[][] inputs = inputs(network.edges(), index, n);
        double[] zero = new double[SOURCES];
        for (int i = 0; i < n; i++) {
            double[] worst = zero;
            double worstSum = 0;
            for (int s : inputs[i]) {
                double sum = sum(total[s]);
                if (sum > worstSum) {
                    worst = total[s];
                    worstSum = sum;
                }
            }
            double[] own = view.work(i) instanceof MappedNetwork.CrossbarLayer x ? own(view.node(i).name(), x, network)
                    : null;
            if (own == null) {
                total[i] = worst;
                continue;
            }
            any = true;
            double[] t = new double[SOURCES];
            for (int k = 0; k < SOURCES; k++) {
                t[k] = own[k] + worst[k];
            }
            total[i] = t;
            ledger.layerSnrDb(i, toDb(sum(t)));
        }
        if (!any) {
            return;
        }
        // The network's outputs: nodes nothing reads; its figure is the noisiest of them.
        boolean[] read = new boolean[n];
        for (int[] in : inputs) {
            for (int s : in) {
                read[s] = true;
            }
        }
        double[] worst = zero;
        for (int i = 0; i < n; i++) {
            if (!read[i] && sum(total[i]) > sum(worst)) {
                worst = total[i];
            }
        }
        double[] bySource = new double[SOURCES];
        for (int k = 0; k < SOURCES; k++) {
            bySource[k] = worst[k] > 0 ? toDb(worst[k]) : Double.NaN;
        }
        ledger.networkSnrDb(toDb(sum(worst)), bySource);
    }

    /** The SNR of a noise-to-signal ratio in dB, capped at {@link EvaluationLedger#NO_ERROR_DB} when nothing is modelled. */
    private static double toDb(double nsr) {
        return nsr > 0 ? Math.min(EvaluationLedger.NO_ERROR_DB, -10 * Math.log10(nsr)) : EvaluationLedger.NO_ERROR_DB;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    private static int[][] inputs(List<TrafficEdge> edges, Map<String, Integer> index, int n) {
        int[] count = new int[n];
        int[][] in = new int[n][];
        for (TrafficEdge e : edges) {
            Integer t = index.get(e.target());
            if (!e.feedback() && t != null && index.containsKey(e.source())) {
                count[t]++;
            }
        }
        for (int i = 0; i < n; i++) {
            in[i] = new int[count[i]];
        }
        Arrays.fill(count, 0);
        for (TrafficEdge e : edges) {
            Integer t = index.get(e.target());
            Integer s = index.get(e.source());
            if (!e.feedback() && t != null && s != null) {
                in[t][count[t]++] = s;
            }
        }
        return in;
    }

    /** One crossbar layer's own noise-to-signal ratio by source (cached; callers do not modify it). */
    private double[] own(String name, MappedNetwork.CrossbarLayer x, NetworkGraph network) {
        LayerArithmetic a = arithmetic(x, network);
        TrainedWeights.Layer layer = weights.isEmpty() ? null : weights.layer(name).orElse(null);
        if (layer == null) {
            double[] cached = UNIFORM.get(a);
            if (cached == null) {
                if (UNIFORM.size() >= CACHE_BOUND) {
                    UNIFORM.clear();
                }
                cached = nsr(ErrorBudget.snr(a));
                UNIFORM.put(a, cached);
            }
            return cached;
        }
        return trained.computeIfAbsent(new TrainedKey(name, a), k -> nsr(ErrorBudget.snr(a, Operands.of(a,
                layer.quantised(a.weightBits(), a.signedWeights() != SignedWeights.UNSIGNED)))));
    }

    private static double[] nsr(double[] snr) {
        double[] nsr = new double[SOURCES];
        for (int k = 0; k < SOURCES; k++) {
            nsr[k] = 1 / snr[k];
        }
        return nsr;
    }

    /** How the layer computes on its macro, as the budget reads it. */
    static LayerArithmetic arithmetic(MappedNetwork.CrossbarLayer x, NetworkGraph network) {
        Macro m = x.cim().macro;
        Crossbars c = m.crossbars();
        boolean oneRead = x.analogIn() || x.pulseWidth();
        int activation = network.activationBits();
        return new LayerArithmetic(Math.max(1, x.maxRows()), Math.max(1, x.rowBlocks()), network.weightBits(), activation,
                oneRead ? activation : Math.min(activation, m.dac().bits()), oneRead, c.bitsPerCell(), c.signedWeights(),
                m.adc().bits(), m.adc().columnsPerAdc(), x.analogOut(), c.device().gOn(), c.device().gOff(),
                c.device().nonIdealities(), m.circuitNoise());
    }
}
