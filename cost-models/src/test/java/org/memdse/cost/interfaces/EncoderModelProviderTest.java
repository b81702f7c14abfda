package org.memdse.cost.interfaces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;
import static org.memdse.cost.spi.Fixtures.bare;
import static org.memdse.cost.spi.Fixtures.horowitzTech;
import static org.memdse.cost.spi.Fixtures.isaacTech;
import static org.memdse.cost.spi.Fixtures.query;
import static org.memdse.cost.spi.Fixtures.tech;

import java.util.Arrays;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.Encoder;
import org.memdse.core.arch.EncodingScheme;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.core.arch.Technology;
import org.memdse.core.eval.Action;
import org.memdse.cost.spi.ComponentModelContractTest;
import org.memdse.cost.spi.ComponentModelProvider;
import org.memdse.cost.spi.ModelQuery;

class EncoderModelProviderTest extends ComponentModelContractTest {
    private final EncoderModelProvider provider = new EncoderModelProvider();

    static ModelQuery encoder(EncodingScheme s, Technology t) {
        return query(ComponentKind.ENCODER, new Encoder("encoder", 64, s, PublishedFigures.NONE), bare(t));
    }

    @Override
    protected ComponentModelProvider provider() {
        return provider;
    }

    @Override
    protected List<ModelQuery> supportedQueries() {
        return Arrays.stream(EncodingScheme.values()).map(s -> encoder(s, isaacTech())).toList();
    }

    @Override
    protected Knob knob() {
        return new Knob("node", DoubleStream.of(7, 16, 32, 65, 130).mapToObj(n -> encoder(EncodingScheme.RATE, tech(n, 0.9))).toList(),
                energyOf(Action.ENCODE));
    }

    @Test
    void spikeEncodersByHand() {
        // 45 nm, 0.9 V: two 8-bit adds = 2 * 0.03 pJ = 0.06 pJ per channel sample
        for (EncodingScheme s : List.of(EncodingScheme.RATE, EncodingScheme.TEMPORAL, EncodingScheme.DELTA)) {
            assertThat(provider.create(encoder(s, horowitzTech())).energy(Action.ENCODE)).isCloseTo(0.06e-12, withPercentage(0.01));
        }
    }

    @Test
    void voltageEncoderIsAnEightBitDac() {
        // 32 nm, 1.0 V: 2^7 * 0.35 pJ = 44.8 pJ
        assertThat(provider.create(encoder(EncodingScheme.VOLTAGE, isaacTech())).energy(Action.ENCODE))
                .isCloseTo(44.8e-12, withPercentage(0.01));
    }
}
