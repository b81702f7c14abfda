package org.memdse.core.network;

import java.util.Objects;

/**
 * Synapses from one spiking source (encoder, population, voltage-to-spike integration) into a
 * population: the SNN counterpart of a weight layer, stored in memristor synapse arrays.
 *
 * @param connectivity          the pattern: dense (all-to-all), sparse (random), one-to-one,
 *                              all-but-self, conv or file (an explicit list)
 * @param neurons               postsynaptic neurons (dense, sparse and file; 0 otherwise: one-to-one
 *                              and all-but-self keep the source's shape, conv derives it)
 * @param connectionProbability fraction of pairs connected (sparse; 1 otherwise)
 * @param outChannels           output channels (conv; 0 otherwise)
 * @param conv                  window (conv; {@code null} otherwise)
 * @param weightBits            synaptic weight precision in bits
 * @param learning              on-chip learning rule
 * @param feedback              whether this projection closes a recurrent loop (e.g. lateral
 *                              inhibition): its output edges are delayed by one time step and kept
 *                              out of the acyclic graph
 * @param seed                  which pairs a sparse (random) projection connects: the same seed, the
 *                              same synapses (0 otherwise)
 * @param synapseList           the pairs of a file projection ({@code null} otherwise)
 */
public record Projection(String name, Connectivity connectivity, int neurons, double connectionProbability,
                         int outChannels, ConvGeometry conv, int weightBits, LearningRule learning,
                         boolean feedback, long seed, SynapseList synapseList) implements NetworkNode {
    /** A projection without a seed or a list (dense, one-to-one, all-but-self, conv; sparse with seed 0). */
    public Projection(String name, Connectivity connectivity, int neurons, double connectionProbability,
                      int outChannels, ConvGeometry conv, int weightBits, LearningRule learning, boolean feedback) {
        this(name, connectivity, neurons, connectionProbability, outChannels, conv, weightBits, learning, feedback, 0,
                null);
    }

    public Projection {
        NetworkNode.requireName(name);
        Objects.requireNonNull(connectivity, "connectivity");
        Objects.requireNonNull(learning, "learning");
        boolean sized = connectivity == Connectivity.DENSE || connectivity == Connectivity.SPARSE
                || connectivity == Connectivity.FILE;
        if (sized != (neurons > 0)) {
            throw new IllegalArgumentException("neurons: needed for dense, sparse and file projections only, found "
                    + neurons);
        }
        if ((connectivity == Connectivity.FILE) != (synapseList != null)) {
            throw new IllegalArgumentException("synapseList: needed for file projections only");
        }
        if (synapseList != null && synapseList.postNeurons() != neurons) {
            throw new IllegalArgumentException("neurons: " + neurons + " but the list is onto "
                    + synapseList.postNeurons());
        }
        if (!(connectionProbability > 0 && connectionProbability <= 1)) {
            throw new IllegalArgumentException("connectionProbability: must be in (0, 1], found " + connectionProbability);
        }
        if ((connectivity == Connectivity.CONV) != (conv != null && outChannels > 0)) {
            throw new IllegalArgumentException("conv, outChannels: needed for conv projections only");
        }
        if (weightBits < 1) {
            throw new IllegalArgumentException("weightBits: must be at least 1, found " + weightBits);
        }
    }

    public static Projection dense(String name, int neurons, int weightBits, LearningRule learning) {
        return new Projection(name, Connectivity.DENSE, neurons, 1.0, 0, null, weightBits, learning, false);
    }

    public static Projection sparse(String name, int neurons, double probability, int weightBits, LearningRule learning) {
        return new Projection(name, Connectivity.SPARSE, neurons, probability, 0, null, weightBits, learning, false);
    }

    /** A random projection whose pairs are drawn from {@code seed}. */
    public static Projection random(String name, int neurons, double probability, long seed, int weightBits,
                                    LearningRule learning) {
        return new Projection(name, Connectivity.SPARSE, neurons, probability, 0, null, weightBits, learning, false,
                seed, null);
    }

    public static Projection allButSelf(String name, int weightBits, LearningRule learning) {
        return new Projection(name, Connectivity.ALL_BUT_SELF, 0, 1.0, 0, null, weightBits, learning, false);
    }

    public static Projection fromList(String name, SynapseList list, int weightBits, LearningRule learning) {
        return new Projection(name, Connectivity.FILE, list.postNeurons(), 1.0, 0, null, weightBits, learning, false,
                0, list);
    }

    public static Projection oneToOne(String name, int weightBits) {
        return new Projection(name, Connectivity.ONE_TO_ONE, 0, 1.0, 0, null, weightBits, LearningRule.NONE, false);
    }

    public static Projection conv(String name, int outChannels, ConvGeometry conv, int weightBits, LearningRule learning) {
        return new Projection(name, Connectivity.CONV, 0, 1.0, outChannels, conv, weightBits, learning, false);
    }

    /** The same projection, as a feedback (delayed, recurrent) one. */
    public Projection asFeedback() {
        return new Projection(name, connectivity, neurons, connectionProbability, outChannels, conv, weightBits, learning,
                true, seed, synapseList);
    }

    @Override
    public NodeKind kind() {
        return NodeKind.PROJECTION;
    }

    /** The name's hash: consistent with the record's equality, and cheap (see {@link NetworkNode}). */
    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
