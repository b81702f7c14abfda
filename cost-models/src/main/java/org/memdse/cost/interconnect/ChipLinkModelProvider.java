package org.memdse.cost.interconnect;

import java.util.List;
import org.memdse.core.arch.ChipLinkKind;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.eval.Action;
import org.memdse.cost.scaling.Costs;
import org.memdse.cost.spi.Citation;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;
import org.memdse.cost.spi.Support;

/**
 * All chip-to-chip links of a system together (one component). TRANSFER is one bit: its energy is
 * the link kind's published energy per bit, its latency one bit's share of all links' bandwidth,
 * 1 / (links × width × frequency). TRAVERSE is one crossing: no energy (the bits carry it), the
 * kind's fixed latency (serialiser, PHY and flight). docs/reference/communication.md §3:
 * <ul>
 *   <li>{@code serdes}: ISAAC's HyperTransport, 10.4 W for 4 links of 6.4 GB/s = 50.8 pJ/bit [D];
 *       area 22.88 mm² / 4 = 5.72 mm² per link; 5 ns per packet (PUMA's HyperTransport).</li>
 *   <li>{@code parallel}: TrueNorth's 26 pJ/bit chip to chip (Merolla et al. 2014); area 0 (pads,
 *       not given); no latency published: one transfer period.</li>
 *   <li>{@code ucie-2d}: 0.5 pJ/bit (standard package, up to 16 GT/s); ~2 ns round trip, so 1 ns a crossing.</li>
 *   <li>{@code interposer-2.5d}: UCIe advanced package, 0.25–0.3 pJ/bit: 0.3 (the upper end); 1 ns.</li>
 *   <li>{@code 3d-bonding}: UCIe-3D hybrid bonding 0.01–0.05 pJ/bit: 0.05 (the upper end); no
 *       latency of its own published, UCIe's 1 ns taken.</li>
 *   <li>{@code optical}: no primary figure found: only with a given {@code energy}.</li>
 * </ul>
 * UCIe figures: Das Sharma et al., Hot Interconnects 2025 (arXiv 2510.06513). Peak power: the links
 * busy at full rate; leakage 0. Not node-scaled: off-chip signalling energy is set by the channel,
 * not the node. A link without a kind is serial from 1 Gb/s per link up, else parallel.
 */
public final class ChipLinkModelProvider implements ComponentModelProvider {
    static final double HT_E_BIT = 10.4 / (4 * 6.4e9 * 8);
    static final double HT_AREA_PER_LINK = 22.88e-6 / 4;
    static final double HT_PACKET_LATENCY = 5e-9;
    static final double TN_E_BIT = 26e-12;
    static final double UCIE_2D_E_BIT = 0.5e-12;
    static final double UCIE_25D_E_BIT = 0.3e-12;
    static final double UCIE_3D_E_BIT = 0.05e-12;
    /** Half of UCIe's ~2 ns round trip. */
    static final double UCIE_LATENCY = 1e-9;

    @Override
    public String name() {
        return "chip-link-by-kind";
    }

    @Override
    public List<Citation> sources() {
        return List.of(new Citation("Shafiee et al., ISAAC, ISCA 2016 Table I: HyperTransport 4 links, 1.6 GHz, 6.4 GB/s, 10.4 W, 22.88 mm^2"),
                new Citation("Ankit et al., PUMA, ASPLOS 2019 (puma-simulator constants.py): HyperTransport 5 ns per packet"),
                new Citation("Merolla et al., Science 2014: 26 pJ/bit chip to chip (published-figures.md §4.5)"),
                new Citation("Das Sharma et al., UCIe, Hot Interconnects 2025 (arXiv 2510.06513): 0.5 / 0.25-0.3 / 0.01-0.05 pJ/bit "
                        + "for 2D / 2.5D / 3D packages, ~2 ns round trip"));
    }

    @Override
    public Support supports(ModelQuery query) {
        ChipLinks c = query.spec(ChipLinks.class);
        if (c == null) {
            return Support.notFor("not chip-to-chip links");
        }
        if (c.effectiveKind() == ChipLinkKind.OPTICAL) {
            return Support.no("optical links: no published energy per bit to default to; give energy: per bit");
        }
        return Support.accuracy(30);
    }

    /** The kind's published energy per bit, J. */
    static double energyPerBit(ChipLinkKind kind) {
        return switch (kind) {
            case SERDES -> HT_E_BIT;
            case PARALLEL -> TN_E_BIT;
            case UCIE_2D -> UCIE_2D_E_BIT;
            case INTERPOSER_2_5D -> UCIE_25D_E_BIT;
            case BONDING_3D -> UCIE_3D_E_BIT;
            case OPTICAL -> throw new IllegalArgumentException("optical links have no default energy per bit");
        };
    }

    /** The kind's fixed latency of one crossing, s. */
    static double crossingLatency(ChipLinks c) {
        return switch (c.effectiveKind()) {
            case SERDES -> HT_PACKET_LATENCY;
            case PARALLEL -> 1 / c.frequencyHz();
            case UCIE_2D, INTERPOSER_2_5D, BONDING_3D -> UCIE_LATENCY;
            case OPTICAL -> throw new IllegalArgumentException("optical links have no default latency");
        };
    }

    @Override
    public ComponentModel create(ModelQuery query) {
        ChipLinks c = query.spec(ChipLinks.class);
        ChipLinkKind kind = c.effectiveKind();
        double eBit = energyPerBit(kind);
        double bandwidth = c.links() * c.bandwidthBitsPerSecond();
        return Costs.builder()
                .area(kind == ChipLinkKind.SERDES ? c.links() * HT_AREA_PER_LINK : 0)
                .leakage(0)
                .action(Action.TRANSFER, eBit, 1 / bandwidth)
                .action(Action.TRAVERSE, 0, crossingLatency(c))
                .build();
    }
}
