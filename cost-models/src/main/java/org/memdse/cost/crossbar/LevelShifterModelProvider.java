package org.memdse.cost.crossbar;

import java.util.List;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.LevelShifters;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * The write path of one crossbar array: a level shifter on every line a programming pulse drives
 * ({@link LevelShifters#lines()}), built as DNN+NeuroSim V1.3/V1.4 builds them (SubArray.cpp
 * wl/bl/sl LevelShifter, LevelShifter.cpp). They are needed only when the device's write voltage
 * is above what the core transistors switch: NeuroSim adds them when writeVoltage &gt; 1.5 V, and
 * this model takes the same threshold. Below it the array has none (zero area).
 *
 * <ul>
 *   <li>Area of one shifter: three inverter stages in a 70 F tall cell (low-voltage input stage,
 *       then a latch and a pull-up of thick-oxide IO devices drawn 2.5× wider for their 270 nm
 *       gates), 15.2 F + (2 · 15.2 F + 45.6 F) · 2.5 = 205.2 F wide, times NeuroSim's 1.44 wiring
 *       factor of its validated layout: 70 · 205.2 · 1.44 = 20,684 F² (10.01 µm² at 22 nm).
 *       NeuroSim draws it in F at every node; so does this model. At 22 nm, a 128×128 1T1R array
 *       has 384 of them, 3,844 µm², ten times the array's own 380 µm²: in NeuroSim's VGG-8 example
 *       they are 15.6 of the 20.1 mm² its output calls "other peripherals".</li>
 *   <li>WRITE (one line switched to the write voltage): the gates of its transistors charged to
 *       v_write, E = C_g · W · v_write², W = 1,035.2 F of gate width (stage widths
 *       60 + 105.6, 128 + 52.8, 256 + 432.8 F), C_g = 5.11e-16 F/µm (CACTI 6.5 LSTP c_g_ideal +
 *       c_fringe, 32 nm); latency the device's write pulse.</li>
 *   <li>Leakage: half the width off at v_write, I_off = 2.06e-11 A/µm (CACTI 6.5 LSTP, 300 K):
 *       IO devices are thick-oxide, so their off-current is taken as the low-standby one whatever
 *       the logic's flavour. No READ action: the write path idles during inference.</li>
 * </ul>
 */
public final class LevelShifterModelProvider implements ComponentModelProvider {
    /** NeuroSim's threshold above which the write voltage needs level shifting, V. */
    static final double THRESHOLD_V = 1.5;
    /** One level shifter, F²: 70 F x 205.2 F x 1.44 (NeuroSim LevelShifter.cpp, validated layout). */
    static final double SHIFTER_F2 = 70 * 205.2 * 1.44;
    /** Gate width of one shifter's six transistors, F. */
    static final double GATE_WIDTH_F = 60 + 105.6 + 128 + 52.8 + 256 + 432.8;
    static final double GATE_CAP_PER_METER = 5.11e-16 / 1e-6;
    static final double OFF_CURRENT_PER_METER = 2.06e-11 / 1e-6;

    @Override
    public String name() {
        return "level-shifter-neurosim";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("DNN+NeuroSim V1.3/V1.4 SubArray.cpp and LevelShifter.cpp: word-, bit- and source-line "
                        + "level shifters when writeVoltage > 1.5 V; 70 F cell, 205.2 F wide, 1.44 wiring factor"),
                new Citation("CACTI 6.5 technology.cc (ITRS 2007, 32 nm LSTP): c_g_ideal + c_fringe, I_off at 300 K"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(LevelShifters.class) == null ? Support.notFor("not an array's level shifters") : Support.accuracy(40);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        LevelShifters shifters = query.spec(LevelShifters.class);
        Device d = shifters.crossbars().device();
        double f = query.technology().nodeMeters();
        int lines = d.vWrite() > THRESHOLD_V ? shifters.lines() : 0;
        double width = GATE_WIDTH_F * f;
        double leakage = lines * 0.5 * OFF_CURRENT_PER_METER * width * d.vWrite();
        // Peak = leakage: the arrays' peak (all reading) leaves the write path idle.
        return Costs.builder()
                .area(lines * SHIFTER_F2 * f * f)
                .leakage(leakage)
                .action(Action.WRITE, lines == 0 ? 0 : GATE_CAP_PER_METER * width * d.vWrite() * d.vWrite(), d.writeTime())
                .peak(leakage)
                .build();
    }
}
