package org.memdse.core.arch;

/**
 * The neurons of an SNN core.
 *
 * @param model   dynamics
 * @param circuit implementation
 * @param figures published figures for one neuron (energy per update)
 */
public record NeuronSpec(NeuronModel model, NeuronCircuit circuit, PublishedFigures figures) {
    public NeuronSpec {
        Checks.notNull("model", model);
        Checks.notNull("circuit", circuit);
        Checks.notNull("figures", figures);
    }
}
