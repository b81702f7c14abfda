package org.memdse.cost.crossbar;

import java.util.List;
import org.memdse.core.arch.Crossbars;
import org.memdse.core.arch.Device;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * One memristor crossbar array, priced from its device (Ohm's law) and its cell layout.
 *
 * <ul>
 *   <li>READ (all rows driven, every cell conducting for the read pulse):
 *       E = V_read² · Ḡ · rows · cols · t_read, with Ḡ = (G_on + G_off)/2: the mean cell
 *       conductance when the stored levels are uniformly used (levels are spaced linearly between
 *       G_off and G_on, so their mean is the midpoint). Latency t_read. This is the energy of one
 *       t_read of conduction; how long the cells actually conduct in a read cycle depends on how the
 *       macro senses its columns (with a sample-and-hold, one pulse; without, each column conducts
 *       while its shared converter senses it), which the evaluator counts
 *       ({@code ArchitectureCosts.CimSubsystem#conduction}). Column sharing does not divide it.</li>
 *   <li>WRITE (one cell programmed): the device's write energy and write time.</li>
 *   <li>Area: rows · cols · A_cell · F², A_cell = 48 F² for 1T1R (4F × 12F, DNN+NeuroSim
 *       V1.3/V1.4 Param.cpp, published-figures.md §3.4), 4 F² for 1S1R and 1R (the ideal
 *       crosspoint, 2F pitch each way); a crossbars {@code cell_area_f2} replaces the type's
 *       (DNN+NeuroSim V2.1 Param.cpp draws its 1T1R cell 4F x 4F, published-figures.md §3.4).</li>
 *   <li>Leakage 0: a non-volatile array draws no current when its lines are not driven.</li>
 * </ul>
 * Peripheral circuits (drivers, ADCs, S&amp;H) are separate components.
 */
public final class CrossbarModelProvider implements ComponentModelProvider {

    @Override
    public String name() {
        return "crossbar-ohmic";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Ohm's law on the device's v_read, r_on, r_off, t_read (mean conductance of uniformly used levels)"),
                new Citation("DNN+NeuroSim V1.3/V1.4 Param.cpp: 1T1R cell 4F x 12F (published-figures.md §3.4)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        Crossbars x = query.spec(Crossbars.class);
        if (x == null) {
            return Support.notFor("not a crossbar");
        }
        if (x.bitsPerCell() > x.device().maxBitsPerCell()) {
            return Support.no("bits_per_cell " + x.bitsPerCell() + " exceeds the device's " + x.device().levels()
                    + " levels (" + x.device().maxBitsPerCell() + " bits)");
        }
        return Support.accuracy(50);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        Crossbars x = query.spec(Crossbars.class);
        Device d = x.device();
        double f = query.technology().nodeMeters();
        double meanG = (d.gOn() + d.gOff()) / 2;
        double readEnergy = d.vRead() * d.vRead() * meanG * x.cellsPerArray() * d.tRead();
        double area = x.cellsPerArray() * x.cellAreaF2() * f * f;
        return Costs.builder()
                .area(area)
                .leakage(0)
                .action(Action.READ, readEnergy, d.tRead())
                .action(Action.WRITE, d.writeEnergy(), d.writeTime())
                .peak(readEnergy / d.tRead())
                .build();
    }
}
