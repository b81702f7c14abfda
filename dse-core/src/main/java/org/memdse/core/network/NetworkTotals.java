package org.memdse.core.network;

/**
 * Sums over a whole network, per inference.
 *
 * @param params          learned parameters
 * @param macs            ANN multiply-accumulates
 * @param digitalOps      element-wise digital operations
 * @param matrixWeights   weights on crossbar matrices (rows × cols summed; sparse and one-to-one
 *                        projections count their full matrices)
 * @param synapses        SNN synapses
 * @param synapticOps     SNN synaptic events
 * @param spikes          spikes sent over edges
 * @param trafficBits     bits sent over edges (activations and spike addresses)
 */
public record NetworkTotals(long params, long macs, long digitalOps, long matrixWeights, long synapses,
                            double synapticOps, double spikes, double trafficBits) {
}
