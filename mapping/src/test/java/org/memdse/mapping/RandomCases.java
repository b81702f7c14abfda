package org.memdse.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.CimTileTemplate;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Interconnect;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.OnChipNetwork;
import org.memdse.core.arch.SignedWeights;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.arch.SynapseArray;
import org.memdse.core.arch.Template;
import org.memdse.core.arch.TileArray;
import org.memdse.core.arch.Topology;
import org.memdse.core.network.ActivationFunction;
import org.memdse.core.network.Add;
import org.memdse.core.network.Conv2d;
import org.memdse.core.network.ConvGeometry;
import org.memdse.core.network.Encoder;
import org.memdse.core.network.Encoding;
import org.memdse.core.network.Flatten;
import org.memdse.core.network.GlobalPool;
import org.memdse.core.network.InputNode;
import org.memdse.core.network.Integration;
import org.memdse.core.network.LearningRule;
import org.memdse.core.network.Linear;
import org.memdse.core.network.NetworkBuilder;
import org.memdse.core.network.NetworkGraph;
import org.memdse.core.arch.NeuronModel;
import org.memdse.core.network.Padding;
import org.memdse.core.network.Pool2d;
import org.memdse.core.network.PoolMode;
import org.memdse.core.network.Population;
import org.memdse.core.network.Projection;
import org.memdse.core.network.Shape;
import org.memdse.core.network.Size2;

/**
 * Seeded random layered networks and architectures for the property tests. Architectures are
 * the bundled Fig. 4 system with random crossbar geometry, tile and core counts, topology and
 * concentration; networks are conv/pool/residual/grouped-conv stacks ending in linear layers,
 * or SNN chains (encoder → projections → populations), some with an ANN back end.
 */
final class RandomCases {
    private RandomCases() {
    }

    static Architecture architecture(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Architecture base = Bundled.architecture("fig4-hybrid");
        CimTileTemplate cim = null;
        SnnCoreTemplate snn = null;
        for (Template t : base.templates()) {
            if (t instanceof CimTileTemplate c) {
                cim = c;
            } else if (t instanceof SnnCoreTemplate s) {
                snn = s;
            }
        }
        int[] sizes = {32, 64, 128, 256};
        Crossbars x = cim.macro().crossbars();
        Crossbars nx = new Crossbars(1 + r.nextInt(8), sizes[r.nextInt(4)], sizes[r.nextInt(4)], 1 + r.nextInt(4),
                x.device(), x.cell(), SignedWeights.values()[r.nextInt(3)], x.figures());
        Macro m = cim.macro();
        Macro nm = new Macro(nx, m.adc(), m.dac(), m.inputEncoding(), m.sampleHold(), m.shiftAdd(), m.buffers());
        CimTileTemplate ncim = new CimTileTemplate(cim.name(), 1 + r.nextInt(4), nm, cim.buffers(), cim.digital(),
                cim.figures());
        int[] neurons = {64, 128, 256};
        SynapseArray sa = snn.synapses();
        SynapseArray nsa = new SynapseArray(sizes[1 + r.nextInt(3)] * 2, neurons[r.nextInt(3)], sa.weightBits(),
                sa.device(), sa.figures());
        SnnCoreTemplate nsnn = new SnnCoreTemplate(snn.name(), neurons[r.nextInt(3)], snn.neuron(), nsa, snn.learning(),
                snn.timeStepS(), snn.figures());
        List<Subsystem> subsystems = new ArrayList<>();
        for (Subsystem s : base.subsystems()) {
            if (s instanceof TileArray t && t.template() instanceof CimTileTemplate) {
                subsystems.add(new TileArray(t.name(), ncim, 4 + r.nextInt(60)));
            } else if (s instanceof TileArray t) {
                subsystems.add(new TileArray(t.name(), nsnn, 2 + r.nextInt(30)));
            } else {
                subsystems.add(s);
            }
        }
        if (r.nextBoolean()) {
            // Put the CIM tiles first: endpoint order must not matter.
            Subsystem first = subsystems.remove(2);
            subsystems.add(0, first);
        }
        Topology topology = Topology.values()[r.nextInt(4)];
        OnChipNetwork noc = base.interconnect().onChip();
        OnChipNetwork nnoc = new OnChipNetwork(topology, 1 + r.nextInt(4), OptionalInt.empty(), OptionalInt.empty(),
                noc.flitBits(), noc.linkLengthM(), noc.router(), noc.link());
        Interconnect ic = new Interconnect(nnoc, base.interconnect().spikes(), base.interconnect().chipToChip());
        return new Architecture("random-" + seed, "", base.technology(), base.devices(), List.of(ncim, nsnn),
                subsystems, ic);
    }

    static NetworkGraph network(long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        NetworkBuilder b = new NetworkBuilder("net-" + seed).precision(r.nextBoolean() ? 8 : 4, 8);
        int kind = r.nextInt(10);
        if (kind < 3) {
            return snn(b, r, kind == 0);
        }
        int c = new int[] {1, 3, 8}[r.nextInt(3)];
        int hw = r.nextBoolean() ? 8 : 16;
        b.add(new InputNode("in", Shape.of(c, hw, hw)));
        String prev = "in";
        int layers = 2 + r.nextInt(5);
        for (int i = 0; i < layers; i++) {
            int choice = r.nextInt(6);
            String name = "l" + i;
            if (choice == 0 && hw >= 4) {
                b.add(new Pool2d(name, PoolMode.MAX, Size2.square(2), Size2.square(2), Padding.NONE, false), prev);
                hw /= 2;
            } else if (choice == 1) {
                // depthwise
                b.add(new Conv2d(name, 0, c, ConvGeometry.of(3, 1, 1).withGroups(c), false, true,
                        ActivationFunction.RELU), prev);
            } else if (choice == 2) {
                b.add(new Conv2d(name, 0, c, ConvGeometry.of(3, 1, 1), false, true, ActivationFunction.IDENTITY), prev);
                b.add(new Add(name + "_add", ActivationFunction.RELU), name, prev);
                name = name + "_add";
            } else {
                int out = 4 + r.nextInt(160);
                int k = r.nextBoolean() ? 1 : 3;
                b.add(new Conv2d(name, 0, out, ConvGeometry.of(k, 1, k / 2), true, false, ActivationFunction.RELU), prev);
                c = out;
            }
            prev = name;
        }
        if (r.nextInt(4) > 0) {
            // Most real networks pool globally before the classifier; a big flatten is the rest.
            b.add(new GlobalPool("gap", PoolMode.AVG), prev);
            prev = "gap";
        }
        b.add(new Flatten("flat"), prev);
        b.add(new Linear("fc1", 0, 10 + r.nextInt(200), true, false, ActivationFunction.RELU), "flat");
        b.add(new Linear("fc2", 0, 10, true, false, ActivationFunction.IDENTITY), "fc1");
        return b.build();
    }

    private static NetworkGraph snn(NetworkBuilder b, SplittableRandom r, boolean hybrid) {
        b.add(new Encoder("sensor", Shape.of(16 + r.nextInt(100)), Encoding.RATE, 8, 0.1));
        String prev = "sensor";
        int layers = 1 + r.nextInt(3);
        for (int i = 0; i < layers; i++) {
            int n = 10 + r.nextInt(250);
            b.add(Projection.dense("p" + i, n, 4, LearningRule.NONE), prev);
            b.add(new Population("pop" + i, 0, NeuronModel.LIF, 0.5, 0.02, Double.NaN, 0.05), "p" + i);
            prev = "pop" + i;
        }
        if (hybrid) {
            b.add(Integration.spikeToVoltage("integrate", 8), prev);
            b.add(new Linear("fc", 0, 10, true, false, ActivationFunction.IDENTITY), "integrate");
        }
        return b.build();
    }

}
