package org.memdse.cost.evaluator;

/**
 * Static energy: every component leaks for the whole layer-by-layer latency the timing pass
 * wrote, E = P_leak · latency.
 */
public final class StaticPass implements EvaluationPass {
    @Override
    public String name() {
        return "static";
    }

    @Override
    public void run(MappedNetwork view, EvaluationLedger ledger) {
        double leakage = view.peak().leakagePowerW();
        ledger.staticEnergy(leakage, leakage * ledger.latency());
    }
}
