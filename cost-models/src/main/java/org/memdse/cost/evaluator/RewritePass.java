package org.memdse.cost.evaluator;

import java.util.Optional;
import org.memdse.core.arch.ActivationProducts;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.DeviceWrite;
import org.memdse.core.arch.GradientUnit;
import org.memdse.core.arch.Learning;
import org.memdse.core.arch.LearningRule;
import org.memdse.core.eval.LatencyCause;
import org.memdse.core.eval.RewriteFigures;
import org.memdse.core.network.MatMul;

/**
 * Crossbars rewritten per input (issue 18): a product of two computed tensors that the mapper
 * put on crossbars ({@code activation_products: {run_on: rewritten-crossbars}}) has its B operand
 * (a head's Kᵀ or V) written into the cells before every inference's reads. The reads, conversions
 * and buffer traffic are priced by the other passes as for any crossbar layer; this pass adds the
 * writing, with the learning pass's write model ({@link LearningPass#update}: pulses per cell from
 * the device steps and the update curve, V² G t per pulse or the device's write_energy, rows
 * written one after another in a SET and a RESET phase, every array at once, write-verify's loop
 * when the scheme says so), and the wear.
 *
 * <p>How far a cell moves: its old value (the previous input's) and its new one are taken as
 * independent and uniform over the n = 2^bits_per_cell levels a cell stores, so the mean distance
 * is (n² − 1) / (3n) level spacings, and one level spacing is write.levels / (n − 1) device steps:
 * (n + 1) / (3n) × write.levels device steps per cell (a binary cell: half the range; many levels:
 * a third). Half the cells move up (SET pulses), half down (RESET), as in a weight update.
 *
 * <p>Energy goes to the layer and to the kind {@code cell_write}, time to the layer's latency
 * cause {@code cell_write} (the write precedes the reads); the timing and static passes that
 * follow see both. Lifetime: the device's endurance over the pulses its most-written cell takes
 * per inference.
 */
public final class RewritePass implements EvaluationPass {
    @Override
    public String name() {
        return "rewrite";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        double macs = 0;
        double cells = 0;
        double pulses = 0;
        double busiest = 0;
        double writeE = 0;
        double verifyE = 0;
        double writeT = 0;
        double verifyT = 0;
        double worstWear = 0;
        for (int i = 0; i < view.size(); i++) {
            if (!(view.work(i) instanceof MappedNetwork.CrossbarLayer x) || !(view.node(i) instanceof MatMul)) {
                continue;
            }
            Crossbars xb = x.cim().macro.crossbars();
            Optional<DeviceWrite> write = xb.device().write();
            if (write.isEmpty()) {
                continue; // the reader refuses activation_products on such a device
            }
            ActivationProducts p = x.cim().template.activationProducts();
            int stored = 1 << xb.bitsPerCell();
            LearningPass.LayerUpdate u = LearningPass.update(x, rewriteModel(p, write.get(), stored), write.get(),
                    xb.device());
            double e = u.energyWrite() + u.energyVerify();
            double t = u.timeWrite() + u.timeVerify();
            ledger.chargeCellWrite(i, e);
            ledger.addDuration(i, LatencyCause.CELL_WRITE, t);
            macs += view.stats(i).macs();
            cells += u.cellsWritten();
            pulses += u.pulses() * u.cellsWritten();
            busiest = Math.max(busiest, u.busiestPulses());
            writeE += u.energyWrite();
            verifyE += u.energyVerify();
            writeT += u.timeWrite();
            verifyT += u.timeVerify();
            worstWear = Math.max(worstWear, u.busiestPulses() * u.writeShare() / write.get().endurance());
        }
        if (cells > 0) {
            ledger.rewrite(new RewriteFigures(macs, cells, pulses / cells, busiest, writeE, verifyE, writeT, verifyT,
                    worstWear > 0 ? 1 / worstWear : 0));
        }
    }

    /**
     * The write model's parameters for a rewrite: the scheme and its verify loop from the tile's
     * {@code activation_products}, and the mean device steps a cell moves (see the class comment).
     */
    static Learning rewriteModel(ActivationProducts p, DeviceWrite w, int storedLevels) {
        double steps = meanSteps(w.levels(), storedLevels);
        return new Learning(LearningRule.NONE, 1, 1, 1, 0, p.scheme(), p.maxIterations(), p.tolerance(), steps, 1,
                GradientUnit.DIGITAL, false);
    }

    /** Mean device steps between two independent uniform values of a cell storing {@code n} levels. */
    static double meanSteps(int writeLevels, int n) {
        return (n + 1) / (3.0 * n) * writeLevels;
    }
}
