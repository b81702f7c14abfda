package org.memdse.cost.evaluator;

import org.memdse.core.eval.Action;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.network.NodeStats;
import org.memdse.core.network.Reservoir;
import org.memdse.core.network.Shape;

/**
 * The analog front end's reservoir layers, per input sample of T time steps (the input's first
 * dimension; 1 for a vector) and V = nodes x parallel x mask length virtual nodes:
 * <ul>
 *   <li>pulses: every virtual node is one pulse on its device, T x V, each dissipating the
 *       layer's {@code pulse_energy}, or the array's pulse power (V x I of its characterised
 *       pulse) over the layer's pulse width; each driven by one DAC drive of its masked amplitude;</li>
 *   <li>mask generation: T x V x F digital multiply-accumulates (the mask row times the F input
 *       features of the time step), on the array's mask generator;</li>
 *   <li>sampling: each virtual node's state is converted once, T x V ADC conversions.</li>
 * </ul>
 * The readout is an ordinary crossbar layer after the reservoir, priced by the compute and
 * conversion passes. Time: the devices pulse side by side, each through its mask one pulse after
 * another, T x mask length x pulse width; the ADCs convert T x V states over their channels
 * meanwhile (the timing pass takes the slower). The mask generator's next value is ready long
 * before a pulse of micro- to milliseconds ends, so it adds no time.
 */
public final class ReservoirPass implements EvaluationPass {
    @Override
    public String name() {
        return "reservoir";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        for (int i = 0; i < view.size(); i++) {
            if (view.work(i) instanceof MappedNetwork.ReservoirLayer r && view.node(i) instanceof Reservoir n) {
                reservoir(i, n, view.stats(i), r, ledger);
            }
        }
    }

    /** The counts of one sample, and what they cost. */
    static void reservoir(int i, Reservoir n, NodeStats stats, MappedNetwork.ReservoirLayer r, EvaluationLedger ledger) {
        Shape in = stats.inputShapes().get(0);
        double steps = in.rank() == 2 ? in.dim(0) : 1;
        double features = in.dim(in.rank() - 1);
        double pulses = steps * n.virtualNodes();
        ledger.chargeEnergy(i, r.array(), pulses * pulseEnergy(n, r));
        ledger.charge(i, r.drivers(), Action.DRIVE, pulses);
        ledger.charge(i, r.array(), Action.COMPUTE, pulses * features);
        ledger.charge(i, r.adcs(), Action.CONVERT, pulses);
        ledger.addDuration(i, LatencyCause.ARRAY, steps * n.maskLength() * n.pulseWidth());
        double convert = r.adcs() == null ? 0 : r.adcs().model().latency(Action.CONVERT);
        // A pulse slot yields one state per device of this layer: ADC channels beyond those devices
        // have nothing to convert, so they do not shorten the conversions.
        double busyChannels = Math.min(r.spec().adcChannels(), n.devices());
        ledger.addDuration(i, LatencyCause.CONVERSION, pulses * convert / busyChannels);
    }

    /**
     * One pulse in one device, J: the layer's own figure, else the array's pulse energy over its
     * characterised width times the layer's width (the device's power while pulsed, for as long
     * as the layer pulses it).
     */
    static double pulseEnergy(Reservoir n, MappedNetwork.ReservoirLayer r) {
        if (n.hasPulseEnergy()) {
            return n.pulseEnergy();
        }
        double width = r.array().model().latency(Action.PULSE);
        return width > 0 ? r.array().model().energy(Action.PULSE) * n.pulseWidth() / width : 0;
    }
}
