package org.memdse.cost.evaluator;

import org.memdse.core.arch.PowerGating;
import org.memdse.core.arch.TileArray;

/**
 * Static energy: every component leaks for the whole layer-by-layer latency the timing pass
 * wrote, E = P_leak · latency. Under power gating ({@code power_gating: {gate: unused}}) a
 * switched-off tile or core leaks only its residual share r of its leakage:
 * P_leak = P_all − Σ over tile arrays P_array · (off / count) · (1 − r).
 */
public final class StaticPass implements EvaluationPass {
    @Override
    public String name() {
        return "static";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        double leakage = view.peak().leakagePowerW();
        PowerGating gating = view.costs().architecture().powerGating();
        if (gating.enabled()) {
            for (TileArray a : view.costs().architecture().tileArrays()) {
                long all = a.count() * (long) view.costs().chips();
                long off = all - view.poweredTiles(a.name());
                if (off > 0) {
                    leakage -= view.costs().tileArrayLeakage(a.name()) * off / all * (1 - gating.residualLeakage());
                }
            }
        }
        ledger.staticEnergy(leakage, leakage * ledger.latency());
    }
}
