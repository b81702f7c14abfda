package org.memdse.cost.interconnect;

import java.util.List;
import org.memdse.core.arch.SpikeNetwork;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Anchor;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * The spike router of an SNN core (address-event packets). TRAVERSE (one spike packet, one hop):
 * E = packet bits × 72 fJ (TrueNorth: 2.3 pJ per 32-bit spike per hop at 28 nm, 0.775 V;
 * published-figures.md §4.5), scaled with Stillmaker &amp; Baas. Hop latency 5.3 ns at 14 nm, the
 * mean of Loihi's E-W and N-S tile hops (4.1 / 6.5 ns; Davies et al. IEEE Micro 2018, §4.4),
 * scaled ∝ F. Area and leakage 0: TrueNorth's router sits inside its 0.0936 mm² core and its
 * static power inside the chip's 64.43 mW, which the neuron model already carries
 * ({@code neuron-truenorth-odin}).
 */
public final class SpikeRouterModelProvider implements ComponentModelProvider {
    static final double E_BIT_HOP = 2.3e-12 / 32;
    static final double LOIHI_HOP = (4.1e-9 + 6.5e-9) / 2;
    static final Anchor LOIHI_14NM = new Anchor(14e-9, 0.75);

    @Override
    public String name() {
        return "spike-router-truenorth";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Merolla et al., Science 2014: 2.3 pJ per spike per hop (72 fJ/bit x 32 bits), 28 nm, 0.775 V (published-figures.md §4.5)"),
                new Citation("Davies et al., Loihi, IEEE Micro 2018 Table 2: tile hop 4.1 / 6.5 ns (§4.4)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(SpikeNetwork.class) == null ? Support.notFor("not a spike network") : Support.accuracy(40);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        SpikeNetwork s = query.spec(SpikeNetwork.class);
        Technology tech = query.technology();
        double energy = Anchor.TRUENORTH_COMM_28NM.energy(E_BIT_HOP * s.packetBits(), tech);
        return Costs.builder().area(0).leakage(0)
                .action(Action.TRAVERSE, energy, LOIHI_14NM.delay(LOIHI_HOP, tech))
                .build();
    }
}
