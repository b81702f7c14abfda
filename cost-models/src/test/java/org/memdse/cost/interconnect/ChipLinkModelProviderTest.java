package org.memdse.cost.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ChipLinkKind;
import org.memdse.core.arch.ChipLinks;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModel;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class ChipLinkModelProviderTest extends ComponentModelContractTest {
    private final ChipLinkModelProvider provider = new ChipLinkModelProvider();

    static ModelQuery links(int n, double width, double freq) {
        return query(ComponentKind.CHIP_LINK, new ChipLinks(n, width, freq, PublishedFigures.NONE), bare(isaacTech()));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(links(4, 32, 1.6e9), links(1, 8, 1e6));
    }

    @Override
    protected Knob knob() {
        return new Knob("links", IntStream.rangeClosed(1, 8).mapToObj(n -> links(n, 32, 1.6e9)).toList(), ComponentModel::area);
    }

    @Test
    void isaacsHyperTransportByHand() {
        // 10.4 W / (4 * 32 bit * 1.6 GHz = 204.8 Gb/s) = 50.781 pJ/bit; peak = 10.4 W; area 22.88 mm^2
        ComponentModel m = provider.create(links(4, 32, 1.6e9));
        assertThat(m.energy(Action.TRANSFER)).isCloseTo(50.781e-12, withPercentage(0.01));
        assertThat(m.peakPower()).isCloseTo(10.4, withPercentage(0.01));
        assertThat(m.area()).isCloseTo(22.88e-6, withPercentage(0.01));
    }

    static ModelQuery kind(ChipLinkKind k) {
        return query(ComponentKind.CHIP_LINK, new ChipLinks(4, 16, 8e9, Optional.of(k), PublishedFigures.NONE),
                bare(isaacTech()));
    }

    @Test
    void eachKindChargesItsPublishedEnergyPerBit() {
        // UCIe (Das Sharma et al. 2025): 0.5 / 0.25-0.3 / 0.01-0.05 pJ/bit; TrueNorth 26 pJ/bit; HT 50.8 pJ/bit.
        assertThat(provider.create(kind(ChipLinkKind.UCIE_2D)).energy(Action.TRANSFER)).isCloseTo(0.5e-12, withPercentage(0.01));
        assertThat(provider.create(kind(ChipLinkKind.INTERPOSER_2_5D)).energy(Action.TRANSFER)).isBetween(0.25e-12, 0.3e-12);
        assertThat(provider.create(kind(ChipLinkKind.BONDING_3D)).energy(Action.TRANSFER)).isBetween(0.01e-12, 0.05e-12);
        assertThat(provider.create(kind(ChipLinkKind.PARALLEL)).energy(Action.TRANSFER)).isCloseTo(26e-12, withPercentage(0.01));
        assertThat(provider.create(kind(ChipLinkKind.SERDES)).energy(Action.TRANSFER)).isCloseTo(50.781e-12, withPercentage(0.01));
    }

    @Test
    void aTwoAndAHalfDLinkBeatsSerDesOnEnergyPerBitAndLatency() {
        ComponentModel interposer = provider.create(kind(ChipLinkKind.INTERPOSER_2_5D));
        ComponentModel serdes = provider.create(kind(ChipLinkKind.SERDES));
        assertThat(interposer.energy(Action.TRANSFER)).isLessThan(serdes.energy(Action.TRANSFER) / 100);
        assertThat(interposer.latency(Action.TRAVERSE)).isLessThan(serdes.latency(Action.TRAVERSE));
        // Bandwidth is the description's: the same width x frequency gives the same time per bit.
        assertThat(interposer.latency(Action.TRANSFER)).isEqualTo(serdes.latency(Action.TRANSFER));
    }

    @Test
    void anOpticalLinkIsPricedOnlyByItsOwnFigures() {
        assertThat(provider.supports(kind(ChipLinkKind.OPTICAL)).supported()).isFalse();
        assertThat(provider.supports(kind(ChipLinkKind.OPTICAL)).reason()).contains("give energy");
    }

    @Test
    void slowLinksUseTrueNorthsEnergy() {
        // 8 bits * 1 MHz = 8 Mb/s < 1 Gb/s: 26 pJ/bit
        assertThat(provider.create(links(1, 8, 1e6)).energy(Action.TRANSFER)).isCloseTo(26e-12, withPercentage(0.01));
    }
}
