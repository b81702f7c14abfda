package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How a weight update reaches the cells' conductances. */
public enum UpdateScheme implements Keyed {
    /** identical pulses, counted from the conductance change, no read-back (DNN+NeuroSim V2.1). */
    OPEN_LOOP("open-loop"),
    /** pulses of rising amplitude (MLP+NeuroSim V3.0's non-identical pulse scheme), no read-back. */
    INCREMENTAL_STEP("incremental-step"),
    /** program and verify: pulse, read, repeat until within tolerance or out of iterations. */
    WRITE_VERIFY("write-verify"),
    /** fully parallel stochastic pulse coincidence (Gokmen & Vlasov 2016): the array updates at once. */
    STOCHASTIC_OUTER_PRODUCT("stochastic-outer-product"),
    /** a digital accumulator writes a cell only when its update reaches one device step (Nandakumar 2020). */
    MIXED_PRECISION("mixed-precision");

    private final String key;

    UpdateScheme(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
