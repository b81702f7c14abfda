package org.memdse.cost.snn;

import java.util.List;
import org.memdse.core.arch.Device;
import org.memdse.core.arch.SynapseArray;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * The memristor synapse array of one SNN core.
 *
 * <ul>
 *   <li>SYNAPTIC_EVENT: E = E_SOP + V_read² · Ḡ · t_read — the calibrated core's marginal energy
 *       per synaptic operation ({@link SnnCalibration}: TrueNorth 2.297 pJ at 0.8 V or ODIN
 *       8.43 pJ at 0.55 V, 28 nm, scaled by Stillmaker &amp; Baas) plus the read of one memristor
 *       cell at its mean conductance. Latency: TrueNorth 4096 / 58 GSOPS; ODIN 2 clock cycles.</li>
 *   <li>WRITE: programming one synapse (STDP / in-situ update): the device's write energy and time.</li>
 *   <li>Leakage: the ODIN clock term 1.78 µW/MHz × f_clk per core (TrueNorth is asynchronous: 0).</li>
 *   <li>Area: rows × cols × 48 F² (1T1R, NeuroSim's 4F × 12F; the record has no cell type).</li>
 * </ul>
 */
public final class SynapseModelProvider implements ComponentModelProvider {
    static final double CELL_1T1R_F2 = 48;
    /** TrueNorth peak 58 GSOPS over 4096 cores (published-figures.md §4.5). */
    static final double TRUENORTH_SOP_TIME = 4096 / 58e9;

    @Override
    public String name() {
        return "synapse-memristor-calibrated";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Akopyan et al., IEEE TCAD 2015 Fig. 17: TrueNorth 2.297 pJ per synaptic event; 58 GSOPS peak (§4.5)"),
                new Citation("Frenkel et al., IEEE TBioCAS 2019: ODIN 8.43 pJ per SOP, 1.78 uW/MHz idle (§4.6)"),
                new Citation("DNN+NeuroSim V1.3/V1.4 Param.cpp: 1T1R cell 4F x 12F (§3.4)"),
                new Citation("Stillmaker & Baas, Integration 58 (2017): node and supply scaling"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(SynapseArray.class) == null ? Support.notFor("not a synapse array") : Support.accuracy(40);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        SynapseArray s = query.spec(SynapseArray.class);
        Technology tech = query.technology();
        Device d = s.device();
        SnnCalibration c = SnnCalibration.forWeightBits(s.weightBits());
        double cellRead = d.vRead() * d.vRead() * (d.gOn() + d.gOff()) / 2 * d.tRead();
        double sop = c.anchor.energy(c.sopEnergy, tech) + cellRead;
        double sopTime = c == SnnCalibration.TRUENORTH ? TRUENORTH_SOP_TIME : 2 / tech.clockHz();
        double f = tech.nodeMeters();
        return Costs.builder()
                .area(s.synapses() * CELL_1T1R_F2 * f * f)
                .leakage(c.anchor.power(c.clockPowerPerHz * tech.clockHz(), tech))
                .action(Action.SYNAPTIC_EVENT, sop, sopTime)
                .action(Action.WRITE, d.writeEnergy(), d.writeTime())
                .build();
    }
}
