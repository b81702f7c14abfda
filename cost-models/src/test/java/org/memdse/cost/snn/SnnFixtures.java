package org.memdse.cost.snn;

import java.util.List;
import java.util.Optional;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.DeviceKind;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.LearningRule;
import org.memdse.core.arch.NeuronCircuit;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.arch.NeuronSpec;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.SynapseArray;
import org.memdse.core.arch.Technology;
import org.memdse.core.arch.TileArray;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.ModelQuery;
import java.util.OptionalDouble;

/** SNN systems modelled on TrueNorth and ODIN (published-figures.md §4.5, §4.6). */
final class SnnFixtures {
    private SnnFixtures() {
    }

    static Device diffusive() {
        // The bundled ag-diffusive device: 10 kOhm / 1 GOhm, 0.3 V, 100 ns, volatile
        return new Device("ag-diffusive", DeviceKind.DIFFUSIVE, 10e3, 1e9, 2, 0.3, 100e-9, 0, 0, 0, 1e9, 0, true);
    }

    static Architecture system(Technology t, int cores, int weightBits, NeuronCircuit circuit) {
        SnnCoreTemplate core = core(weightBits, circuit);
        return new Architecture("snn", "", t, List.of(Fixtures.rram(), diffusive()), List.of(core),
                List.of(new TileArray("snn", core, cores)),
                new Interconnect(Fixtures.mesh(32, OptionalDouble.empty()), Optional.empty(), Optional.empty()));
    }

    static SnnCoreTemplate core(int weightBits, NeuronCircuit circuit) {
        return new SnnCoreTemplate("core", 256, new NeuronSpec(NeuronModel.LIF, circuit, PublishedFigures.NONE),
                new SynapseArray(256, 256, weightBits, Fixtures.rram(), PublishedFigures.NONE), LearningRule.NONE, 1e-3,
                PublishedFigures.NONE);
    }

    /** TrueNorth: 4096 cores, 1-bit synapses, 28 nm, 0.8 V (Fig. 17). */
    static Architecture trueNorth() {
        return system(new Technology(28e-9, 0.8, 1e9), 4096, 1, NeuronCircuit.CMOS);
    }

    /** ODIN: one core, 4-bit synapses, 28 nm, 0.55 V, at a given clock. */
    static Architecture odin(double clockHz) {
        return system(new Technology(28e-9, 0.55, clockHz), 1, 4, NeuronCircuit.CMOS);
    }

    static ModelQuery neurons(Architecture a) {
        SnnCoreTemplate c = (SnnCoreTemplate) a.templates().get(0);
        return new ModelQuery(new Component("snn.neurons", "snn", ComponentKind.NEURON, c.neuron(), 256L * a.tileArrays().get(0).count(),
                PublishedFigures.NONE), a);
    }

    static ModelQuery synapses(Architecture a) {
        SnnCoreTemplate c = (SnnCoreTemplate) a.templates().get(0);
        return new ModelQuery(new Component("snn.synapses", "snn", ComponentKind.SYNAPSE, c.synapses(), a.tileArrays().get(0).count(),
                PublishedFigures.NONE), a);
    }
}
