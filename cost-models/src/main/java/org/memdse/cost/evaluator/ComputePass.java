package org.memdse.cost.evaluator;

import org.memdse.core.arch.DigitalKind;
import org.memdse.core.arch.DigitalUnit;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.network.NodeStats;

/**
 * The work itself: crossbar reads and their array periphery, element-wise digital work, and SNN
 * neurons and synapses. Writes their energy and how long the array reads, the digital work and
 * the SNN time steps take.
 */
public final class ComputePass implements EvaluationPass {
    @Override
    public String name() {
        return "compute";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        for (int i = 0; i < view.size(); i++) {
            MappedNetwork.NodeWork work = view.work(i);
            if (work instanceof MappedNetwork.CrossbarLayer x) {
                crossbars(i, x, ledger);
            } else if (work instanceof MappedNetwork.DigitalLayer d) {
                digital(i, d, view.stats(i), view.network().activationBits(), ledger);
            } else if (work instanceof MappedNetwork.SnnLayer s) {
                snn(i, s, view.stats(i), ledger);
            }
        }
    }

    /**
     * In each read cycle each block reads its array: the energy of a whole-array read pulse scaled by
     * the cells the block uses, by the mean drive of a used row (only rows whose input bit is 1
     * conduct bit-serially) and by how long the cells conduct per cycle (one pulse with a
     * sample-and-hold, the conversion time without: {@code CimSubsystem.conduction}). Each used array's row DFFs, switches and column multiplexers act once
     * per read. All blocks read in parallel: the reads take vectors × cycles × t_array / replicas
     * (× the unit pulses of a pulse-width read), t_array the read pulse with a sample-and-hold, else
     * the read cycle's time besides the conversions ({@code CimSubsystem.arrayTime}).
     */
    private static void crossbars(int i, MappedNetwork.CrossbarLayer x, EvaluationLedger ledger) {
        ArchitectureCosts.CimSubsystem c = x.cim();
        ledger.charge(i, c.crossbars, Action.READ, x.reads() * x.cellReads() * x.activity() * c.conduction);
        ledger.charge(i, c.periphery, Action.READ, x.reads() * x.blocks());
        ledger.addDuration(i, LatencyCause.ARRAY, x.vectors() * x.cycles() * (c.arrayTime * x.pulses()) / x.replicas());
    }

    /**
     * One operation per element on the tiles' units of that kind, spread over those of the powered
     * tiles. A MAC on a tile without MAC units runs on its shift-and-add (else activation) units as
     * a shift-and-add multiplication: one add per bit of the b-bit operand plus the accumulation,
     * b + 1 operations (Horowitz's 8-bit multiply, 0.2 pJ, is ~7 of his 8-bit adds, 0.03 pJ).
     */
    private static void digital(int i, MappedNetwork.DigitalLayer d, NodeStats stats, int activationBits,
                                EvaluationLedger ledger) {
        PricedComponent unit = d.cim().digital(d.kind());
        double ops = stats.digitalOps();
        if (d.kind() == DigitalKind.MAC && unit != null
                && !(unit.component().spec() instanceof DigitalUnit u && u.kind() == DigitalKind.MAC)) {
            ops *= activationBits + 1;
        }
        ledger.charge(i, unit, Action.COMPUTE, ops);
        if (unit != null) {
            // The units of the powered tiles (all tiles without power gating).
            long count = unit.component().count() / d.allTiles() * d.tiles();
            ledger.addDuration(i, LatencyCause.DIGITAL, count == 0 ? 0 : ops * unit.model().latency(Action.COMPUTE) / count);
        }
    }

    /**
     * A population updates every neuron each time step and emits its spikes, and takes its time
     * steps × the core's tick; a projection's synaptic events are presynaptic spikes × fan-out.
     */
    private static void snn(int i, MappedNetwork.SnnLayer s, NodeStats stats, EvaluationLedger ledger) {
        if (s.population()) {
            ledger.charge(i, s.neurons(), Action.UPDATE, (double) stats.outputActivations() * stats.timeSteps());
            ledger.charge(i, s.neurons(), Action.SPIKE, stats.spikesPerInference());
            ledger.addDuration(i, LatencyCause.SNN_TICKS, stats.timeSteps() * s.tickS());
        } else {
            ledger.charge(i, s.synapses(), Action.SYNAPTIC_EVENT, stats.synapticOpsPerInference());
        }
    }
}
