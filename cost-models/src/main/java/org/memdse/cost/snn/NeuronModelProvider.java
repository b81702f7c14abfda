package org.memdse.cost.snn;

import java.util.List;
import java.util.Optional;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.DeviceKind;
import org.memdse.core.arch.NeuronCircuit;
import org.memdse.core.arch.NeuronSpec;
import org.memdse.core.arch.SnnCoreTemplate;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * One neuron of an SNN core. UPDATE is one time step (integration and leak), SPIKE one emitted
 * spike; leakage is the static power.
 *
 * <ul>
 *   <li><b>CMOS</b> (IF/LIF): {@link SnnCalibration} — TrueNorth or ODIN, scaled to the
 *       architecture's node and supply with Stillmaker &amp; Baas.</li>
 *   <li><b>memristive / diffusive-memristor</b>: from the architecture's volatile device
 *       (the first of kind {@code diffusive}, else any volatile device). UPDATE = V_read² / R_off ×
 *       time step (the sub-threshold bias through the relaxed device; the state decays by itself,
 *       so leak costs nothing more); SPIKE = V_read² / R_on × t_read (the device switched on for
 *       one pulse); area = one 1T1R-like cell of 48 F² (device plus reset transistor, NeuroSim's
 *       1T1R footprint); no leakage. A derivation from the device record (cf. Wang et al.,
 *       Nat. Electron. 1, 137 (2018)), without the CMOS spike-output interface.</li>
 * </ul>
 */
public final class NeuronModelProvider implements ComponentModelProvider {
    static final double CELL_1T1R_F2 = 48;

    @Override
    public String name() {
        return "neuron-truenorth-odin";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Akopyan et al., IEEE TCAD 2015 Fig. 17: TrueNorth P = 64.43 mW + 2.297 pJ x events/s (published-figures.md §4.5)"),
                new Citation("Frenkel et al., IEEE TBioCAS 2019: ODIN P = 27.3 uW + 1.78 uW/MHz f + 8.43 pJ r_SOP (§4.6)"),
                new Citation("Stillmaker & Baas, Integration 58 (2017): node and supply scaling"),
                new Citation("Device physics on the architecture's volatile (diffusive) memristor for memristive neurons"));
    }

    @Override
    public Support supports(ModelQuery query) {
        NeuronSpec n = query.spec(NeuronSpec.class);
        if (n == null) {
            return Support.notFor("not a neuron");
        }
        if (n.circuit() != NeuronCircuit.CMOS && volatileDevice(query, n.circuit()).isEmpty()) {
            return Support.no("a " + n.circuit().key() + " neuron needs a volatile device in the architecture's devices");
        }
        return Support.accuracy(n.circuit() == NeuronCircuit.CMOS ? 50 : 20);
    }

    static Optional<Device> volatileDevice(ModelQuery query, NeuronCircuit circuit) {
        List<Device> devices = query.architecture().devices();
        if (circuit == NeuronCircuit.DIFFUSIVE_MEMRISTOR) {
            Optional<Device> d = devices.stream().filter(x -> x.kind() == DeviceKind.DIFFUSIVE).findFirst();
            if (d.isPresent()) {
                return d;
            }
        }
        return devices.stream().filter(Device::isVolatile).findFirst();
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        NeuronSpec n = query.spec(NeuronSpec.class);
        Technology tech = query.technology();
        Optional<SnnCoreTemplate> core = SnnCalibration.coreOf(query);
        double timeStep = core.map(SnnCoreTemplate::timeStepS).orElse(1e-3);
        if (n.circuit() == NeuronCircuit.CMOS) {
            SnnCalibration c = SnnCalibration.forWeightBits(core.map(t -> t.synapses().weightBits()).orElse(4));
            int neurons = core.map(SnnCoreTemplate::neurons).orElse(256);
            double updateLatency = c == SnnCalibration.TRUENORTH ? timeStep / neurons : 2 / tech.clockHz();
            return Costs.builder()
                    .area(c.anchor.area(c.neuronArea, tech))
                    .leakage(c.anchor.power(c.leakagePerNeuron(), tech))
                    .action(Action.UPDATE, c.anchor.energy(c.updateEnergy, tech), updateLatency)
                    .action(Action.SPIKE, 0, 0)
                    .build();
        }
        Device d = volatileDevice(query, n.circuit()).orElseThrow();
        double v2 = d.vRead() * d.vRead();
        double f = tech.nodeMeters();
        return Costs.builder()
                .area(CELL_1T1R_F2 * f * f)
                .leakage(0)
                .action(Action.UPDATE, v2 * d.gOff() * timeStep, d.tRead())
                .action(Action.SPIKE, v2 * d.gOn() * d.tRead(), d.tRead())
                .build();
    }
}
