package org.memdse.core.arch;

/**
 * The memristor synapse array of an SNN core: {@code rows} axons (fan-in) by {@code cols} neurons.
 *
 * @param rows       input axons
 * @param cols       output neurons served
 * @param weightBits synaptic weight precision in bits
 * @param device     the memristor of each synapse
 * @param figures    published figures for one synaptic event (energy) or the whole array (area)
 */
public record SynapseArray(int rows, int cols, int weightBits, Device device, PublishedFigures figures) {
    public SynapseArray {
        Checks.atLeast("synapses.rows", rows, 1);
        Checks.atLeast("synapses.cols", cols, 1);
        Checks.atLeast("synapses.weight_bits", weightBits, 1);
        Checks.notNull("device", device);
        Checks.notNull("figures", figures);
    }

    public long synapses() {
        return (long) rows * cols;
    }
}
