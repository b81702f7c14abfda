package org.memdse.cost.learning;

import org.memdse.core.arch.LearningRule;

/**
 * A digital learning engine's cost per synaptic update, for SNN cores whose synapses are SRAM words
 * updated by a programmable rule, as Loihi's (Davies et al., IEEE Micro 38(1), 2018; sources in
 * docs/reference/learning.md §A.8). Loihi writes a rule in sum-of-products form,
 * z := z + Σ_i S_i Π_j (V_ij + C_ij), over the synapse's variables z (weight, delay, tag) and the
 * traces V of its pre- and post-synaptic neurons; pairwise STDP is two product terms,
 * Δw = A+ · x1 · y0 − A− · y1 · x0 (the pre trace x1 when the post neuron fires, y0; the post trace
 * y1 when the pre neuron fires, x0).
 *
 * <p>The model, from a description of the engine ({@link Description}): one update reads the
 * synapse's word from the synaptic memory and writes it back, two accesses priced as the core's
 * synaptic spike operation (the operation that reads a synapse from the same memory), and evaluates
 * the rule's product terms, each priced as one product of the core's compartment update (a
 * compartment update evaluates {@link Description#productsPerNeuronUpdate} decay products on its
 * state, read and written as the engine reads and writes the synapse). The two memory accesses use
 * the synaptic memory's one port one after another and the products overlap them, so an update
 * takes two synaptic-operation times. [D]: the decomposition is memdse's; its inputs are the
 * description's figures.
 *
 * @param description what the engine is built from
 */
public record LearningEngine(Description description) {
    /**
     * What the engine is built from: figures of the core's own operations.
     *
     * @param synapticOpEnergy        energy of one synaptic spike operation (a synapse read from the synaptic memory), J
     * @param synapticOpTime          its time, s
     * @param neuronUpdateEnergy      energy of one active compartment (neuron) update, J
     * @param productsPerNeuronUpdate decay products a compartment update evaluates (a current-based LIF: 2, u and v)
     */
    public record Description(double synapticOpEnergy, double synapticOpTime, double neuronUpdateEnergy,
                              int productsPerNeuronUpdate) {
        public Description {
            if (!(synapticOpEnergy > 0) || !(synapticOpTime > 0) || !(neuronUpdateEnergy > 0)
                    || productsPerNeuronUpdate < 1) {
                throw new IllegalArgumentException("a learning engine needs positive figures: " + synapticOpEnergy
                        + " J, " + synapticOpTime + " s, " + neuronUpdateEnergy + " J, " + productsPerNeuronUpdate);
            }
        }
    }

    /** The cost of one synaptic update. */
    public record Update(double energyJ, double timeS) {
    }

    /** Memory accesses of one update: the synapse's word read, then written back. */
    public static final int SYNAPSE_ACCESSES = 2;

    public LearningEngine {
        java.util.Objects.requireNonNull(description, "description");
    }

    /**
     * Product terms of a rule in Loihi's sum-of-products form: pairwise STDP 2 (A+ x1 y0, A− y1 x0);
     * triplet STDP 4 (each pair term also times the second trace of the other side: A3+ x1 y0 y2,
     * A3− y1 x0 x2, Pfister and Gerstner 2006's minimal triplet rule); reward-modulated 3 (a tag
     * updated by the two pair terms, the weight by reward × tag).
     */
    public static int productTerms(LearningRule rule) {
        return switch (rule) {
            case STDP_PAIR -> 2;
            case STDP_TRIPLET -> 4;
            case REWARD_MODULATED -> 3;
            default -> throw new IllegalArgumentException(rule.key() + " is not a spike-timing rule");
        };
    }

    /** One synaptic update under {@code rule}. */
    public Update update(LearningRule rule) {
        Description d = description;
        double perProduct = d.neuronUpdateEnergy() / d.productsPerNeuronUpdate();
        double energy = SYNAPSE_ACCESSES * d.synapticOpEnergy() + productTerms(rule) * perProduct;
        return new Update(energy, SYNAPSE_ACCESSES * d.synapticOpTime());
    }
}
