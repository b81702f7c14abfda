package org.memdse.core.network;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What follows from a node and its inputs: shapes and the counts a mapper and an evaluator need.
 * All counts are per inference (one input sample), except {@link #synapticOpsPerStep()}.
 *
 * @param inputShapes        shapes of the forward inputs, in input order
 * @param outputShape        shape of the output
 * @param output             what the node sends: activations, spikes, or (projections) currents
 * @param activationBits     bits per output activation (0 unless {@code output} is activations)
 * @param weights            the weight matrix as it sits on crossbars, if the node has one
 * @param params             learned parameters (weights, biases, folded batch-norm scales and shifts)
 * @param macs               multiply-accumulates of the ANN part
 * @param digitalOps         element-wise operations left to digital units (pooling, activations,
 *                           residual adds, spike counting)
 * @param inputActivations   elements read from the inputs (all time steps of a sequence)
 * @param outputActivations  elements produced (neurons, for an SNN population)
 * @param timeSteps          SNN time steps (1 for ANN nodes)
 * @param firingRate         expected spikes per output element per time step (0 unless spiking)
 * @param synapses           synapses stored (SNN projections)
 * @param synapticOpsPerStep synaptic events per time step: presynaptic spikes × fan-out
 */
public record NodeStats(List<Shape> inputShapes, Shape outputShape, Signal output, int activationBits,
                        Optional<WeightMatrix> weights, long params, long macs, long digitalOps,
                        long inputActivations, long outputActivations, int timeSteps, double firingRate,
                        long synapses, double synapticOpsPerStep) {
    public NodeStats {
        inputShapes = List.copyOf(inputShapes);
        Objects.requireNonNull(outputShape, "outputShape");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(weights, "weights");
    }

    /** Synaptic events over all time steps of one inference. */
    public double synapticOpsPerInference() {
        return synapticOpsPerStep * timeSteps;
    }

    /** Spikes sent per inference (0 unless the node spikes). */
    public double spikesPerInference() {
        return output == Signal.SPIKES ? outputActivations * firingRate * timeSteps : 0;
    }
}
