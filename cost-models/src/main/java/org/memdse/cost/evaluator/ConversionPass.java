package org.memdse.cost.evaluator;

import org.memdse.core.arch.DigitalKind;
import org.memdse.core.arch.Encoder;
import org.memdse.core.arch.IntegrationInterface;
import org.memdse.core.arch.Macro;
import org.memdse.core.arch.Subsystem;
import org.memdse.core.eval.Action;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.network.NodeKind;
import org.memdse.core.network.NodeStats;

/**
 * Between the analog arrays and the digital world: row drivers (DACs), column conversion (ADCs,
 * sample-and-hold), shift-and-add and the accumulation of row blocks' partial sums, and the
 * chip's encoder and integration interfaces. Writes their energy, how long the shared ADCs take,
 * and the ADC precision each crossbar layer would need.
 */
public final class ConversionPass implements EvaluationPass {
    @Override
    public String name() {
        return "conversion";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        for (int i = 0; i < view.size(); i++) {
            MappedNetwork.NodeWork work = view.work(i);
            if (work instanceof MappedNetwork.CrossbarLayer x) {
                crossbarLayer(i, x, view.stats(i), view.network().activationBits(), ledger);
            } else if (work instanceof MappedNetwork.Boundary) {
                boundary(i, view, ledger);
            }
        }
    }

    /**
     * In each read cycle every used column is converted by an ADC (one conversion per used column
     * per cycle, whatever the ADC's resolution), sampled and shift-added, and every used row is
     * driven when its input bit is 1; row blocks' partial sums are added digitally, once per
     * output. A layer whose outputs stay analog instead holds and accumulates each column's
     * per-cycle result and activates each output in the analog domain. The ADC shared by
     * {@code columns_per_adc} columns converts them in turn: vectors × cycles × columns per ADC ×
     * t_convert / replicas, overlapping the array reads.
     */
    private static void crossbarLayer(int i, MappedNetwork.CrossbarLayer x, NodeStats stats, int activationBits,
                                      EvaluationLedger ledger) {
        ArchitectureCosts.CimSubsystem c = x.cim();
        Macro macro = c.macro;
        // Full partial-sum precision of a column: rows x largest cell level x largest input per cycle.
        int inputBitsPerCycle = x.analogIn() || x.pulseWidth() ? activationBits : macro.dac().bits();
        double maxSum = x.maxRows() * (Math.pow(2, macro.crossbars().bitsPerCell()) - 1)
                * (Math.pow(2, inputBitsPerCycle) - 1);
        ledger.adcBitsNeeded(i, Math.ceil(Math.log(maxSum + 1) / Math.log(2)));
        double conversions = x.reads() * x.columnCycles();
        if (x.analogOut()) {
            ledger.charge(i, c.sampleHold, Action.SAMPLE, conversions + stats.outputActivations());
        } else {
            ledger.charge(i, c.adc, Action.CONVERT, conversions);
            ledger.charge(i, c.sampleHold, Action.SAMPLE, conversions);
            ledger.charge(i, c.shiftAdd, Action.COMPUTE, conversions);
            ledger.charge(i, c.digital(DigitalKind.ACCUMULATOR), Action.COMPUTE,
                    (double) stats.outputActivations() * (x.rowBlocks() - 1));
        }
        if (!x.analogIn() && !x.pulseWidth()) {
            // Without a sample-and-hold the rows are driven again for each column a shared ADC senses.
            ledger.charge(i, c.dac, Action.DRIVE, x.reads() * x.rowCycles() * x.activity() * c.rowDrives);
        }
        if (!x.analogOut()) {
            double convert = c.adc == null ? 0.0 : c.adc.model().latency(Action.CONVERT);
            double perCycle = macro.adc().columnsPerAdc() * convert;
            // A pulse-width read stretches the whole read cycle, conversions included (as before the split).
            ledger.addDuration(i, LatencyCause.CONVERSION, x.vectors() * x.cycles() * (perCycle * x.pulses()) / x.replicas());
            if (c.sensedInTurn) {
                ledger.sensedInTurn(i);
            }
        }
    }

    /** An encoder encodes each input element every time step; an integration node converts each element it passes on. */
    private static void boundary(int i, MappedNetwork view, EvaluationLedger ledger) {
        NodeKind kind = view.node(i).kind();
        NodeStats stats = view.stats(i);
        for (Subsystem s : view.costs().architecture().subsystems()) {
            if (kind == NodeKind.ENCODER && s instanceof Encoder) {
                ledger.charge(i, view.costs().component(s.name()).orElse(null), Action.ENCODE,
                        (double) stats.outputActivations() * stats.timeSteps());
            } else if (kind == NodeKind.INTEGRATION && s instanceof IntegrationInterface) {
                ledger.charge(i, view.costs().component(s.name()).orElse(null), Action.CONVERT,
                        (double) stats.outputActivations());
            }
        }
    }
}
