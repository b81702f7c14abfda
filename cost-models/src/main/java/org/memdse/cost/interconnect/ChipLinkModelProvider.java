package org.memdse.cost.interconnect;

import java.util.List;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * All chip-to-chip links of a system together (one component). TRANSFER is one bit.
 * <ul>
 *   <li>Serial links of at least 1 Gb/s per link: ISAAC's HyperTransport, 10.4 W for 4 links of
 *       6.4 GB/s: 10.4 W / (4 × 51.2 Gb/s) = 50.8 pJ/bit; area 22.88 mm² / 4 = 5.72 mm² per link.</li>
 *   <li>Slower (parallel, asynchronous) links: TrueNorth's 26 pJ/bit chip to chip (Merolla et al.
 *       2014; published-figures.md §4.5); area 0 (pads only, not given).</li>
 * </ul>
 * Latency of one bit 1 / (links × width × frequency); peak power the links busy at full rate;
 * leakage 0. Not node-scaled: off-chip signalling energy is set by the channel, not the node.
 */
public final class ChipLinkModelProvider implements ComponentModelProvider {
    static final double HT_E_BIT = 10.4 / (4 * 6.4e9 * 8);
    static final double HT_AREA_PER_LINK = 22.88e-6 / 4;
    static final double TN_E_BIT = 26e-12;
    static final double SERIAL_THRESHOLD = 1e9;

    @Override
    public String name() {
        return "chip-link-ht-truenorth";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: HyperTransport 4 links, 1.6 GHz, 6.4 GB/s, 10.4 W, 22.88 mm^2"),
                new Citation("Merolla et al., Science 2014: 26 pJ/bit chip to chip (published-figures.md §4.5)"));
    }

    @Override
    public Support supports(ModelQuery query) {
        return query.spec(ChipLinks.class) == null ? Support.notFor("not chip-to-chip links") : Support.accuracy(30);
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        ChipLinks c = query.spec(ChipLinks.class);
        boolean serial = c.bandwidthBitsPerSecond() >= SERIAL_THRESHOLD;
        double eBit = serial ? HT_E_BIT : TN_E_BIT;
        double bandwidth = c.links() * c.bandwidthBitsPerSecond();
        return Costs.builder()
                .area(serial ? c.links() * HT_AREA_PER_LINK : 0)
                .leakage(0)
                .action(Action.TRANSFER, eBit, 1 / bandwidth)
                .build();
    }
}
