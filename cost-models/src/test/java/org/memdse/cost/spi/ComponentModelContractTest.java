package org.memdse.cost.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.memdse.core.arch.ComponentKind;
import org.memdse.core.eval.Action;

/**
 * What every {@link ComponentModelProvider} promises (STYLE.md §2.4): a name and sources; results
 * finite, non-negative and deterministic; a refusal with a reason; the obvious knob monotone;
 * registered as a service. A new model adds one subclass.
 */
public abstract class ComponentModelContractTest {
    /** The provider under test. */
    protected abstract ComponentModelProvider provider();

    /** Queries the provider must price. */
    protected abstract List<ModelQuery> supportedQueries();

    /** Queries it must refuse; by default one with a foreign spec. */
    protected List<ModelQuery> unsupportedQueries() {
        return List.of(Fixtures.query(ComponentKind.DIGITAL, "not a component record", Fixtures.bare(Fixtures.isaacTech())));
    }

    /** The knob: queries in rising order of it, and the measure that must not fall along them. */
    protected abstract Knob knob();

    /** @param name what rises, for the message */
    public record Knob(String name, List<ModelQuery> rising, ToDoubleFunction<ComponentModel> measure) {
    }

    protected static ToDoubleFunction<ComponentModel> energyOf(Action a) {
        return m -> m.energy(a);
    }

    @Test
    void hasANameAndSources() {
        assertThat(provider().name()).isNotBlank().matches("[a-z0-9-]+");
        assertThat(provider().sources()).isNotEmpty();
    }

    @Test
    void supportsItsQueries() {
        for (ModelQuery q : supportedQueries()) {
            Support s = provider().supports(q);
            assertThat(s.supported()).as("%s supports %s: %s", provider().name(), q.component().spec(), s.reason()).isTrue();
        }
    }

    @Test
    void resultsAreFiniteAndNonNegative() {
        for (ModelQuery q : supportedQueries()) {
            ComponentModel m = provider().create(q);
            String what = provider().name() + " on " + q.component().spec();
            assertFiniteNonNegative(what + " area", m.area());
            assertFiniteNonNegative(what + " leakage", m.leakagePower());
            assertFiniteNonNegative(what + " peak power", m.peakPower());
            assertThat(m.peakPower()).as(what + " peak >= leakage").isGreaterThanOrEqualTo(m.leakagePower());
            assertThat(m.actions()).as(what + " actions").isNotEmpty();
            for (Action a : Action.values()) {
                assertFiniteNonNegative(what + " energy(" + a.key() + ")", m.energy(a));
                assertFiniteNonNegative(what + " latency(" + a.key() + ")", m.latency(a));
            }
        }
    }

    @Test
    void isDeterministic() {
        for (ModelQuery q : supportedQueries()) {
            assertThat(ActionCosts.of(provider().create(q))).isEqualTo(ActionCosts.of(provider().create(q)));
            assertThat(provider().supports(q)).isEqualTo(provider().supports(q));
        }
    }

    @Test
    void refusalsCarryAReason() {
        for (ModelQuery q : unsupportedQueries()) {
            Support s = provider().supports(q);
            assertThat(s.supported()).as("%s refuses %s", provider().name(), q.component().spec()).isFalse();
            assertThat(s.reason()).isNotBlank();
        }
    }

    @Test
    void theKnobIsMonotone() {
        Knob k = knob();
        assertThat(k.rising()).hasSizeGreaterThan(1);
        List<Double> values = new ArrayList<>();
        for (ModelQuery q : k.rising()) {
            assertThat(provider().supports(q).supported()).as("knob query supported: %s", q.component().spec()).isTrue();
            values.add(k.measure().applyAsDouble(provider().create(q)));
        }
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).as("%s: value must not fall as %s rises (%s)", provider().name(), k.name(), values)
                    .isGreaterThanOrEqualTo(values.get(i - 1));
        }
        assertThat(values.get(values.size() - 1)).as("the knob changes something").isGreaterThan(values.get(0));
    }

    @Test
    void isRegisteredAsAService() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(ComponentModelProvider.class).forEach(p -> names.add(p.name()));
        assertThat(names).contains(provider().name());
    }

    private static void assertFiniteNonNegative(String what, double v) {
        assertThat(Double.isFinite(v)).as(what + " finite, was " + v).isTrue();
        assertThat(v).as(what).isGreaterThanOrEqualTo(0.0);
    }
}
