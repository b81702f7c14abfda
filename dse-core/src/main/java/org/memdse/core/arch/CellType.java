package org.memdse.core.arch;

import org.memdse.core.spec.Keyed;

/** How a crossbar cell is built; sets its area in F^2 and its sneak-path behaviour. */
public enum CellType implements Keyed {
    /** one access transistor and one memristor: 4F x 12F (DNN+NeuroSim V1.3/V1.4 Param.cpp; published-figures.md §3.4). */
    ONE_T_ONE_R("1T1R", 4 * 12),
    /** one selector and one memristor: the 2F x 2F crosspoint (Strukov &amp; Williams; ITRS ERD). */
    ONE_S_ONE_R("1S1R", 4),
    /** a bare memristor at each crossing: 2F x 2F. */
    PASSIVE("1R", 4);

    private final String key;
    private final double areaF2;

    CellType(String key, double areaF2) {
        this.key = key;
        this.areaF2 = areaF2;
    }

    /** The cell's area in F^2 when the crossbars do not give their own {@code cell_area_f2}. */
    public double areaF2() {
        return areaF2;
    }

    @Override
    public String key() {
        return key;
    }
}
