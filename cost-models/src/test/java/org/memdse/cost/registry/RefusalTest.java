package org.memdse.cost.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.Adc;
import org.memdse.core.arch.AdcKind;
import org.memdse.core.arch.Architecture;
import org.memdse.core.arch.Component;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.arch.PublishedFigures;
import org.memdse.cost.spi.Fixtures;
import org.memdse.cost.spi.Support;

/**
 * Why a component cannot be priced: the reasons of the providers of its kind, without the
 * "not an ADC" of every other provider; published figures price what no model does.
 */
class RefusalTest {
    private final ComponentModelRegistry registry = ComponentModelRegistry.load();
    private final Architecture fig4 = Fixtures.fig4();

    private static Component adc(int bits, PublishedFigures figures) {
        return new Component("cim.macro.adc", "cim", ComponentKind.ADC,
                new Adc(AdcKind.FLASH, bits, 8, OptionalDouble.empty(), figures), 64, figures);
    }

    @Test
    void aSupportedComponentHasNoRefusal() {
        assertThat(registry.refusal(adc(5, PublishedFigures.NONE), fig4)).isEmpty();
    }

    @Test
    void aTwelveBitFlashAdcIsRefusedWithTheAdcModelsReasonOnly() {
        assertThat(registry.refusal(adc(12, PublishedFigures.NONE), fig4)).hasValue(
                "adc-survey: flash ADC with 12 bits: above 8 bits, outside the survey data this model is fitted to");
        NoModelException e = catchThrowableOfType(NoModelException.class,
                () -> registry.modelFor(adc(12, PublishedFigures.NONE), fig4));
        assertThat(e.getMessage()).contains("adc-survey: flash ADC with 12 bits").doesNotContain("not a crossbar");
    }

    @Test
    void publishedFiguresPriceWhatNoModelDoes() {
        PublishedFigures figures = new PublishedFigures(OptionalDouble.of(1e-10), OptionalDouble.of(1e-12),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        assertThat(registry.refusal(adc(12, figures), fig4)).isEmpty();
        assertThat(registry.modelFor(adc(12, figures), fig4).area()).isEqualTo(1e-10);
    }

    @Test
    void everyProviderTellsAnotherKindFromAnUnsupportedSetting() {
        Component flash12 = adc(12, PublishedFigures.NONE);
        for (var p : registry.providers()) {
            Support s = p.supports(new org.memdse.cost.spi.ModelQuery(flash12, fig4));
            assertThat(s.otherKind()).as(p.name()).isEqualTo(!p.name().equals("adc-survey"));
        }
    }
}
