package org.memdse.cost.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
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

    @Test
    void slowLinksUseTrueNorthsEnergy() {
        // 8 bits * 1 MHz = 8 Mb/s < 1 Gb/s: 26 pJ/bit
        assertThat(provider.create(links(1, 8, 1e6)).energy(Action.TRANSFER)).isCloseTo(26e-12, withPercentage(0.01));
    }
}
