package org.memdse.cost.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.mesh;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.tech;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.ModelQuery;

class LinkModelProviderTest extends ComponentModelContractTest {
    private final LinkModelProvider provider = new LinkModelProvider();

    static ModelQuery link(double lengthM, double vdd) {
        return query(ComponentKind.LINK, mesh(32, OptionalDouble.of(lengthM)), bare(tech(32, vdd)));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return List.of(link(1e-3, 1.0), link(1e-6, 0.5),
                query(ComponentKind.LINK, mesh(64, OptionalDouble.empty()), bare(isaacTech())));
    }

    @Override
    protected List<ModelQuery> unsupportedQueries() {
        return List.of(query(ComponentKind.ROUTER, mesh(32, OptionalDouble.empty()), bare(isaacTech())));
    }

    @Override
    protected Knob knob() {
        return new Knob("length", DoubleStream.of(0.1e-3, 0.5e-3, 1e-3, 2e-3).mapToObj(l -> link(l, 1.0)).toList(),
                energyOf(Action.TRANSFER));
    }

    @Test
    void aOneMillimetreLinkByHand() {
        // 32 bits * 0.3 fJ/bit/um * 1000 um = 9.6 pJ at 0.775 V; at 1.0 V x (1/0.775)^2 = 1.66493 -> 15.983 pJ
        assertThat(provider.create(link(1e-3, 0.775)).energy(Action.TRANSFER)).isCloseTo(9.6e-12, withPercentage(0.01));
        assertThat(provider.create(link(1e-3, 1.0)).energy(Action.TRANSFER)).isCloseTo(15.983e-12, withPercentage(0.01));
    }

    @Test
    void withoutALengthItIsTheEndpointPitch() {
        // isaac-ce: per tile, everything but the interconnect = 0.37229 - 0.151/4 = 0.33454 mm^2 (Table I, via the
        // published figures); one router per 4 tiles: L = sqrt(4 * 0.33454 mm^2) = 1.15679 mm
        Architecture isaac = Fixtures.isaac();
        assertThat(LinkModelProvider.derivedLength(isaac.interconnect().onChip(), isaac)).isCloseTo(1.15679e-3, withPercentage(0.1));
        // nothing to price: 1 mm
        assertThat(LinkModelProvider.derivedLength(mesh(32, OptionalDouble.empty()), bare(isaacTech()))).isEqualTo(1e-3);
    }
}
