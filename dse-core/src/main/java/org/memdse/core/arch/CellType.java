package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How a crossbar cell is built; sets its area in F^2 and its sneak-path behaviour. */
public enum CellType implements Keyed {
    /** one access transistor and one memristor. */
    ONE_T_ONE_R("1T1R"),
    /** one selector and one memristor. */
    ONE_S_ONE_R("1S1R"),
    /** a bare memristor at each crossing. */
    PASSIVE("1R");

    private final String key;

    CellType(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }
}
