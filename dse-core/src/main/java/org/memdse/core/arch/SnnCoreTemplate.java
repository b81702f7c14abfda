package org.memdse.core.arch;

/**
 * A spiking core (Fig. 4's "hierarchical brain-inspired networks"): neurons, a memristor
 * synapse array, and an optional on-core learning rule.
 *
 * @param name          template name
 * @param neurons       neurons per core
 * @param neuron        neuron model and circuit
 * @param synapses      synapse array
 * @param learning      on-core learning rule
 * @param timeStepS     duration of one SNN time step (tick), s
 * @param figures       published figures for the whole core (area, static power)
 */
public record SnnCoreTemplate(String name, int neurons, NeuronSpec neuron, SynapseArray synapses, Learning learning,
                              double timeStepS, PublishedFigures figures) implements Template {
    public static final String KIND = "snn-core";

    public SnnCoreTemplate {
        Checks.notNull("name", name);
        Checks.atLeast("neurons", neurons, 1);
        Checks.notNull("neuron", neuron);
        Checks.notNull("synapses", synapses);
        Checks.notNull("learning", learning);
        Checks.positive("time_step", timeStepS);
        Checks.notNull("figures", figures);
    }

    /** A core whose rule takes its default settings (tests, fixtures). */
    public SnnCoreTemplate(String name, int neurons, NeuronSpec neuron, SynapseArray synapses, LearningRule rule,
                           double timeStepS, PublishedFigures figures) {
        this(name, neurons, neuron, synapses, Learning.of(rule), timeStepS, figures);
    }

    @Override
    public String kindKey() {
        return KIND;
    }
}
