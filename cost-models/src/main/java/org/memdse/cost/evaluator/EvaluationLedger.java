package org.memdse.cost.evaluator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.Breakdown;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.eval.LearningFigures;
import org.memdse.core.eval.Metrics;
import org.memdse.core.eval.NetworkLoad;
import org.memdse.core.eval.OpConvention;
import org.memdse.core.eval.PeakFigures;
import org.memdse.core.eval.RewriteFigures;

/**
 * What the passes of one evaluation have written so far, and what later passes read: energy
 * charged by component kind and by layer, how long each layer's work of each kind takes on its
 * own (durations), the latency the timing pass derives from them with its split by cause, the
 * ADC precision each crossbar layer needs, and the static power and energy. Passes write their
 * part and read the parts earlier passes wrote, never each other. Not thread-safe: one ledger per
 * evaluation. Layers are indexed as in {@link MappedNetwork}; SI units throughout.
 */
public final class EvaluationLedger {
    private static final ComponentKind[] KINDS = ComponentKind.values();
    private static final LatencyCause[] CAUSES = LatencyCause.values();
    private final int layers;
    private final double[] energyByKind = new double[KINDS.length];
    private final double[] energyByLayer;
    /** layer x cause: the time that work takes on its own, written by the work passes. */
    private final double[] durations;
    /** layer x cause: that cause's share of the layer's latency, written by the timing pass. */
    private final double[] latencyShares;
    private final double[] layerLatency;
    private final double[] adcBitsNeeded;
    private final double[] layerSnrDb;
    private double networkSnrDb = Double.NaN;
    private double[] networkSnrDbBySource = new double[0];
    /** Per layer: its arrays hold their rows while the converters sense the columns in turn (no sample-and-hold). */
    private final boolean[] sensedInTurn;
    private boolean timed;
    private double latency;
    private double pipelineInterval;
    private boolean staticCharged;
    private double staticPower;
    private double staticEnergy;
    private NetworkLoad networkLoad = NetworkLoad.NONE;
    private LearningFigures learning = LearningFigures.NONE;
    /** Energy of writing crossbars rewritten per input (no component of its own: the cells' programming), J. */
    private double cellWriteEnergy;
    private RewriteFigures rewrite = RewriteFigures.NONE;

    /** An empty ledger for a network of {@code layers} nodes. */
    public EvaluationLedger(int layers) {
        this.layers = layers;
        this.energyByLayer = new double[layers];
        this.durations = new double[layers * CAUSES.length];
        this.latencyShares = new double[layers * CAUSES.length];
        this.layerLatency = new double[layers];
        this.adcBitsNeeded = new double[layers];
        this.sensedInTurn = new boolean[layers];
        Arrays.fill(adcBitsNeeded, Double.NaN);
        this.layerSnrDb = new double[layers];
        Arrays.fill(layerSnrDb, Double.NaN);
    }

    /**
     * Charges {@code actions} actions of one instance of {@code component} (null: the system has
     * no such component, nothing is charged) to its kind and, when {@code layer} ≥ 0, to that layer.
     */
    public void charge(int layer, PricedComponent component, Action action, double actions) {
        if (component == null || actions <= 0) {
            return;
        }
        double e = actions * component.model().energy(action);
        energyByKind[component.component().kind().ordinal()] += e;
        if (layer >= 0) {
            energyByLayer[layer] += e;
        }
    }

    /**
     * Charges {@code joules} of {@code component}'s dynamic energy that no single action of its
     * model prices (a spike hop with its direction's published figure), as {@link #charge} does.
     */
    public void chargeEnergy(int layer, PricedComponent component, double joules) {
        if (component == null || joules <= 0) {
            return;
        }
        energyByKind[component.component().kind().ordinal()] += joules;
        if (layer >= 0) {
            energyByLayer[layer] += joules;
        }
    }

    /**
     * Charges {@code joules} of programming crossbar cells per inference (a rewritten product's B
     * operand) to layer {@code layer} and to the energy kind {@link #CELL_WRITE}.
     */
    public void chargeCellWrite(int layer, double joules) {
        if (joules <= 0) {
            return;
        }
        cellWriteEnergy += joules;
        energyByLayer[layer] += joules;
    }

    /** The energy kind of cells written per inference (no component kind: the crossbars' own cells). */
    public static final String CELL_WRITE = "cell_write";

    /** The rewrite pass's result. */
    public void rewrite(RewriteFigures figures) {
        this.rewrite = java.util.Objects.requireNonNull(figures, "figures");
    }

    /** What rewriting crossbars costs ({@link RewriteFigures#NONE} until a rewrite pass rewrote any). */
    public RewriteFigures rewrite() {
        return rewrite;
    }

    /** Dynamic energy charged so far to a component kind, J. */
    public double energy(ComponentKind kind) {
        return energyByKind[kind.ordinal()];
    }

    /** Dynamic energy charged so far to all component kinds and cell writes, J. */
    public double dynamicEnergy() {
        double sum = cellWriteEnergy;
        for (double e : energyByKind) {
            sum += e;
        }
        return sum;
    }

    /** The learning pass's result. */
    public void learning(LearningFigures figures) {
        this.learning = figures;
    }

    /** What learning costs ({@link LearningFigures#NONE} until a learning pass ran). */
    public LearningFigures learning() {
        return learning;
    }

    /** Dynamic energy charged so far to a layer, J. */
    public double layerEnergy(int layer) {
        return energyByLayer[layer];
    }

    /** Adds to how long layer {@code layer}'s work of kind {@code cause} takes on its own, s. */
    public void addDuration(int layer, LatencyCause cause, double seconds) {
        durations[layer * CAUSES.length + cause.ordinal()] += seconds;
    }

    /** How long layer {@code layer}'s work of kind {@code cause} takes on its own, s. */
    public double duration(int layer, LatencyCause cause) {
        return durations[layer * CAUSES.length + cause.ordinal()];
    }

    /**
     * Marks layer {@code layer}'s array and conversion durations as one after the other (the
     * converters sense the held rows' columns in turn) rather than overlapping (sampled and held).
     */
    public void sensedInTurn(int layer) {
        sensedInTurn[layer] = true;
    }

    /** Whether layer {@code layer}'s conversions follow its array settling instead of overlapping the next read. */
    public boolean isSensedInTurn(int layer) {
        return sensedInTurn[layer];
    }

    /** Records the bits an ADC would need to convert layer {@code layer}'s column sums without loss. */
    public void adcBitsNeeded(int layer, double bits) {
        adcBitsNeeded[layer] = bits;
    }

    /** The bits an ADC would need for layer {@code layer}'s column sums, or NaN if it is no crossbar layer. */
    public double adcBitsNeeded(int layer) {
        return adcBitsNeeded[layer];
    }

    /** The SNR that cannot be exceeded: no modelled error (see {@link Metrics#NO_ERROR_DB}). */
    public static final double NO_ERROR_DB = Metrics.NO_ERROR_DB;

    /** The accuracy pass's estimate of a crossbar layer's output SNR, dB. */
    public void layerSnrDb(int layer, double db) {
        layerSnrDb[layer] = db;
    }

    /** A layer's output SNR, dB, or NaN when it is no crossbar layer (or no accuracy pass ran). */
    public double layerSnrDb(int layer) {
        return layerSnrDb[layer];
    }

    /**
     * The accuracy pass's estimate for the network: its SNR and, per source (by
     * {@code ErrorBudget.Source} ordinal), the SNR if only that source erred (NaN: adds nothing), dB.
     */
    public void networkSnrDb(double db, double[] bySource) {
        this.networkSnrDb = db;
        this.networkSnrDbBySource = bySource.clone();
    }

    /** The network's output SNR, dB (NaN until an accuracy pass estimates it). */
    public double networkSnrDb() {
        return networkSnrDb;
    }

    /**
     * The timing pass's result for one layer: its latency and each cause's share of it.
     *
     * @param shares seconds by {@link LatencyCause} ordinal
     */
    public void layerLatency(int layer, double seconds, double[] shares) {
        layerLatency[layer] = seconds;
        System.arraycopy(shares, 0, latencyShares, layer * CAUSES.length, CAUSES.length);
    }

    /** The timing pass's result for the whole inference. */
    public void latency(double latencyS, double pipelineIntervalS) {
        this.latency = latencyS;
        this.pipelineInterval = pipelineIntervalS;
        this.timed = true;
    }

    /** One layer's latency, s (timing pass). */
    public double layerLatency(int layer) {
        requireTimed();
        return layerLatency[layer];
    }

    /** A cause's share of one layer's latency, s (timing pass). */
    public double latencyShare(int layer, LatencyCause cause) {
        requireTimed();
        return latencyShares[layer * CAUSES.length + cause.ordinal()];
    }

    /** Latency of one inference, layer by layer, s (timing pass). */
    public double latency() {
        requireTimed();
        return latency;
    }

    /** Time between inferences when the layers run as a pipeline, s (timing pass). */
    public double pipelineInterval() {
        requireTimed();
        return pipelineInterval;
    }

    private void requireTimed() {
        if (!timed) {
            throw new IllegalStateException("no timing pass has run: latencies are not known yet");
        }
    }

    /** The static pass's result: the leakage power charged and its energy over the inference. */
    public void staticEnergy(double powerW, double energyJ) {
        this.staticPower = powerW;
        this.staticEnergy = energyJ;
        this.staticCharged = true;
    }

    /** Static power charged, W (static pass). */
    public double staticPower() {
        return staticPower;
    }

    /** Static energy over the inference, J (static pass). */
    public double staticEnergy() {
        return staticEnergy;
    }

    /** Records the contention model's link loads. */
    public void networkLoad(NetworkLoad load) {
        this.networkLoad = java.util.Objects.requireNonNull(load, "load");
    }

    /** The link loads recorded, {@link NetworkLoad#NONE} if no contention pass ran. */
    public NetworkLoad networkLoad() {
        return networkLoad;
    }

    /** Everything written, as the evaluation's result. */
    public Metrics metrics(MappedNetwork view) {
        if (!staticCharged) {
            throw new IllegalStateException("no static pass has run: the static energy is not known");
        }
        requireTimed();
        PeakFigures peak = view.peak();
        Map<String, Double> byKind = new HashMap<>();
        for (ComponentKind k : KINDS) {
            if (energyByKind[k.ordinal()] != 0) {
                byKind.put(k.key(), energyByKind[k.ordinal()]);
            }
        }
        if (cellWriteEnergy != 0) {
            byKind.put(CELL_WRITE, cellWriteEnergy);
        }
        byKind.merge("static", staticEnergy, Double::sum);
        Map<String, Double> energy = new HashMap<>();
        Map<String, Double> time = new HashMap<>();
        Map<String, Double> bits = new HashMap<>();
        Map<String, Double> snr = new HashMap<>();
        Map<String, Breakdown> timeByCause = new HashMap<>();
        double[] causeTotals = new double[CAUSES.length];
        for (int i = 0; i < layers; i++) {
            String name = view.node(i).name();
            energy.merge(name, energyByLayer[i], Double::sum);
            time.merge(name, layerLatency[i], Double::sum);
            if (!Double.isNaN(adcBitsNeeded[i])) {
                bits.put(name, adcBitsNeeded[i]);
            }
            if (!Double.isNaN(layerSnrDb[i])) {
                snr.put(name, layerSnrDb[i]);
            }
            Map<String, Double> causes = new TreeMap<>();
            for (LatencyCause c : CAUSES) {
                double share = latencyShares[i * CAUSES.length + c.ordinal()];
                causeTotals[c.ordinal()] += share;
                if (share != 0) {
                    causes.put(c.key(), share);
                }
            }
            timeByCause.put(name, new Breakdown(causes));
        }
        Map<String, Double> byCause = new TreeMap<>();
        for (LatencyCause c : CAUSES) {
            if (causeTotals[c.ordinal()] != 0) {
                byCause.put(c.key(), causeTotals[c.ordinal()]);
            }
        }
        Map<String, Double> bySource = new TreeMap<>();
        org.memdse.cost.accuracy.ErrorBudget.Source[] sources = org.memdse.cost.accuracy.ErrorBudget.Source.values();
        for (int k = 0; k < networkSnrDbBySource.length; k++) {
            if (!Double.isNaN(networkSnrDbBySource[k])) {
                bySource.put(sources[k].key(), networkSnrDbBySource[k]);
            }
        }
        Breakdown kinds = new Breakdown(byKind);
        return new Metrics(peak.areaM2(), peak.areaByKind(), peak.areaBySubsystem(), kinds.total(), kinds,
                new Breakdown(energy), latency, pipelineInterval, new Breakdown(time),
                (double) view.macs() * OpConvention.OPS_PER_MAC, staticPower, view.crossbarUtilisation(),
                view.coreUtilisation(), peak, new Breakdown(bits), new Breakdown(byCause), timeByCause, view.idle(),
                networkLoad, learning, networkSnrDb, new Breakdown(snr),
                new Breakdown(bySource), rewrite);
    }
}
